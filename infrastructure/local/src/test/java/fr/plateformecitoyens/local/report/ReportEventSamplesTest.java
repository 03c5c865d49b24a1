package fr.plateformecitoyens.local.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Samples;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample events of the report functions, through their functions' Lambda entry point. */
@ExtendWith(LocalCloudExtension.class)
class ReportEventSamplesTest {

    @Test
    void fileReportSample_files201_andTheNearbySample_findsIt(LocalCloud cloud) {
        ObjectNode event = Samples.event("ReportApiFunction.file-report.json");
        ((ObjectNode) event.path("headers")).put("idempotency-key", UUID.randomUUID().toString());

        JsonNode filed = invoke(cloud, "ReportApiFunction", event);
        JsonNode nearby = invoke(cloud, "ReportApiFunction",
                Samples.event("ReportApiFunction.nearby-open-reports.json"));

        assertEquals(201, filed.path("statusCode").asInt(), filed.toString());
        String id = Json.parse(filed.path("body").asText()).path("id").asText();
        assertEquals(200, nearby.path("statusCode").asInt());
        assertTrue(Json.parse(nearby.path("body").asText()).path("items").findValuesAsText("id").contains(id));
    }

    @Test
    void agentReportsSample_answers200_forTheSeededRoadsAgent(LocalCloud cloud) {
        ObjectNode event = Samples.event("ReportDeskApiFunction.agent-reports.json");
        String sub = cloud.accounts().stream().filter(a -> a.username().equals(Reporting.ROADS_AGENT)).findFirst()
                .orElseThrow().sub();
        ((ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims")).put("sub", sub);

        JsonNode out = invoke(cloud, "ReportDeskApiFunction", event);

        assertEquals(200, out.path("statusCode").asInt(), out.toString());
    }

    @Test
    void open311ServicesSample_listsTheDemoCategories(LocalCloud cloud) {
        JsonNode out = invoke(cloud, "Open311Function", Samples.event("Open311Function.services.json"));

        assertEquals(200, out.path("statusCode").asInt());
        assertEquals(6, Json.parse(out.path("body").asText()).size());
    }

    private static JsonNode invoke(LocalCloud cloud, String function, JsonNode event) {
        return Json.parse(cloud.function(function).invoke(Json.writeBytes(event)));
    }
}
