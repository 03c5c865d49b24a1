package fr.plateformecitoyens.core.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A report (signalement) of a problem in the public space: what, where, by whom, its status and the
 * history of its changes.
 *
 * @param channel           {@code web} (the portal) or {@code open311} (a client application)
 * @param assigneeId        the agent in charge, or empty
 * @param requestReference  the démarche request it was escalated into, or empty
 * @param version           incremented by each change; guards against lost updates
 * @param fingerprint       a digest of what was filed, to recognise a retried filing
 */
public record Report(String tenantId, String id, String categoryCode, String categoryName, String serviceId,
        String description, Location location, Reporter reporter, String channel, ReportStatus status,
        Instant createdAt, Instant updatedAt, List<ReportChange> history, Optional<String> assigneeId,
        String assigneeName, Optional<String> requestReference, long version, String fingerprint) {

    public Report {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        history = List.copyOf(history);
        assigneeName = assigneeName == null ? "" : assigneeName;
    }

    /** This report after a change of status, one version later. */
    public Report moved(ReportChange change) {
        return new Report(tenantId, id, categoryCode, categoryName, serviceId, description, location, reporter,
                channel, change.to(), createdAt, change.at(), append(change), assigneeId, assigneeName,
                requestReference, version + 1, fingerprint);
    }

    /** This report in the hands of another agent, one version later. */
    public Report assigned(String agentId, String agentName, Instant at, String actorId) {
        ReportChange change = new ReportChange(at, actorId, status, status, "", agentName);
        return new Report(tenantId, id, categoryCode, categoryName, serviceId, description, location, reporter,
                channel, status, createdAt, at, append(change), Optional.of(agentId), agentName, requestReference,
                version + 1, fingerprint);
    }

    /** This report linked to the request it was escalated into, one version later. */
    public Report escalated(String reference, Instant at) {
        return new Report(tenantId, id, categoryCode, categoryName, serviceId, description, location, reporter,
                channel, status, createdAt, at, history, assigneeId, assigneeName, Optional.of(reference),
                version + 1, fingerprint);
    }

    private List<ReportChange> append(ReportChange change) {
        List<ReportChange> longer = new ArrayList<>(history);
        longer.add(change);
        return longer;
    }

    /** The latest public note of a status change, or empty. */
    public String latestNote() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).statusChange() && !history.get(i).note().isEmpty()) {
                return history.get(i).note();
            }
        }
        return "";
    }
}
