package fr.plateformecitoyens.local.forms;

import static fr.plateformecitoyens.local.forms.AdminFixtures.COMMUNE;
import static fr.plateformecitoyens.local.forms.AdminFixtures.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** « Mon foyer », and registrations that name a child of it and carry a supporting document. */
@ExtendWith(LocalCloudExtension.class)
class HouseholdSubmissionTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String HOUSEHOLD = "{\"members\":[{\"givenNames\":\"Léo\",\"familyName\":\"Essai\","
            + "\"birthDate\":\"2023-04-02\",\"relationship\":\"child\"},{\"givenNames\":\"Sacha\","
            + "\"familyName\":\"Essai\",\"birthDate\":\"1988-01-09\",\"relationship\":\"spouse\"}]}";

    private static JsonNode household(Api api, String token) {
        Api.Reply saved = put(api, "/api/v1/me/household", token, HOUSEHOLD, Map.of());
        assertEquals(200, saved.status(), saved.raw().body());
        return saved.json().path("members");
    }

    private static String upload(Api api, String token, byte[] content, String declared) throws Exception {
        Api.Reply grant = api.post("/api/v1/me/uploads", token, Json.object().put("fileName", "justificatif.pdf")
                .put("contentType", declared).put("size", content.length).toString());
        assertEquals(201, grant.status(), grant.raw().body());
        JsonNode upload = grant.json().path("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .method(upload.path("method").asText(), HttpRequest.BodyPublishers.ofByteArray(content));
        upload.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        assertEquals(200, HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        return grant.json().path("uploadId").asText();
    }

    private static ObjectNode creche(String childId, String uploadId) {
        ObjectNode body = Json.object().put("procedureId", "inscription-creche");
        ObjectNode data = body.putObject("data").put("enfant", childId).put("dateEntree", "2027-09-01")
                .put("heuresParSemaine", 32).put("situation", "deux_actifs");
        data.putArray("joursAccueil").add("lundi").add("mardi");
        data.putObject("justificatifDomicile").put("uploadId", uploadId).put("fileName", "facture.pdf");
        return body;
    }

    @Test
    void theHousehold_isStoredPerCitizen_withStableIds_andCheckedField_byField(Api api) {
        String token = Citizens.newCitizen(api);
        assertEquals(0, api.get("/api/v1/me/household", token).json().path("members").size());

        JsonNode members = household(api, token);
        String leo = members.path(0).path("id").asText();
        Api.Reply kept = put(api, "/api/v1/me/household", token, "{\"members\":[{\"id\":\"" + leo
                + "\",\"givenNames\":\"Léo\",\"familyName\":\"Essai\",\"birthDate\":\"2023-04-02\","
                + "\"relationship\":\"child\"}]}", Map.of());
        Api.Reply wrong = put(api, "/api/v1/me/household", token, "{\"members\":[{\"givenNames\":\"\","
                + "\"familyName\":\"Essai\",\"birthDate\":\"2099-01-01\",\"relationship\":\"cousin\"}]}", Map.of());

        assertEquals(leo, kept.json().path("members").path(0).path("id").asText());
        assertEquals(1, api.get("/api/v1/me/household", token).json().path("members").size());
        assertEquals(0, api.get("/api/v1/me/household", Citizens.newCitizen(api)).json().path("members").size());
        assertEquals(422, wrong.status());
        assertEquals(3, wrong.json().path("errors").size(), wrong.raw().body());
    }

    @Test
    void aCrecheRegistration_withAChildOfTheHousehold_andAPdf_keepsTheChildAndTheDocument(Api api) throws Exception {
        String token = Citizens.newCitizen(api);
        String leo = household(api, token).path(0).path("id").asText();
        String uploadId = upload(api, token, PDF, "application/pdf");

        Api.Reply filed = api.post("/api/v1/tenants/" + COMMUNE + "/requests", token, creche(leo, uploadId).toString());

        assertEquals(201, filed.status(), filed.raw().body());
        assertTrue(filed.json().path("acknowledgement").path("mentions").toString().contains("rejetée"));
        JsonNode data = api.get("/api/v1/me/requests/" + filed.json().path("reference").asText(), token).json()
                .path("data");
        assertEquals("Léo", data.path("enfant").path("givenNames").asText(), data.toString());
        assertEquals("2023-04-02", data.path("enfant").path("birthDate").asText());
        assertEquals("application/pdf", data.path("justificatifDomicile").path("contentType").asText());
        assertEquals("requests/" + filed.json().path("reference").asText() + "/documents/justificatifDomicile",
                data.path("justificatifDomicile").path("key").asText());
    }

    @Test
    void anAdult_orAnotherCitizensChild_isRefused422_onTheField(Api api) throws Exception {
        String token = Citizens.newCitizen(api);
        String sacha = household(api, token).path(1).path("id").asText();
        String stranger = household(api, Citizens.newCitizen(api)).path(0).path("id").asText();

        Api.Reply adult = api.post("/api/v1/tenants/" + COMMUNE + "/requests", token,
                creche(sacha, upload(api, token, PDF, "application/pdf")).toString());
        Api.Reply notMine = api.post("/api/v1/tenants/" + COMMUNE + "/requests", token,
                creche(stranger, upload(api, token, PDF, "application/pdf")).toString());

        assertEquals(422, adult.status(), adult.raw().body());
        assertEquals("enfant", adult.json().path("errors").path(0).path("field").asText());
        assertEquals("Choisissez un enfant de votre foyer.", adult.json().path("errors").path(0).path("message")
                .asText());
        assertEquals(422, notMine.status());
        assertEquals("enfant", notMine.json().path("errors").path(0).path("field").asText());
    }

    @Test
    void aDocumentDeclaredPdf_whoseContentIsNot_isRefused422(Api api) throws Exception {
        String token = Citizens.newCitizen(api);
        String leo = household(api, token).path(0).path("id").asText();
        byte[] page = "<html><body>pas un PDF</body></html>".getBytes(StandardCharsets.UTF_8);
        String uploadId = upload(api, token, page, "application/pdf");

        Api.Reply refused = api.post("/api/v1/tenants/" + COMMUNE + "/requests", token,
                creche(leo, uploadId).toString());

        assertEquals(422, refused.status(), refused.raw().body());
        assertEquals("justificatifDomicile", refused.json().path("errors").path(0).path("field").asText());
        assertTrue(refused.json().path("errors").path(0).path("message").asText().startsWith("Le contenu de ce "
                + "fichier n'est pas"), refused.raw().body());
    }
}
