package fr.plateformecitoyens.core.request;

import java.time.Instant;

/**
 * One recorded change of status: who made it, when, from and to which status, and the note sent to the
 * applicant (empty when none).
 */
public record Transition(Instant at, String actorId, RequestStatus from, RequestStatus to, String note) {

    /** The actor id of changes made by the platform itself (the decision clock). */
    public static final String SYSTEM = "system";

    public Transition {
        note = note == null ? "" : note;
    }

    /** True for an entry that changed something else than the status (an assignment). */
    public boolean keepsStatus() {
        return from == to;
    }
}
