package fr.plateformecitoyens.core.port;

import java.time.Instant;

/** Something that happened to a request, published for the side effects (e-mails, statistics). */
public record DomainEvent(Type type, String tenantId, String reference, Instant occurredAt) {

    /** The kinds of event. */
    public enum Type {
        REQUEST_SUBMITTED, REQUEST_STATUS_CHANGED
    }
}
