package fr.plateformecitoyens.core.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void accentsCaseAndPunctuation_doNotMatter() {
        assertEquals("LEFEVRE DUPONT", Names.normalise("  Lefèvre-Dupont "));
        assertEquals("LEFEVRE DUPONT", Names.normalise("LEFEVRE dupont"));
        assertEquals("D ARTAGNAN", Names.normalise("d’Artagnan"));
        assertEquals("NOEL", Names.normalise("Noël"));
    }

    @Test
    void ligatures_areSpeltOut() {
        assertEquals("OEUVRARD", Names.normalise("Œuvrard"));
        assertEquals("LAETITIA", Names.normalise("Lætitia"));
    }

    @Test
    void nothingButPunctuation_isEmpty() {
        assertEquals("", Names.normalise(" - ' "));
        assertEquals("", Names.normalise(null));
    }

    @Test
    void sortName_putsTheFamilyNameFirst_soAPrefixOfTheFamilyNameFindsIt() {
        String key = Names.sortName("Lefèvre", "Anne-Sophie");

        assertEquals("LEFEVRE ANNE SOPHIE", key);
        assertTrue(key.startsWith(Names.normalise("lefe")));
        assertTrue(key.startsWith(Names.normalise("Lefèvre A")));
    }
}
