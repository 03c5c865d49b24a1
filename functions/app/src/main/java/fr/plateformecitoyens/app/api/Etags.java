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
        String ifMatch = request.header("if-match").orElseThrow(() -> new DomainException.PreconditionRequired(
                "L'en-tête If-Match est obligatoire : renvoyez l'ETag de la demande telle que vous l'avez lue."));
        Matcher matcher = ETAG.matcher(ifMatch.strip());
        if (!matcher.matches() || !matcher.group(1).equals(reference)) {
            throw new DomainException.PreconditionFailed("Cette demande a été modifiée entre-temps. Rechargez-la.");
        }
        try {
            return Long.parseLong(matcher.group(2));
        } catch (NumberFormatException e) {
            throw new DomainException.PreconditionFailed("Cette demande a été modifiée entre-temps. Rechargez-la.");
        }
    }
}
