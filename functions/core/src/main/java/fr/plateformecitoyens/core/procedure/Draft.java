package fr.plateformecitoyens.core.procedure;

import java.time.Instant;

/**
 * A démarche being written by a tenant's administrator: editable until published, when it becomes the next
 * immutable version. Its definition has version 0.
 *
 * @param revision incremented by each edit; the ETag of the draft
 */
public record Draft(Procedure definition, long revision, Instant updatedAt, String updatedBy) {
}
