package fr.plateformecitoyens.core.request;

import fr.plateformecitoyens.core.document.DocumentRef;
import java.time.Instant;
import java.util.Optional;

/**
 * One recorded change of status: who made it, when, from and to which status, the note sent to the
 * applicant (empty when none) and the document an agent attached to a decision, if any.
 */
public record Transition(Instant at, String actorId, RequestStatus from, RequestStatus to, String note,
        Optional<DocumentRef> document) {

    /** The actor id of changes made by the platform itself (the decision clock). */
    public static final String SYSTEM = "system";

    public Transition {
        note = note == null ? "" : note;
        document = document == null ? Optional.empty() : document;
    }

    /** A change without an attached document. */
    public Transition(Instant at, String actorId, RequestStatus from, RequestStatus to, String note) {
        this(at, actorId, from, to, note, Optional.empty());
    }

    /** True for an entry that changed something else than the status (an assignment). */
    public boolean keepsStatus() {
        return from == to;
    }
}
