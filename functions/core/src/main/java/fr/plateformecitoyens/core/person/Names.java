package fr.plateformecitoyens.core.person;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names as the directory compares them: « Lefèvre-Dupont » and « LEFEVRE dupont » are the same name. Accents
 * and case are dropped, ligatures spelt out, and anything that is not a letter or a digit becomes one space.
 */
public final class Names {

    private Names() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String spelt = name.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
                .replace("ß", "ss");
        String bare = Normalizer.normalize(spelt, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return bare.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").strip();
    }

    /** The directory's sort key of a person: family name first, then given names, both normalised. */
    public static String sortName(String familyName, String givenName) {
        return (normalise(familyName) + " " + normalise(givenName)).strip();
    }
}
