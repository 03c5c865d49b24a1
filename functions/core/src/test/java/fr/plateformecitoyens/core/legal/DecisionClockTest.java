package fr.plateformecitoyens.core.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.plateformecitoyens.core.procedure.LegalRegime;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DecisionClockTest {

    private static final LegalRegime SVA_TWO_MONTHS = LegalRegime.silenceMeansAcceptance(2);
    private static final LegalRegime SVR_FOUR_MONTHS = LegalRegime.silenceMeansRejection(4, "décret 2016-625");

    @Test
    void implicitDecision_arisesOnTheSameDayTwoMonthsLater() {
        assertEquals(LocalDate.of(2027, 3, 15),
                DecisionClock.implicitDecisionDate(Instant.parse("2027-01-15T10:00:00Z"), SVA_TWO_MONTHS));
    }

    @Test
    void implicitDecision_fromTheLastDayOfDecember_endsOnTheLastDayOfFebruary() {
        assertEquals(LocalDate.of(2027, 2, 28),
                DecisionClock.implicitDecisionDate(Instant.parse("2026-12-31T09:00:00Z"), SVA_TWO_MONTHS));
        assertEquals(LocalDate.of(2028, 2, 29),
                DecisionClock.implicitDecisionDate(Instant.parse("2027-12-31T09:00:00Z"), SVA_TWO_MONTHS));
    }

    @Test
    void receipt_justBeforeMidnightInParis_countsAsThatParisDay_notTheUtcOne() {
        Instant lateEveningInParis = Instant.parse("2027-01-31T23:30:00Z");

        assertEquals(LocalDate.of(2027, 2, 1), DecisionClock.dayOf(lateEveningInParis));
        assertEquals(LocalDate.of(2027, 4, 1), DecisionClock.implicitDecisionDate(lateEveningInParis, SVA_TWO_MONTHS));
    }

    @Test
    void receipt_onASaturday_startsTheClockThatSaturday() {
        Instant saturday = Instant.parse("2027-03-06T14:00:00Z");

        assertEquals(LocalDate.of(2027, 5, 6), DecisionClock.implicitDecisionDate(saturday, SVA_TWO_MONTHS));
    }

    @Test
    void correction_underTheRestartRule_startsAFreshPeriodFromCompletion() {
        LocalDate original = LocalDate.of(2027, 3, 15);

        LocalDate next = DecisionClock.afterCorrection(SVA_TWO_MONTHS, original,
                Instant.parse("2027-02-01T09:00:00Z"), Instant.parse("2027-02-20T09:00:00Z"));

        assertEquals(LocalDate.of(2027, 4, 20), next);
    }

    @Test
    void correction_underTheSuspensionRule_resumesWithTheDaysThatWereLeft() {
        LocalDate original = LocalDate.of(2027, 5, 15);

        LocalDate next = DecisionClock.afterCorrection(SVR_FOUR_MONTHS, original,
                Instant.parse("2027-05-05T09:00:00Z"), Instant.parse("2027-06-01T09:00:00Z"));

        assertEquals(LocalDate.of(2027, 6, 11), next);
    }
}
