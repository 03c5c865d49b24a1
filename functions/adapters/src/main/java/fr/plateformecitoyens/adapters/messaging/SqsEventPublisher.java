package fr.plateformecitoyens.adapters.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.port.EventPublisher;
import java.time.Instant;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Publishes domain events as JSON messages on the events queue. */
public final class SqsEventPublisher implements EventPublisher {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsEventPublisher(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(DomainEvent event) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(toJson(event))));
    }

    public static ObjectNode toJson(DomainEvent event) {
        ObjectNode json = Json.object().put("type", event.type().name()).put("tenantId", event.tenantId())
                .put("reference", event.reference()).put("occurredAt", event.occurredAt().toString())
                .put("version", event.version());
        return event.itemId().isEmpty() ? json : json.put("itemId", event.itemId());
    }

    public static DomainEvent fromJson(JsonNode node) {
        return new DomainEvent(DomainEvent.Type.valueOf(node.path("type").asText()), node.path("tenantId").asText(),
                node.path("reference").asText(), Instant.parse(node.path("occurredAt").asText()),
                node.path("version").asLong(0), node.path("itemId").asText(""));
    }
}
