package fr.plateformecitoyens.app.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.Config;
import fr.plateformecitoyens.adapters.calendar.IcsCalendar;
import fr.plateformecitoyens.adapters.dynamo.Attributes;
import fr.plateformecitoyens.adapters.dynamo.Keys;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.log.Log;
import fr.plateformecitoyens.adapters.messaging.SqsEventPublisher;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.port.Attachment;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.request.CitizenRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Consumes the events queue in batches and sends citizens their e-mails: the acknowledgement when a
 * request is filed, a notice when its status changes; for a booking, its confirmation, the wait for an
 * agent's approval, a new time, a cancellation, a refusal and the reminder 48 hours before. The booking
 * e-mails that change the citizen's calendar carry an .ics file (see {@link IcsCalendar}).
 *
 * <p>Each message is handled on its own: a failure is reported in {@code batchItemFailures} so that only
 * that message comes back (and ends in the dead-letter queue after five tries). A marker item per
 * e-mail keeps a redelivered message from mailing twice once the first send has gone through: under the
 * request ({@code MAIL#acknowledgement}, {@code MAIL#status#v<version>}) or under the booking
 * ({@code MAIL#<event type>#v<version>}).
 */
public final class NotificationFunction implements Function<InputStream, byte[]> {

    private final Services services;

    public NotificationFunction(Services services) {
        this.services = services;
    }

    @Override
    public byte[] apply(InputStream input) {
        JsonNode event;
        try {
            event = Json.parse(input.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode response = Json.object();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (JsonNode record : event.path("Records")) {
            String messageId = record.path("messageId").asText();
            Log.begin("notifications", messageId);
            try {
                handle(SqsEventPublisher.fromJson(Json.parse(record.path("body").asText())));
            } catch (RuntimeException e) {
                Log.error("message failed, it will be retried", e, "messageId", messageId);
                failures.addObject().put("itemIdentifier", messageId);
            } finally {
                Log.end();
            }
        }
        return Json.writeBytes(response);
    }

    private void handle(DomainEvent event) {
        if (event.type().aboutBooking()) {
            handleBooking(event);
            return;
        }
        Optional<CitizenRequest> found = services.requests().find(event.reference());
        if (found.isEmpty()) {
            Log.warn("event about an unknown request ignored", "reference", event.reference());
            return;
        }
        CitizenRequest request = found.get();
        if (request.applicant().email() == null || request.applicant().email().isBlank()) {
            Log.info("applicant has no e-mail address, nothing sent", "reference", request.reference());
            return;
        }
        String marker = event.type() == DomainEvent.Type.REQUEST_SUBMITTED ? "MAIL#acknowledgement"
                : "MAIL#status#v" + request.version();
        Map<String, AttributeValue> key = Attributes.key(Keys.request(request.reference()), marker);
        if (alreadySent(key)) {
            Log.info("e-mail already sent, skipped", "reference", request.reference(), "mail", marker);
            return;
        }
        Emails.Mail mail = event.type() == DomainEvent.Type.REQUEST_SUBMITTED
                ? Emails.acknowledgement(request, services.portalUrl())
                : Emails.statusChanged(request, services.portalUrl());
        services.mailer().send(request.applicant().email(), mail.subject(), mail.text(), mail.html());
        markSent(key);
        Log.info("e-mail sent", "reference", request.reference(), "mail", marker);
    }

    /**
     * Mails the holder about the booking as it now stands. An event the booking has moved past (confirmed,
     * then cancelled before this message came) sends nothing: the later event sends its own e-mail.
     */
    private void handleBooking(DomainEvent event) {
        Optional<Booking> found = services.bookings().find(event.reference());
        if (found.isEmpty()) {
            Log.warn("event about an unknown booking ignored", "booking", event.reference());
            return;
        }
        Booking booking = found.get();
        if (booking.status() != statusAfter(event.type())) {
            Log.info("booking changed since the event, nothing sent", "booking", booking.id(),
                    "event", event.type().name(), "status", booking.status().code());
            return;
        }
        if (booking.holderEmail() == null || booking.holderEmail().isBlank()) {
            Log.info("booking holder has no e-mail address, nothing sent", "booking", booking.id(),
                    "channel", booking.channel().code());
            return;
        }
        LocalDateTime now = LocalDateTime.ofInstant(services.clock().instant(), DecisionClock.PARIS);
        if (event.type() == DomainEvent.Type.BOOKING_REMINDER && !now.isBefore(booking.start())) {
            Log.info("reminder of a booking already begun, nothing sent", "booking", booking.id());
            return;
        }
        String marker = "MAIL#" + event.type().name() + "#v" + booking.version();
        Map<String, AttributeValue> key = Attributes.key("BOOKING#" + booking.id(), marker);
        if (alreadySent(key)) {
            Log.info("e-mail already sent, skipped", "booking", booking.id(), "mail", marker);
            return;
        }
        Optional<Resource> resource =
                services.resources().resource(booking.tenantId(), booking.kind(), booking.resourceId());
        String address = resource.map(Resource::address).orElse("");
        LocalDateTime cancellableUntil =
                resource.map(r -> booking.start().minusHours(r.rules().cancelCutoffHours())).orElse(null);
        boolean attach = event.type() != DomainEvent.Type.BOOKING_AWAITING_APPROVAL
                && event.type() != DomainEvent.Type.BOOKING_REFUSED;
        String file = booking.kind() == Resource.Kind.ROOM ? "reservation.ics" : "rendez-vous.ics";
        Emails.Mail mail = Emails.booking(event.type(), booking, new Emails.BookingFacts(address == null ? "" : address,
                cancellableUntil, now, attach ? file : null, services.portalUrl()));
        List<Attachment> attachments = attach ? List.of(new Attachment(file, IcsCalendar.CONTENT_TYPE,
                IcsCalendar.of(booking, address, organizer()).getBytes(StandardCharsets.UTF_8))) : List.of();
        services.mailer().send(booking.holderEmail(), mail.subject(), mail.text(), mail.html(), attachments);
        markSent(key);
        Log.info("e-mail sent", "booking", booking.id(), "mail", marker);
    }

    /** The status a booking has right after the event: its e-mail is only true while it still has it. */
    static Booking.Status statusAfter(DomainEvent.Type type) {
        return switch (type) {
            case BOOKING_CONFIRMED, BOOKING_RESCHEDULED, BOOKING_REMINDER -> Booking.Status.CONFIRMED;
            case BOOKING_AWAITING_APPROVAL -> Booking.Status.AWAITING_APPROVAL;
            case BOOKING_CANCELLED -> Booking.Status.CANCELLED;
            case BOOKING_REFUSED -> Booking.Status.REFUSED;
            default -> throw new IllegalArgumentException("not a booking event: " + type);
        };
    }

    /** The ORGANIZER of the .ics: the platform's sender address, without its display name if it has one. */
    private static String organizer() {
        String sender = Config.required("MAIL_SENDER").strip();
        int open = sender.lastIndexOf('<');
        int close = sender.lastIndexOf('>');
        return open >= 0 && close > open ? sender.substring(open + 1, close).strip() : sender;
    }

    private boolean alreadySent(Map<String, AttributeValue> key) {
        var existing = services.dynamo().getItem(b -> b.tableName(services.table()).key(key).consistentRead(true));
        return existing.hasItem() && !existing.item().isEmpty();
    }

    private void markSent(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("sentAt", Attributes.s(services.clock().instant().toString()));
        services.dynamo().putItem(b -> b.tableName(services.table()).item(item));
    }
}
