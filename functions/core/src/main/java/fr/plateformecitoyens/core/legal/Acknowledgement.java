package fr.plateformecitoyens.core.legal;

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
 * @param mentions             the legal mentions, in French, in the order they are shown
 */
public record Acknowledgement(Instant receivedAt, HandlingService service, SilenceRule rule, int periodMonths,
        Optional<LocalDate> implicitDecisionDate, String legalBasis, List<String> mentions, Instant issuedAt) {

    public Acknowledgement {
        mentions = List.copyOf(mentions);
    }
}
