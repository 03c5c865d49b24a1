package fr.plateformecitoyens.core.legal;

import fr.plateformecitoyens.core.procedure.LegalRegime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Computes when silence turns into an implicit decision.
 *
 * <p>The period runs from the day of receipt, in Paris time: a request received on 15 January with a
 * two-month period gets its implicit decision on 15 March; with a period of 30 days, on 14 February; of
 * three weeks, on 5 February (the regime's {@link fr.plateformecitoyens.core.procedure.PeriodUnit}). A month
 * that lacks the day ends the period on its last day (31 December plus two months is 28 or 29 February).
 *
 * <p>When missing pieces are asked for (CRPA L114-5), the clock stops. When they arrive it either starts
 * afresh from that day (the rule for acceptance) or resumes with the days that were left (a suspension).
 */
public final class DecisionClock {

    /** Every date of the platform is a date in France's legal time. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private DecisionClock() {
    }

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(PARIS).toLocalDate();
    }

    /** The implicit-decision date of a complete request received at {@code receivedAt}. */
    public static LocalDate implicitDecisionDate(Instant receivedAt, LegalRegime regime) {
        return regime.unit().after(dayOf(receivedAt), regime.period());
    }

    /**
     * The implicit-decision date once the missing pieces have arrived.
     *
     * @param originalDate the date that applied before the clock stopped
     * @param stoppedAt    when the request was declared incomplete
     * @param completedAt  when the missing pieces arrived
     */
    public static LocalDate afterCorrection(LegalRegime regime, LocalDate originalDate, Instant stoppedAt,
            Instant completedAt) {
        LocalDate completion = dayOf(completedAt);
        if (regime.restartsOnCorrection()) {
            return regime.unit().after(completion, regime.period());
        }
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(dayOf(stoppedAt), originalDate));
        return completion.plusDays(daysLeft);
    }
}
