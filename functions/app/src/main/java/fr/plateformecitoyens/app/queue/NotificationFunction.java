package fr.plateformecitoyens.app.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.dynamo.Attributes;
import fr.plateformecitoyens.adapters.dynamo.Keys;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.log.Log;
import fr.plateformecitoyens.adapters.messaging.SqsEventPublisher;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.request.CitizenRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Consumes the events queue in batches and sends citizens their e-mails: the acknowledgement when a
 * request is filed, a notice when its status changes.
 *
 * <p>Each message is handled on its own: a failure is reported in {@code batchItemFailures} so that only
 * that message comes back (and ends in the dead-letter queue after five tries). A marker item per
 * e-mail keeps a redelivered message from mailing twice once the first send has gone through.
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
        var existing = services.dynamo().getItem(b -> b.tableName(services.table()).key(key).consistentRead(true));
        if (existing.hasItem() && !existing.item().isEmpty()) {
            Log.info("e-mail already sent, skipped", "reference", request.reference(), "mail", marker);
            return;
        }
        Emails.Mail mail = event.type() == DomainEvent.Type.REQUEST_SUBMITTED
                ? Emails.acknowledgement(request, services.portalUrl())
                : Emails.statusChanged(request, services.portalUrl());
        services.mailer().send(request.applicant().email(), mail.subject(), mail.text(), mail.html());
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("sentAt", Attributes.s(services.clock().instant().toString()));
        services.dynamo().putItem(b -> b.tableName(services.table()).item(item));
        Log.info("e-mail sent", "reference", request.reference(), "mail", marker);
    }
}
