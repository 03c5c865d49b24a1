package fr.plateformecitoyens.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Helpers of the filing tests: contacts, letters and filing bodies. */
final class Filings {

    static final String COMMUNE = "/api/v1/tenants/beaumont-des-sources";
    static final byte[] PDF = ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Filings() {
    }

    /** A contact with a family name no other test uses, no e-mail address, and a postal address. */
    static JsonNode contactWithoutEmail(Api api, String agent) {
        String family = "Rivière " + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply reply = api.post(COMMUNE + "/contacts", agent, Json.write(Json.object().put("givenName", "Jeanne")
                .put("familyName", family).put("phone", "01 23 45 67 89").set("address", Json.object()
                        .put("street", "4 chemin des Saules").put("postcode", "45300")
                        .put("city", "Beaumont-des-Sources"))));
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json();
    }

    static ObjectNode body(String kind, String id, String channel) {
        ObjectNode body = Json.object();
        body.putObject("person").put("kind", kind).put("id", id);
        body.put("procedureId", "acte-etat-civil").put("channel", channel);
        body.set("data", Samples.civilStatusAnswers());
        return body;
    }

    /** Uploads {@code content} as the agent's scanned letter and returns the upload id. */
    static String uploadLetter(Api api, String agent, byte[] content, String declaredType) throws Exception {
        Api.Reply grant = api.post(COMMUNE + "/uploads", agent, "{\"fileName\":\"courrier.pdf\",\"contentType\":\""
                + declaredType + "\",\"size\":" + content.length + "}");
        assertEquals(201, grant.status(), grant.raw().body());
        JsonNode upload = grant.json().path("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .method(upload.path("method").asText(), HttpRequest.BodyPublishers.ofByteArray(content));
        upload.path("headers").fields().forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
        assertEquals(200, HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        return grant.json().path("uploadId").asText();
    }
}
