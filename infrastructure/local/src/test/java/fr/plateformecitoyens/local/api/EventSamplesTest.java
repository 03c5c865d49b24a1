package fr.plateformecitoyens.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Samples;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each sample of events/ goes through its function's Lambda entry point, against the local cloud. */
@ExtendWith(LocalCloudExtension.class)
class EventSamplesTest {

    @Test
    void publicApiHealthSample_answers200(LocalCloud cloud) {
        JsonNode out = invoke(cloud, "PublicApiFunction", Samples.event("PublicApiFunction.health.json"));

        assertEquals(200, out.path("statusCode").asInt());
    }

    @Test
    void citizenSubmitSample_files201(LocalCloud cloud) {
        ObjectNode event = Samples.event("CitizenApiFunction.submit-civil-status-certificate.json");
        ((ObjectNode) event.path("headers")).put("idempotency-key", UUID.randomUUID().toString());

        JsonNode out = invoke(cloud, "CitizenApiFunction", event);

        assertEquals(201, out.path("statusCode").asInt(), out.toString());
        assertTrue(Json.parse(out.path("body").asText()).path("reference").asText().startsWith("20"));
    }

    @Test
    void agentInboxSample_answers200_forTheSeededAgent(LocalCloud cloud) {
        ObjectNode event = Samples.event("AgentApiFunction.inbox.json");
        String sub = cloud.accounts().stream().filter(a -> a.role().equals("agent")
                && a.tenantId().equals("beaumont-des-sources")).findFirst().orElseThrow().sub();
        ((ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims")).put("sub", sub);

        JsonNode out = invoke(cloud, "AgentApiFunction", event);

        assertEquals(200, out.path("statusCode").asInt(), out.toString());
        assertEquals("etat-civil", Json.parse(out.path("body").asText()).path("serviceId").asText());
    }

    @Test
    void agentInboxSample_asIs_isRefused_becauseItsSubjectIsNoAgent(LocalCloud cloud) {
        JsonNode out = invoke(cloud, "AgentApiFunction", Samples.event("AgentApiFunction.inbox.json"));

        assertEquals(403, out.path("statusCode").asInt());
    }

    @Test
    void statisticsSample_answers200_forTheSeededAgent(LocalCloud cloud) {
        ObjectNode event = Samples.event("InboxApiFunction.statistics.json");
        String sub = cloud.accounts().stream().filter(a -> a.role().equals("agent")
                && a.tenantId().equals("beaumont-des-sources")).findFirst().orElseThrow().sub();
        ((ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims")).put("sub", sub);

        JsonNode out = invoke(cloud, "InboxApiFunction", event);

        assertEquals(200, out.path("statusCode").asInt(), out.toString());
        assertEquals(12, Json.parse(out.path("body").asText()).path("months").size());
    }

    @Test
    void notificationSample_forARealRequest_sendsTheAcknowledgement(LocalCloud cloud, Api api) throws Exception {
        String reference = TenantIsolationTest.submitted(api, Citizens.newCitizen(api));
        ObjectNode event = Samples.event("NotificationFunction.request-submitted.json");
        ObjectNode record = (ObjectNode) event.path("Records").path(0);
        ObjectNode body = (ObjectNode) Json.parse(record.path("body").asText());
        record.put("body", Json.write(body.put("reference", reference)));

        JsonNode out = invoke(cloud, "NotificationFunction", event);

        assertEquals(0, out.path("batchItemFailures").size());
        assertEquals(1, RequestLifecycleTest.waitForMail(api, reference, 1).stream()
                .filter(m -> m.subject().startsWith("Accusé de réception")).count(), "one acknowledgement, not two");
    }

    @Test
    void notificationSample_asIs_isAcknowledgedWithoutFailure(LocalCloud cloud) {
        JsonNode out = invoke(cloud, "NotificationFunction", Samples.event("NotificationFunction.request-submitted.json"));

        assertEquals(0, out.path("batchItemFailures").size());
    }

    @Test
    void decisionClockSample_reportsHowManyRequestsItDecided(LocalCloud cloud) {
        JsonNode out = invoke(cloud, "DecisionClockFunction", Samples.event("DecisionClockFunction.daily.json"));

        assertTrue(out.path("decided").isInt(), out.toString());
    }

    @Test
    void filingSearchSample_findsTheDemoCitizen_forTheSeededAgent(LocalCloud cloud) {
        ObjectNode event = Samples.event("FilingApiFunction.search-people.json");
        String sub = cloud.accounts().stream().filter(a -> a.role().equals("agent")
                && a.tenantId().equals("beaumont-des-sources")).findFirst().orElseThrow().sub();
        ((ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims")).put("sub", sub);

        JsonNode out = invoke(cloud, "FilingApiFunction", event);

        assertEquals(200, out.path("statusCode").asInt(), out.toString());
        assertTrue(Json.parse(out.path("body").asText()).path("items").toString()
                .contains("camille.martin@example.org"), "the demo citizen is in the commune's directory");
    }

    @Test
    void accessLogRetentionSample_reportsHowManyEntriesItDeleted(LocalCloud cloud) {
        JsonNode out = invoke(cloud, "AccessLogRetentionFunction",
                Samples.event("AccessLogRetentionFunction.nightly.json"));

        assertTrue(out.path("purged").isInt(), out.toString());
    }

    private static JsonNode invoke(LocalCloud cloud, String function, JsonNode event) {
        return Json.parse(cloud.function(function).invoke(Json.writeBytes(event)));
    }
}
