package fr.plateformecitoyens.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void ids_sortInTimeOrder_andGiveTheirInstantBack() {
        Instant earlier = Instant.parse("2026-12-04T09:59:59.999Z");
        Instant later = Instant.parse("2026-12-04T10:00:00Z");

        String a = MessageIds.random(earlier);
        String b = MessageIds.random(later);

        assertTrue(a.compareTo(b) < 0, a + " before " + b);
        assertEquals(Optional.of(earlier), MessageIds.instantOf(a));
        assertEquals(Optional.of(later), MessageIds.instantOf(b));
    }

    @Test
    void malformedIds_areNotIds() {
        assertFalse(MessageIds.isWellFormed("../../etc/passwd"));
        assertFalse(MessageIds.isWellFormed("20261204T100000000Z-short"));
        assertEquals(Optional.empty(), MessageIds.instantOf(null));
    }
}
