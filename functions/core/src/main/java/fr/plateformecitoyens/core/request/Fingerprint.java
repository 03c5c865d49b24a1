package fr.plateformecitoyens.core.request;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest of a submission (démarche and answers) that does not depend on the order of keys, so that a
 * retried submission can be told apart from a different one sent with the same idempotency key.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String procedureId, Map<String, Object> data) {
        StringBuilder canonical = new StringBuilder(procedureId).append('|');
        append(canonical, data);
        return HexFormat.of().formatHex(References.sha256(canonical.toString()));
    }

    private static void append(StringBuilder out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            new TreeMap<>(map).forEach((k, v) -> {
                out.append(quote(String.valueOf(k))).append(':');
                append(out, v);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(v -> {
                append(out, v);
                out.append(',');
            });
            out.append(']');
        } else if (value instanceof String text) {
            out.append(quote(text));
        } else if (value instanceof Number number) {
            out.append(new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
        } else {
            out.append(value);
        }
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
