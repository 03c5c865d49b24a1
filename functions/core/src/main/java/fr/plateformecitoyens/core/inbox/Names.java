package fr.plateformecitoyens.core.inbox;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names as the search by name compares them: accents, case, spaces, hyphens and apostrophes do not
 * count, so « Lefèvre », « LEFEVRE » and « le fèvre » are one name.
 */
public final class Names {

    /** The letters of a normalised name that partition the name index. */
    public static final int PARTITION_LETTERS = 2;

    private Names() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c == 'ß') {
                out.append("SS");
            } else if (c == 'æ' || c == 'Æ') {
                out.append("AE");
            } else if (c == 'œ' || c == 'Œ') {
                out.append("OE");
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** The partition of the name index a normalised name falls in: its first letters, padded. */
    public static String partition(String normalised) {
        String padded = normalised + "_".repeat(PARTITION_LETTERS);
        return padded.substring(0, PARTITION_LETTERS);
    }
}
