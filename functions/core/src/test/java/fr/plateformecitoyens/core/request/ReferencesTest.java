package fr.plateformecitoyens.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void random_isWellFormed_withoutAmbiguousLetters_andDoesNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String reference = References.random(DAY);
            assertTrue(References.isWellFormed(reference), reference);
            assertFalse(reference.substring(5).matches(".*[ILOU].*"), reference);
            assertTrue(seen.add(reference));
        }
    }

    @Test
    void idempotencyKey_givesTheSameReference_forTheSameCallerAndTenantOnly() {
        String reference = References.forIdempotencyKey(DAY, "commune", "citizen-1", "key");

        assertEquals(reference, References.forIdempotencyKey(DAY, "commune", "citizen-1", "key"));
        assertNotEquals(reference, References.forIdempotencyKey(DAY, "commune", "citizen-2", "key"));
        assertNotEquals(reference, References.forIdempotencyKey(DAY, "epci", "citizen-1", "key"));
        assertTrue(reference.startsWith("2026-"));
    }

    @Test
    void isWellFormed_refusesJunk() {
        assertFalse(References.isWellFormed("../../etc"));
        assertFalse(References.isWellFormed("2026-ABCD-EFGI"));
        assertFalse(References.isWellFormed(null));
    }

    @Test
    void fingerprint_ignoresKeyOrder_butNotValues() {
        String a = Fingerprint.of("p", Map.of("a", 1, "b", List.of("x", "y")));
        String b = Fingerprint.of("p", new java.util.TreeMap<>(Map.of("b", List.of("x", "y"), "a", 1.0)));

        assertEquals(a, b);
        assertNotEquals(a, Fingerprint.of("p", Map.of("a", 2, "b", List.of("x", "y"))));
        assertNotEquals(a, Fingerprint.of("q", Map.of("a", 1, "b", List.of("x", "y"))));
    }

    @Test
    void agents_mayNotSetImplicitOutcomes_norLeaveAFinalStatus() {
        for (RequestStatus status : RequestStatus.values()) {
            assertFalse(status.agentTargets().contains(RequestStatus.IMPLICITLY_ACCEPTED));
            assertFalse(status.agentTargets().contains(RequestStatus.IMPLICITLY_REJECTED));
            if (status.isFinal()) {
                assertTrue(status.agentTargets().isEmpty(), status.code());
            }
        }
    }
}
