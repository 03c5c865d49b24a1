package fr.plateformecitoyens.core.request;

import fr.plateformecitoyens.core.legal.Acknowledgement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request (demande) made to a tenant on a démarche, with its answers, its acknowledgement, its status
 * and the history of its status changes.
 *
 * @param data                 the answers, keyed by field name (strings, numbers, booleans, lists)
 * @param implicitDecisionDate when the clock runs, the day silence turns into a decision
 * @param version              incremented by each change; guards against lost updates
 * @param fingerprint          a digest of what was submitted, to recognise a retried submission
 * @param filedBy              for a request filed by an agent (counter, phone, post), who filed it and how
 */
public record CitizenRequest(String tenantId, String reference, String procedureId, int procedureVersion,
        String procedureTitle, String serviceId, Applicant applicant, Channel channel, Map<String, Object> data,
        RequestStatus status, Instant receivedAt, Instant updatedAt, Acknowledgement acknowledgement,
        Optional<LocalDate> implicitDecisionDate, List<Transition> history, long version, String fingerprint,
        Optional<FiledBy> filedBy) {

    public CitizenRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
        data = Map.copyOf(data);
        history = List.copyOf(history);
        filedBy = filedBy == null ? Optional.empty() : filedBy;
    }

    /** A request its applicant filed themself, on the web. */
    public CitizenRequest(String tenantId, String reference, String procedureId, int procedureVersion,
            String procedureTitle, String serviceId, Applicant applicant, Channel channel, Map<String, Object> data,
            RequestStatus status, Instant receivedAt, Instant updatedAt, Acknowledgement acknowledgement,
            Optional<LocalDate> implicitDecisionDate, List<Transition> history, long version, String fingerprint) {
        this(tenantId, reference, procedureId, procedureVersion, procedureTitle, serviceId, applicant, channel, data,
                status, receivedAt, updatedAt, acknowledgement, implicitDecisionDate, history, version, fingerprint,
                Optional.empty());
    }

    /** This request after {@code transition}, one version later. */
    public CitizenRequest with(Transition transition, Optional<LocalDate> newDecisionDate) {
        List<Transition> longer = new ArrayList<>(history);
        longer.add(transition);
        return new CitizenRequest(tenantId, reference, procedureId, procedureVersion, procedureTitle, serviceId,
                applicant, channel, data, transition.to(), receivedAt, transition.at(), acknowledgement,
                newDecisionDate, longer, version + 1, fingerprint, filedBy);
    }

    /** This request with the answers {@code newData}, after {@code transition}, one version later. */
    public CitizenRequest corrected(Map<String, Object> newData, Transition transition,
            Optional<LocalDate> newDecisionDate) {
        CitizenRequest moved = with(transition, newDecisionDate);
        return new CitizenRequest(tenantId, reference, procedureId, procedureVersion, procedureTitle, serviceId,
                applicant, channel, newData, moved.status(), receivedAt, moved.updatedAt(), acknowledgement,
                newDecisionDate, moved.history(), moved.version(), fingerprint);
    }

    /** The most recent transition into {@code status}, if any. */
    public Optional<Transition> lastTransitionTo(RequestStatus target) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == target) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }
}
