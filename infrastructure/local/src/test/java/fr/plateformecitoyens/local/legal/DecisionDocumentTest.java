package fr.plateformecitoyens.local.legal;

import static fr.plateformecitoyens.local.legal.LegalFixtures.COMMUNE;
import static fr.plateformecitoyens.local.legal.LegalFixtures.download;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/**
 * A decision with its letter: the agent uploads a PDF (UploadApi), attaches it to the acceptance, and the
 * citizen finds it among the request's documents and in the decision e-mail.
 */
@ExtendWith(LocalCloudExtension.class)
class DecisionDocumentTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final byte[] LETTER = ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    @Test
    void agentAttachesAPdfToTheDecision_theCitizenDownloadsIt_andReceivesItByEmail(Api api) throws Exception {
        String citizen = Citizens.newCitizen(api);
        String reference = AcknowledgementPdfTest.submit(api, citizen);
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        String transitions = COMMUNE + "/requests/" + reference + "/transitions";
        String uploadId = upload(api, agent, LETTER);

        Api.Reply notADecision = api.post(transitions, agent, Json.write(Json.object().put("to", "in_progress")
                .set("document", Json.object().put("uploadId", uploadId).put("fileName", "courrier.pdf"))),
                Map.of("If-Match", "\"" + reference + "-v1\""));
        assertEquals(422, notADecision.status(), notADecision.raw().body());
        assertEquals("document", notADecision.json().path("errors").path(0).path("field").asText());

        Api.Reply decided = api.post(transitions, agent, Json.write(Json.object().put("to", "accepted")
                .put("note", "Votre acte est joint.")
                .set("document", Json.object().put("uploadId", uploadId).put("fileName", "decision-acte.pdf"))),
                Map.of("If-Match", "\"" + reference + "-v1\""));
        assertEquals(200, decided.status(), decided.raw().body());

        JsonNode mine = api.get("/api/v1/me/requests/" + reference, citizen).json();
        assertTrue(mine.path("documents").toString().contains("decision-v2"), mine.path("documents").toString());
        LegalFixtures.Download letter = download(api, "/api/v1/me/requests/" + reference
                + "/documents/decision-v2.pdf", citizen);
        assertEquals(200, letter.status());
        assertArrayEquals(LETTER, letter.bytes());
        assertEquals("attachment; filename=\"decision-acte.pdf\"", letter.header("content-disposition"));
        assertEquals(404, download(api, "/api/v1/me/requests/" + reference + "/documents/decision-v1.pdf", citizen)
                .status(), "the filing carries no document");
        assertEquals(404, download(api, "/api/v1/me/requests/" + reference + "/documents/decision-v2.pdf",
                Citizens.newCitizen(api)).status());

        JsonNode mail = LegalFixtures.mail(api, reference, "Acceptée");
        assertEquals("decision-acte.pdf", mail.path("attachments").get(0).path("filename").asText());
        assertArrayEquals(LETTER, LegalFixtures.attachment(mail, 0));
    }

    /** Grants the agent an upload and sends {@code content} to the store; returns the upload id. */
    private static String upload(Api api, String agent, byte[] content) throws Exception {
        Api.Reply grant = api.post(COMMUNE + "/uploads", agent, "{\"fileName\":\"decision.pdf\","
                + "\"contentType\":\"application/pdf\",\"size\":" + content.length + "}");
        assertEquals(201, grant.status(), grant.raw().body());
        JsonNode put = grant.json().path("upload");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(put.path("url").asText()))
                .method(put.path("method").asText(), HttpRequest.BodyPublishers.ofByteArray(content));
        put.path("headers").fields().forEachRemaining(h -> request.header(h.getKey(), h.getValue().asText()));
        assertEquals(200, HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        return grant.json().path("uploadId").asText();
    }
}
