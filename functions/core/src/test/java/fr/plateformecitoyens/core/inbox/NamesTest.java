package fr.plateformecitoyens.core.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void normalise_dropsAccentsCaseSpacesHyphensAndApostrophes() {
        assertEquals("LEFEVRE", Names.normalise("Lefèvre"));
        assertEquals("LEFEVRE", Names.normalise(" le Fèvre "));
        assertEquals("DARCYBOEUF", Names.normalise("d'Arcy-Bœuf"));
        assertEquals("", Names.normalise(null));
    }

    @Test
    void partition_isTheFirstTwoLetters_paddedForShortNames() {
        assertEquals("LE", Names.partition("LEFEVRE"));
        assertEquals("O_", Names.partition("O"));
    }
}
