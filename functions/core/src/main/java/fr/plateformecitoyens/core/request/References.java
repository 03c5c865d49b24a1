package fr.plateformecitoyens.core.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;

/**
 * Makes request references such as {@code 2026-K7Q4-M2XH}: the year, then eight characters of an
 * alphabet without the letters that read like digits (I, L, O, U), easy to spell on the phone.
 */
public final class References {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private References() {
    }

    public static String random(LocalDate day) {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        return format(day, bytes);
    }

    /**
     * The same reference for the same caller and idempotency key, so that a retried submission finds
     * the request it created the first time.
     */
    public static String forIdempotencyKey(LocalDate day, String tenantId, String applicantId, String key) {
        return format(day, sha256(tenantId + '\n' + applicantId + '\n' + key));
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String format(LocalDate day, byte[] bytes) {
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (bytes[i] & 0xFF);
        }
        StringBuilder code = new StringBuilder(14).append(day.getYear()).append('-');
        for (int i = 7; i >= 0; i--) {
            code.append(ALPHABET[(int) ((bits >>> (5 * i)) & 31)]);
            if (i == 4) {
                code.append('-');
            }
        }
        return code.toString();
    }

    /** True for strings shaped like a reference; used to reject junk before any lookup. */
    public static boolean isWellFormed(String text) {
        return text != null && text.matches("\\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    }
}
