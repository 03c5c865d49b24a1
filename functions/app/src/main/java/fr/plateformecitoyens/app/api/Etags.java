package fr.plateformecitoyens.app.api;

import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.core.error.DomainException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the version a change applies to from If-Match, the entity tag {@link Views#etag} writes. */
final class Etags {

    private static final Pattern ETAG = Pattern.compile("^\"(.+)-v(\\d+)\"$");

    private Etags() {
    }

    /** The version named by If-Match: 428 without the header, 412 for a tag of another request or malformed. */
    static long expectedVersion(ApiRequest request, String reference) {
        return versionIn(request.header("if-match").orElseThrow(() -> new DomainException.PreconditionRequired(
                "L'en-tête If-Match est obligatoire : renvoyez l'ETag de la demande telle que vous l'avez lue.")),
                reference);
    }

    /** The version an entity tag of {@code reference} names; 412 for a tag of another request or malformed. */
    static long versionIn(String etag, String reference) {
        Matcher matcher = ETAG.matcher(etag.strip());
        if (!matcher.matches() || !matcher.group(1).equals(reference)) {
            throw stale();
        }
        try {
            return Long.parseLong(matcher.group(2));
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    private static DomainException.PreconditionFailed stale() {
        return new DomainException.PreconditionFailed("Cette demande a été modifiée par ailleurs. Rechargez-la.");
    }
}
