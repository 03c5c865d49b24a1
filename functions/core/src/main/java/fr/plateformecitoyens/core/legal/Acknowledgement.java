package fr.plateformecitoyens.core.legal;

import fr.plateformecitoyens.core.procedure.PeriodUnit;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import fr.plateformecitoyens.core.tenant.HandlingService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The acknowledgement of receipt (accusé de réception) of a request, with every mention required by
 * CRPA R112-11-1. Written once at receipt and never changed.
 *
 * @param implicitDecisionDate the day the implicit decision arises if the administration stays silent;
 *                             empty when no clock runs (an incomplete request)
 * @param periodMonths         the length of the period, counted in {@code periodUnit} (months unless the
 *                             démarche sets days or weeks); the name is kept for the stored and served field
 * @param mentions             the legal mentions, in French, in the order they are shown
 * @param periodUnit           the unit of {@code periodMonths}
 */
public record Acknowledgement(Instant receivedAt, HandlingService service, SilenceRule rule, int periodMonths,
        Optional<LocalDate> implicitDecisionDate, String legalBasis, List<String> mentions, Instant issuedAt,
        PeriodUnit periodUnit) {

    public Acknowledgement {
        mentions = List.copyOf(mentions);
        periodUnit = periodUnit == null ? PeriodUnit.MONTHS : periodUnit;
    }

    /** An acknowledgement whose period is counted in months. */
    public Acknowledgement(Instant receivedAt, HandlingService service, SilenceRule rule, int periodMonths,
            Optional<LocalDate> implicitDecisionDate, String legalBasis, List<String> mentions, Instant issuedAt) {
        this(receivedAt, service, rule, periodMonths, implicitDecisionDate, legalBasis, mentions, issuedAt,
                PeriodUnit.MONTHS);
    }

    /** The period in French words: « 2 mois », « 30 jours ». */
    public String periodWords() {
        return periodUnit.words(periodMonths);
    }
}
