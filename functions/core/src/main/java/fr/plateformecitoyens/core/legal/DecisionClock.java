package fr.plateformecitoyens.core.legal;

import fr.plateformecitoyens.core.procedure.LegalRegime;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

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

    /**
     * The implicit-decision date after the recorded history of a request: the period from receipt, then,
     * for each time the request was declared incomplete while its clock ran and later taken up again, the
     * date {@link #afterCorrection} gives. Every round counts from the date that applied just before it, so
     * a request asked twice for missing pieces keeps, under a suspension, only the days that were left.
     *
     * @return empty while the request is incomplete (no clock runs, L114-5)
     */
    public static Optional<LocalDate> replay(LegalRegime regime, Instant receivedAt, List<Transition> history) {
        LocalDate date = implicitDecisionDate(receivedAt, regime);
        Instant stoppedAt = null;
        for (Transition t : history) {
            boolean wasRunning = t.from() == null || t.from().clockRuns();
            if (t.to() == RequestStatus.INCOMPLETE && wasRunning && stoppedAt == null) {
                stoppedAt = t.at();
            } else if (stoppedAt != null && t.to().clockRuns()) {
                date = afterCorrection(regime, date, stoppedAt, t.at());
                stoppedAt = null;
            }
        }
        return stoppedAt == null ? Optional.of(date) : Optional.empty();
    }
}
