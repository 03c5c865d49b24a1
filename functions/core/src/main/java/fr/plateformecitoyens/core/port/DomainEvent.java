package fr.plateformecitoyens.core.port;

import java.time.Instant;

/**
 * Something that happened to a request or a booking, published for the side effects (e-mails,
 * statistics). {@code reference} is the request's reference or the booking's id; {@code version} is the
 * version the change produced (0 when unknown), so that each change gets its own e-mail; {@code itemId} names
 * the item of the record the event is about, such as a message of the request (empty when none).
 */
public record DomainEvent(Type type, String tenantId, String reference, Instant occurredAt, long version,
        String itemId) {

    public DomainEvent {
        itemId = itemId == null ? "" : itemId;
    }

    /** An event about the record itself, not one of its items. */
    public DomainEvent(Type type, String tenantId, String reference, Instant occurredAt, long version) {
        this(type, tenantId, reference, occurredAt, version, "");
    }

    /** The kinds of event. */
    public enum Type {
        REQUEST_SUBMITTED, REQUEST_STATUS_CHANGED,
        BOOKING_CONFIRMED, BOOKING_AWAITING_APPROVAL, BOOKING_RESCHEDULED, BOOKING_CANCELLED, BOOKING_REFUSED,
        BOOKING_REMINDER,
        REPORT_STATUS_CHANGED,
        /** A message was posted on a request's thread; {@code itemId} is the message's id. */
        MESSAGE_POSTED;

        public boolean aboutBooking() {
            return name().startsWith("BOOKING_");
        }

        public boolean aboutReport() {
            return name().startsWith("REPORT_");
        }
    }
}
