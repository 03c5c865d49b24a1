package fr.plateformecitoyens.core.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.plateformecitoyens.core.procedure.LegalRegime;
import fr.plateformecitoyens.core.procedure.PeriodUnit;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Periods counted in days, weeks or months, as a démarche's regime says. */
class DecisionClockUnitsTest {

    private static final Instant JANUARY_15 = Instant.parse("2027-01-15T10:00:00Z");

    private static LegalRegime regime(int period, PeriodUnit unit, boolean restarts) {
        return new LegalRegime(SilenceRule.SVA, period, restarts, "test", unit);
    }

    @Test
    void aPeriodInDays_endsThatManyDaysAfterReceipt() {
        assertEquals(LocalDate.of(2027, 2, 14),
                DecisionClock.implicitDecisionDate(JANUARY_15, regime(30, PeriodUnit.DAYS, true)));
    }

    @Test
    void aPeriodInWeeks_endsOnTheSameWeekday() {
        assertEquals(LocalDate.of(2027, 2, 5),
                DecisionClock.implicitDecisionDate(JANUARY_15, regime(3, PeriodUnit.WEEKS, true)));
    }

    @Test
    void aPeriodInMonths_staysTheDefault_forRegimesWrittenWithoutAUnit() {
        LegalRegime legacy = new LegalRegime(SilenceRule.SVR, 4, false, "décret 2016-625");

        assertEquals(PeriodUnit.MONTHS, legacy.unit());
        assertEquals(LocalDate.of(2027, 5, 15), DecisionClock.implicitDecisionDate(JANUARY_15, legacy));
    }

    @Test
    void aRestartAfterCorrection_countsTheWholePeriodInItsUnit_fromTheCompletionDay() {
        Instant completed = Instant.parse("2027-02-01T09:00:00Z");

        assertEquals(LocalDate.of(2027, 2, 11), DecisionClock.afterCorrection(regime(10, PeriodUnit.DAYS, true),
                LocalDate.of(2027, 1, 25), Instant.parse("2027-01-20T09:00:00Z"), completed));
        assertEquals(LocalDate.of(2027, 2, 15), DecisionClock.afterCorrection(regime(2, PeriodUnit.WEEKS, true),
                LocalDate.of(2027, 1, 29), Instant.parse("2027-01-20T09:00:00Z"), completed));
    }

    @Test
    void aSuspension_resumesWithTheDaysLeft_whateverTheUnit() {
        LocalDate original = DecisionClock.implicitDecisionDate(JANUARY_15, regime(3, PeriodUnit.WEEKS, false));

        assertEquals(LocalDate.of(2027, 2, 15), DecisionClock.afterCorrection(regime(3, PeriodUnit.WEEKS, false),
                original, Instant.parse("2027-01-25T09:00:00Z"), Instant.parse("2027-02-04T09:00:00Z")));
    }

    @Test
    void periods_areRefusedBeyondTwoYears_inEachUnit() {
        assertThrows(IllegalArgumentException.class, () -> regime(25, PeriodUnit.MONTHS, true));
        assertThrows(IllegalArgumentException.class, () -> regime(105, PeriodUnit.WEEKS, true));
        assertThrows(IllegalArgumentException.class, () -> regime(731, PeriodUnit.DAYS, true));
        assertEquals("Silence vaut acceptation après 30 jours", regime(30, PeriodUnit.DAYS, true).label());
        assertEquals("Silence vaut acceptation après 1 semaine", regime(1, PeriodUnit.WEEKS, true).label());
    }
}
