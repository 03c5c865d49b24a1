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
import fr.plateformecitoyens.core.legal.LegalDocument;
import fr.plateformecitoyens.core.legal.LegalFiles;
import fr.plateformecitoyens.core.message.Author;
import fr.plateformecitoyens.core.message.Message;
import fr.plateformecitoyens.core.port.Attachment;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Consumes the events queue in batches and sends citizens their e-mails: the acknowledgement when a
 * request is filed, a notice when its status changes; for a booking, its confirmation, the wait for an
 * agent's approval, a new time, a cancellation, a refusal and the reminder 48 hours before. The booking
 * e-mails that change the citizen's calendar carry an .ics file (see {@link IcsCalendar}).
 *
 * <p>Each message is handled on its own: a failure is reported in {@code batchItemFailures} so that only
 * that message comes back (and ends in the dead-letter queue after five tries). Each e-mail has a marker
 * item, claimed with a conditional write before sending, so that two deliveries of one event (a retry,
 * or the same event handled twice at once) send it once: under the request ({@code MAIL#acknowledgement},
 * {@code MAIL#status#v<version>}) or under the booking ({@code MAIL#<event type>#v<version>}). A failed
 * send gives the claim back for the retry; a claim whose sender died is taken over after five minutes.
 *
 * <p>Before the e-mail, each request event is counted in the tenant's monthly statistics, once per
 * version whatever the number of deliveries (see {@code DynamoStatistics}).
 */
public final class NotificationFunction implements Function<InputStream, byte[]> {

    /** How long a claim to send an e-mail holds before another delivery may take it over. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(5);

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
        if (event.type().aboutReport()) {
            new ReportMails(services, this::claim, this::sendClaimed).handle(event);
            return;
        }
        if (event.type() == DomainEvent.Type.MESSAGE_POSTED) {
            handleMessage(event);
            return;
        }
        Optional<CitizenRequest> found = services.requests().find(event.reference());
        if (found.isEmpty()) {
            Log.warn("event about an unknown request ignored", "reference", event.reference());
            return;
        }
        CitizenRequest request = found.get();
        // The legal document the event brings (the acknowledgement, the document of an implicit decision) is
        // rendered and stored first, e-mail or not: it is there for downloads and for printing at the counter.
        Optional<LegalFiles.File> document = legalDocument(event, request);
        long counted = event.type() == DomainEvent.Type.REQUEST_SUBMITTED ? 1
                : event.version() > 0 ? event.version() : request.version();
        services.statistics().count(request, counted);
        if (request.applicant().email() == null || request.applicant().email().isBlank()) {
            Log.info("applicant has no e-mail address, nothing sent", "reference", request.reference());
            return;
        }
        // The change this event is about: the history holds one transition per version (version 1 is the
        // filing). An event without a version (published before versions were carried) means the latest.
        int index = (int) (event.version() > 0 ? event.version() : request.version()) - 1;
        if (index < 0 || index >= request.history().size()) {
            Log.warn("event about a version the request does not have, ignored", "reference", request.reference());
            return;
        }
        Transition change = request.history().get(index);
        String marker = event.type() == DomainEvent.Type.REQUEST_SUBMITTED ? "MAIL#acknowledgement"
                : "MAIL#status#v" + (index + 1);
        Map<String, AttributeValue> key = Attributes.key(Keys.request(request.reference()), marker);
        if (!claim(key)) {
            Log.info("e-mail already sent or being sent, skipped", "reference", request.reference(), "mail", marker);
            return;
        }
        boolean carriesDocument = event.type() == DomainEvent.Type.REQUEST_SUBMITTED
                || change.to() == RequestStatus.IMPLICITLY_ACCEPTED || change.to() == RequestStatus.IMPLICITLY_REJECTED;
        // An express decision carries the document the agent attached to it, if any.
        Optional<LegalFiles.File> attached = carriesDocument ? document : change.document()
                .flatMap(d -> services.documents().get(d.key())
                        .map(stored -> new LegalFiles.File(d.fileName(), d.contentType(), stored.content())));
        String name = attached.map(LegalFiles.File::fileName).orElse(null);
        Emails.Mail mail = event.type() == DomainEvent.Type.REQUEST_SUBMITTED
                ? Emails.acknowledgement(request, services.portalUrl(), name)
                : Emails.statusChanged(request, change, services.portalUrl(), name);
        List<Attachment> files = attached.map(d -> List.of(new Attachment(d.fileName(), d.contentType(), d.content())))
                .orElse(List.of());
        sendClaimed(key, () -> services.mailer().send(request.applicant().email(), mail.subject(), mail.text(),
                mail.html(), files));
        Log.info("e-mail sent", "reference", request.reference(), "mail", marker);
    }

    /** The acknowledgement for a filing; for an implicit decision, its attestation or notice; else nothing. */
    private Optional<LegalFiles.File> legalDocument(DomainEvent event, CitizenRequest request) {
        Optional<LegalDocument.Kind> kind = Optional.empty();
        if (event.type() == DomainEvent.Type.REQUEST_SUBMITTED) {
            kind = Optional.of(LegalDocument.Kind.ACKNOWLEDGEMENT);
        } else if (request.status() == RequestStatus.IMPLICITLY_ACCEPTED) {
            kind = Optional.of(LegalDocument.Kind.IMPLICIT_ACCEPTANCE);
        } else if (request.status() == RequestStatus.IMPLICITLY_REJECTED) {
            kind = Optional.of(LegalDocument.Kind.IMPLICIT_REJECTION);
        }
        return kind.map(k -> services.legalFiles().fetchOrRender(request, k));
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
        if (!claim(key)) {
            Log.info("e-mail already sent or being sent, skipped", "booking", booking.id(), "mail", marker);
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
        sendClaimed(key, () -> services.mailer().send(booking.holderEmail(), mail.subject(), mail.text(),
                mail.html(), attachments));
        Log.info("e-mail sent", "booking", booking.id(), "mail", marker);
    }

    /**
     * Tells the citizen that an agent wrote to them, with a link to read it once signed in. The e-mail holds no
     * word of the message, nor its attachments: e-mail is not a safe channel for what a thread may say. Internal
     * notes and the citizen's own messages send nothing; marker {@code MAIL#message#<id>}.
     */
    private void handleMessage(DomainEvent event) {
        Optional<CitizenRequest> request = services.requests().find(event.reference());
        Optional<Message> message = request.flatMap(r -> services.messages().find(r.reference(), event.itemId()));
        if (message.isEmpty() || !message.get().isPublic() || message.get().author().kind() != Author.Kind.AGENT) {
            Log.info("message event needs no e-mail", "reference", event.reference());
            return;
        }
        CitizenRequest r = request.get();
        if (r.applicant().email() == null || r.applicant().email().isBlank()) {
            Log.info("applicant has no e-mail address, nothing sent", "reference", r.reference());
            return;
        }
        Map<String, AttributeValue> key = Attributes.key(Keys.request(r.reference()), "MAIL#message#" + event.itemId());
        if (!claim(key)) {
            Log.info("e-mail already sent or being sent, skipped", "reference", r.reference(), "mail", "message");
            return;
        }
        Emails.Mail mail = Emails.newMessage(r, message.get(), services.portalUrl());
        sendClaimed(key, () -> services.mailer().send(r.applicant().email(), mail.subject(), mail.text(), mail.html()));
        Log.info("e-mail sent", "reference", r.reference(), "mail", "message");
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

    /**
     * Takes the right to send one e-mail: a conditional write of its marker, which only one delivery of
     * the event can win. A claim left by a sender that died is taken over after {@link #STALE_CLAIM}.
     */
    private boolean claim(Map<String, AttributeValue> key) {
        Instant now = services.clock().instant();
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("state", Attributes.s("sending"));
        item.put("claimedAt", Attributes.s(now.toString()));
        try {
            services.dynamo().putItem(b -> b.tableName(services.table()).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (#state = :sending AND claimedAt < :stale)")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":sending", Attributes.s("sending"),
                            ":stale", Attributes.s(now.minus(STALE_CLAIM).toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Sends under a claim: marks it sent, or gives it up when sending fails so that a retry can send. */
    private void sendClaimed(Map<String, AttributeValue> key, Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            services.dynamo().deleteItem(b -> b.tableName(services.table()).key(key));
            throw e;
        }
        services.dynamo().updateItem(b -> b.tableName(services.table()).key(key)
                .updateExpression("SET #state = :sent, sentAt = :at")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":sent", Attributes.s("sent"),
                        ":at", Attributes.s(services.clock().instant().toString()))));
    }
}
