package fr.plateformecitoyens.core.report;

import java.time.Instant;

/**
 * One entry of a report's history: a change of status with its public note (shown to the reporter and
 * on the public list), or an assignment ({@code from == to}, note empty, {@code assigneeName} set).
 *
 * @param from null for the filing itself
 */
public record ReportChange(Instant at, String actorId, ReportStatus from, ReportStatus to, String note,
        String assigneeName) {

    public ReportChange {
        note = note == null ? "" : note;
        assigneeName = assigneeName == null ? "" : assigneeName;
    }

    public boolean statusChange() {
        return from != to;
    }
}
