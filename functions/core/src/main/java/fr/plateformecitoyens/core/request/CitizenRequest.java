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
 * @param assigneeId           the agent the request is assigned to, if any
 */
public record CitizenRequest(String tenantId, String reference, String procedureId, int procedureVersion,
        String procedureTitle, String serviceId, Applicant applicant, Channel channel, Map<String, Object> data,
        RequestStatus status, Instant receivedAt, Instant updatedAt, Acknowledgement acknowledgement,
        Optional<LocalDate> implicitDecisionDate, List<Transition> history, long version, String fingerprint,
        Optional<FiledBy> filedBy, Optional<String> assigneeId) {

    public CitizenRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
        data = Map.copyOf(data);
        history = List.copyOf(history);
        filedBy = filedBy == null ? Optional.empty() : filedBy;
        assigneeId = assigneeId == null ? Optional.empty() : assigneeId;
    }

    /** A request its applicant filed themself, on the web, that nobody is assigned to yet. */
    public CitizenRequest(String tenantId, String reference, String procedureId, int procedureVersion,
            String procedureTitle, String serviceId, Applicant applicant, Channel channel, Map<String, Object> data,
            RequestStatus status, Instant receivedAt, Instant updatedAt, Acknowledgement acknowledgement,
            Optional<LocalDate> implicitDecisionDate, List<Transition> history, long version, String fingerprint) {
        this(tenantId, reference, procedureId, procedureVersion, procedureTitle, serviceId, applicant, channel, data,
                status, receivedAt, updatedAt, acknowledgement, implicitDecisionDate, history, version, fingerprint,
                Optional.empty(), Optional.empty());
    }

    /** This request after {@code transition}, one version later. */
    public CitizenRequest with(Transition transition, Optional<LocalDate> newDecisionDate) {
        List<Transition> longer = new ArrayList<>(history);
        longer.add(transition);
        return new CitizenRequest(tenantId, reference, procedureId, procedureVersion, procedureTitle, serviceId,
                applicant, channel, data, transition.to(), receivedAt, transition.at(), acknowledgement,
                newDecisionDate, longer, version + 1, fingerprint, filedBy, assigneeId);
    }

    /** This request with the answers {@code newData}, after {@code transition}, one version later. */
    public CitizenRequest corrected(Map<String, Object> newData, Transition transition,
            Optional<LocalDate> newDecisionDate) {
        CitizenRequest moved = with(transition, newDecisionDate);
        return new CitizenRequest(tenantId, reference, procedureId, procedureVersion, procedureTitle, serviceId,
                applicant, channel, newData, moved.status(), receivedAt, moved.updatedAt(), acknowledgement,
                newDecisionDate, moved.history(), moved.version(), fingerprint, filedBy, assigneeId);
    }

    /**
     * This request assigned to {@code agentId} (or to nobody), one version later. The change is recorded in
     * the history as an entry that keeps the status (see {@link Transition#keepsStatus()}), so that each
     * version still has its history entry.
     */
    public CitizenRequest assignedTo(Optional<String> agentId, String actorId, Instant at) {
        List<Transition> longer = new ArrayList<>(history);
        longer.add(new Transition(at, actorId, status, status, ""));
        return new CitizenRequest(tenantId, reference, procedureId, procedureVersion, procedureTitle, serviceId,
                applicant, channel, data, status, receivedAt, at, acknowledgement, implicitDecisionDate, longer,
                version + 1, fingerprint, filedBy, agentId);
    }

    /** The most recent transition into {@code status}, if any; assignments, which keep the status, do not count. */
    public Optional<Transition> lastTransitionTo(RequestStatus target) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == target && !history.get(i).keepsStatus()) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }
}
