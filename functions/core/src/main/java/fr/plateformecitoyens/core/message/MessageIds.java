package fr.plateformecitoyens.core.message;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Message ids: the instant of posting (UTC, fixed width, to the millisecond) then 12 characters, random or
 * derived from an idempotency key. Sorting ids sorts messages by time, so a thread is one range of keys.
 */
public final class MessageIds {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern ID = Pattern.compile("\\d{8}T\\d{9}Z-[A-Za-z0-9_-]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MessageIds() {
    }

    public static String random(Instant at) {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return of(at, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** @param suffix 12 characters of {@code [A-Za-z0-9_-]} */
    public static String of(Instant at, String suffix) {
        String id = INSTANT.format(at) + "-" + suffix;
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a message id suffix: " + suffix);
        }
        return id;
    }

    public static boolean isWellFormed(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The instant an id was made at, when it is well-formed. */
    public static Optional<Instant> instantOf(String id) {
        if (!isWellFormed(id)) {
            return Optional.empty();
        }
        return Optional.of(INSTANT.parse(id.substring(0, 19), Instant::from));
    }
}
