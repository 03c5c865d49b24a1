package fr.plateformecitoyens.local.report;

import static fr.plateformecitoyens.local.report.Reporting.COMMUNE;
import static fr.plateformecitoyens.local.report.Reporting.LAT;
import static fr.plateformecitoyens.local.report.Reporting.LON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.local.emulators.SesMailbox;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class ReportApiTest {

    /** The smallest valid PNG: one transparent pixel. */
    private static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Test
    void aCitizenFilesAReport_seesItAsTheirs_andAnybodySeesItOpenNearby(Api api) {
        String citizen = Citizens.newCitizen(api);

        Api.Reply filed = Reporting.file(api, citizen, "voirie", LAT, LON);

        assertEquals(201, filed.status(), filed.raw().body());
        String id = filed.json().path("id").asText();
        assertEquals("new", filed.json().path("status").asText());
        assertEquals("/api/v1/me/reports/" + id, filed.header("location"));
        JsonNode mine = api.get("/api/v1/me/reports", citizen).json();
        assertEquals(id, mine.path("items").path(0).path("id").asText());
        JsonNode nearby = api.get(COMMUNE + "/reports?near=" + (LAT + 0.001) + "," + LON + "&radius=300", null).json();
        assertTrue(nearby.path("items").findValuesAsText("id").contains(id), nearby.toString());
        JsonNode far = api.get(COMMUNE + "/reports?near=47.415,0.715&radius=300", null).json();
        assertFalse(far.path("items").findValuesAsText("id").contains(id));
        JsonNode open = api.get(COMMUNE + "/reports?limit=100", null).json();
        assertTrue(open.path("items").findValuesAsText("id").contains(id));
        assertFalse(open.toString().contains("Essai"), "the public list names nobody");
    }

    @Test
    void aLocationOutsideTheTerritory_anUnknownCategory_andNoLocation_areRefusedWith422(Api api) {
        String citizen = Citizens.newCitizen(api);

        Api.Reply outside = Reporting.file(api, citizen, "voirie", 48.8566, 2.3522);
        Api.Reply unknown = Reporting.file(api, citizen, "volcan", LAT, LON);
        Api.Reply nowhere = api.post(COMMUNE + "/reports", citizen, "{\"category\":\"voirie\",\"description\":\"x\"}");

        assertEquals(422, outside.status());
        assertEquals(List.of("location"), Reporting.fields(outside.json()));
        assertEquals(422, unknown.status());
        assertEquals(List.of("category"), Reporting.fields(unknown.json()));
        assertEquals(422, nowhere.status());
        assertEquals(List.of("location"), Reporting.fields(nowhere.json()));
        assertEquals(404, api.post("/api/v1/tenants/saint-nulle-part/reports", citizen, "{\"category\":\"voirie\","
                + "\"description\":\"x\",\"location\":{\"lat\":47.39,\"long\":0.69}}").status());
    }

    @Test
    void aRetryWithTheSameKey_getsTheSameReport(Api api) {
        String citizen = Citizens.newCitizen(api);
        String body = "{\"category\":\"proprete\",\"description\":\"Tags sur le mur de la salle des fêtes.\","
                + "\"location\":{\"lat\":47.39,\"long\":0.69}}";

        Api.Reply first = api.post(COMMUNE + "/reports", citizen, body, Map.of("Idempotency-Key", "k-report-1"));
        Api.Reply again = api.post(COMMUNE + "/reports", citizen, body, Map.of("Idempotency-Key", "k-report-1"));

        assertEquals(201, first.status());
        assertEquals(first.json().path("id"), again.json().path("id"));
        assertEquals("true", again.header("idempotent-replayed"));
    }

    @Test
    void photoGrants_refuseAWrongTypeOrSize_andAFourthPhoto_andAGrantedUploadReachesTheBucket(Api api) {
        String citizen = Citizens.newCitizen(api);
        String id = Reporting.filed(api, citizen);
        String photos = "/api/v1/me/reports/" + id + "/photos";

        Api.Reply pdf = api.post(photos, citizen, "{\"contentType\":\"application/pdf\",\"contentLength\":1000}");
        Api.Reply huge = api.post(photos, citizen, "{\"contentType\":\"image/jpeg\",\"contentLength\":20000000}");
        Api.Reply first = api.post(photos, citizen, "{\"contentType\":\"image/png\",\"contentLength\":"
                + PIXEL.length + "}");
        api.post(photos, citizen, "{\"contentType\":\"image/jpeg\",\"contentLength\":1000}");
        api.post(photos, citizen, "{\"contentType\":\"image/webp\",\"contentLength\":1000}");
        Api.Reply fourth = api.post(photos, citizen, "{\"contentType\":\"image/jpeg\",\"contentLength\":1000}");

        assertEquals(422, pdf.status());
        assertEquals(List.of("contentType"), Reporting.fields(pdf.json()));
        assertEquals(422, huge.status());
        assertEquals(List.of("contentLength"), Reporting.fields(huge.json()));
        assertEquals(201, first.status(), first.raw().body());
        assertEquals(409, fourth.status());
        JsonNode upload = first.json().path("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PIXEL));
        upload.path("headers").fields().forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
        assertEquals(200, api.send(put.build()).status(), "the browser's upload goes straight to the bucket");
        JsonNode detail = api.get("/api/v1/me/reports/" + id, citizen).json();
        assertEquals(3, detail.path("photos").size());
        assertEquals(List.of("pending", "pending", "pending"), detail.path("photos").findValuesAsText("status"));
    }

    @Test
    void photosTheProcessorCompleted_showTheirThumbnail_orTheirReason_andFeedOpen311MediaUrl(Api api) {
        String citizen = Citizens.newCitizen(api);
        String id = Reporting.filed(api, citizen);
        String photos = "/api/v1/me/reports/" + id + "/photos";
        String ready = api.post(photos, citizen, "{\"contentType\":\"image/jpeg\",\"contentLength\":1000}").json()
                .path("id").asText();
        String failed = api.post(photos, citizen, "{\"contentType\":\"image/png\",\"contentLength\":1000}").json()
                .path("id").asText();

        String media = "media/reports/beaumont-des-sources/" + id + "/" + ready;
        processed(api, id, ready, "SET #s = :ready, webKey = :web, thumbKey = :thumb, width = :w, height = :h, "
                + "processedAt = :at", Map.of(":ready", s("ready"), ":web", s(media + "/web.jpg"),
                        ":thumb", s(media + "/thumb.jpg"), ":w", n("1600"), ":h", n("1200"),
                        ":at", s("2026-12-04T09:00:00Z")));
        processed(api, id, failed, "SET #s = :failed, reason = :why, processedAt = :at", Map.of(":failed", s("failed"),
                ":why", s("Ce fichier n'est pas une image lisible."), ":at", s("2026-12-04T09:00:00Z")));

        JsonNode shown = api.get("/api/v1/me/reports/" + id, citizen).json().path("photos");
        assertEquals(List.of("ready", "failed"), shown.findValuesAsText("status"));
        assertTrue(shown.path(0).path("thumbnailUrl").asText().contains("thumb.jpg"), shown.toString());
        assertTrue(shown.path(0).path("thumbnailUrl").asText().contains("X-Amz-Signature"), "a presigned link");
        assertEquals("Ce fichier n'est pas une image lisible.", shown.path(1).path("reason").asText());
        JsonNode open311 = api.get("/open311/v2/requests/" + id + ".json?jurisdiction_id=beaumont-des-sources", null)
                .json().path(0);
        assertTrue(open311.path("media_url").asText().contains("web.jpg"), open311.toString());
    }

    /** Updates a photo item as the photo processor does: the same item, only if it exists. */
    private static void processed(Api api, String reportId, String photoId, String update,
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> values) {
        try (var dynamo = fr.plateformecitoyens.local.LocalAws.dynamoDb(api.cloud().emulators().endpoints())) {
            dynamo.updateItem(b -> b.tableName(api.cloud().stack().ref("MainTable"))
                    .key(Map.of("pk", s("REPORT#" + reportId), "sk", s("PHOTO#" + photoId)))
                    .updateExpression(update).conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(values));
        }
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue n(String value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(value);
    }

    @Test
    void anotherCitizen_anotherTenantsAgent_andAnAgentOfAnotherService_cannotReachTheReport(Api api) {
        String id = Reporting.filed(api, Citizens.newCitizen(api));

        assertEquals(404, api.get("/api/v1/me/reports/" + id, Citizens.newCitizen(api)).status());
        String epciAgent = api.token(api.account("agent", "cc-val-des-sources"));
        assertEquals(403, api.get(COMMUNE + "/agent-reports/" + id, epciAgent).status());
        assertEquals(404, api.get("/api/v1/tenants/cc-val-des-sources/agent-reports/" + id, epciAgent).status());
        String civilStatus = api.token(api.account("agent", "beaumont-des-sources"));
        assertEquals(403, api.get(COMMUNE + "/agent-reports/" + id, civilStatus).status());
        JsonNode list = api.get("/api/v1/tenants/cc-val-des-sources/agent-reports", epciAgent).json();
        assertFalse(list.path("items").findValuesAsText("id").contains(id));
    }

    @Test
    void theAgentAcknowledgesAndRejects_withNotes_andTheReporterIsMailedEachTime(Api api) throws Exception {
        String citizen = Citizens.newCitizen(api);
        String id = Reporting.filed(api, citizen);
        String agent = Reporting.roadsAgent(api);
        String path = COMMUNE + "/agent-reports/" + id;

        JsonNode listed = api.get(COMMUNE + "/agent-reports?category=voirie&limit=100", agent).json();
        assertTrue(listed.path("items").findValuesAsText("id").contains(id));
        Api.Reply read = api.get(path, agent);
        Api.Reply assigned = api.post(path + "/assignment", agent, "{}", Reporting.ifMatch(read.header("etag")));
        assertEquals(200, assigned.status(), assigned.raw().body());
        assertEquals("Sacha Girard", assigned.json().path("assignee").path("name").asText());
        Api.Reply acknowledged = api.post(path + "/status", agent, "{\"to\":\"acknowledged\",\"note\":"
                + "\"Une équipe passera jeudi.\"}", Reporting.ifMatch(assigned.header("etag")));
        assertEquals(200, acknowledged.status(), acknowledged.raw().body());
        Api.Reply stale = api.post(path + "/status", agent, "{\"to\":\"in_progress\"}",
                Reporting.ifMatch(read.header("etag")));
        Api.Reply unexplained = api.post(path + "/status", agent, "{\"to\":\"rejected\"}",
                Reporting.ifMatch(acknowledged.header("etag")));
        Api.Reply rejected = api.post(path + "/status", agent, "{\"to\":\"rejected\",\"note\":"
                + "\"Cette voie est privée.\"}", Reporting.ifMatch(acknowledged.header("etag")));

        assertEquals(412, stale.status());
        assertEquals(422, unexplained.status());
        assertEquals(List.of("note"), Reporting.fields(unexplained.json()));
        assertEquals(200, rejected.status(), rejected.raw().body());
        JsonNode mine = api.get("/api/v1/me/reports/" + id, citizen).json();
        assertEquals(List.of("new", "acknowledged", "rejected"), mine.path("history").findValuesAsText("to"));
        List<SesMailbox.Mail> mails = Reporting.waitForMail(api, id, 2);
        assertEquals(2, mails.size(), "one e-mail per change of status, none for the assignment");
        assertTrue(mails.stream().anyMatch(m -> m.text().contains("Une équipe passera jeudi.")));
        assertTrue(mails.stream().anyMatch(m -> m.text().contains("Motif : Cette voie est privée.")));
        JsonNode open = api.get(COMMUNE + "/reports?limit=100", null).json();
        assertFalse(open.path("items").findValuesAsText("id").contains(id), "a rejected report is no longer open");
        JsonNode nearby = api.get(COMMUNE + "/reports?near=" + LAT + "," + LON + "&radius=100", null).json();
        assertFalse(nearby.path("items").findValuesAsText("id").contains(id));
    }

    @Test
    void escalation_filesAGeneralRequestForTheReporter_andLinksBothWays_once(Api api) throws Exception {
        String citizen = Citizens.newCitizen(api);
        String id = Reporting.filed(api, citizen);
        String agent = Reporting.roadsAgent(api);

        Api.Reply escalated = api.post(COMMUNE + "/agent-reports/" + id + "/escalation", agent, "{}");
        Api.Reply again = api.post(COMMUNE + "/agent-reports/" + id + "/escalation", agent, "{}");

        assertEquals(200, escalated.status(), escalated.raw().body());
        String reference = escalated.json().path("requestReference").asText();
        assertEquals(reference, again.json().path("requestReference").asText());
        JsonNode request = api.get("/api/v1/me/requests/" + reference, citizen).json();
        assertEquals("demande-generale", request.path("procedureId").asText(), request.toString());
        assertTrue(request.toString().contains(id), "the request names the report");
        assertEquals(reference, api.get("/api/v1/me/reports/" + id, citizen).json().path("requestReference").asText());
        Api.Reply resolved = api.post(COMMUNE + "/agent-reports/" + id + "/status", agent, "{\"to\":\"resolved\","
                + "\"note\":\"Suivi dans votre demande.\"}", Reporting.ifMatch(again.header("etag")));
        assertEquals(200, resolved.status(), resolved.raw().body());
        List<SesMailbox.Mail> mails = Reporting.waitForMail(api, id + " :", 1);
        assertEquals(1, mails.size(), "the change of status after the escalation is mailed too");
        assertTrue(mails.get(0).text().contains("Suivi dans votre demande."));
    }
}
