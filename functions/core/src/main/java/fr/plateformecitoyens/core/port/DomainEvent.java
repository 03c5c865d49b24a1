package fr.plateformecitoyens.core.port;

import java.time.Instant;

/**
 * Something that happened to a request or a booking, published for the side effects (e-mails,
 * statistics). {@code reference} is the request's reference or the booking's id; {@code version} is the
 * version the change produced (0 when unknown), so that each change gets its own e-mail.
 */
public record DomainEvent(Type type, String tenantId, String reference, Instant occurredAt, long version) {

    /** The kinds of event. */
    public enum Type {
        REQUEST_SUBMITTED, REQUEST_STATUS_CHANGED,
        BOOKING_CONFIRMED, BOOKING_AWAITING_APPROVAL, BOOKING_RESCHEDULED, BOOKING_CANCELLED, BOOKING_REFUSED,
        BOOKING_REMINDER,
        REPORT_STATUS_CHANGED;

        public boolean aboutBooking() {
            return name().startsWith("BOOKING_");
        }

        public boolean aboutReport() {
            return name().startsWith("REPORT_");
        }
    }
}
