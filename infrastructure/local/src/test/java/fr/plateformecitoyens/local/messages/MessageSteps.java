package fr.plateformecitoyens.local.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.emulators.SesMailbox;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Samples;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Steps of the message tests: a request filed, files sent through upload grants, messages posted and read. */
final class MessageSteps {

    static final String COMMUNE = "/api/v1/tenants/beaumont-des-sources";
    static final byte[] PDF = ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private MessageSteps() {
    }

    static String submitted(Api api, String token) {
        Api.Reply reply = api.post(COMMUNE + "/requests", token, Samples.submission(Samples.civilStatusAnswers()));
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().path("reference").asText();
    }

    static String citizenPath(String reference) {
        return "/api/v1/me/requests/" + reference + "/messages";
    }

    static String agentPath(String reference) {
        return COMMUNE + "/requests/" + reference + "/messages";
    }

    static String body(String text, String visibility, List<String[]> attachments) {
        var node = Json.object().put("text", text);
        if (visibility != null) {
            node.put("visibility", visibility);
        }
        var files = node.putArray("attachments");
        attachments.forEach(a -> files.addObject().put("uploadId", a[0]).put("fileName", a[1]));
        return Json.write(node);
    }

    static Api.Reply post(Api api, String path, String token, String body) {
        return api.post(path, token, body, Map.of());
    }

    /** Grants an upload at {@code uploadPath}, sends {@code content} to the store, and gives {uploadId, name}. */
    static String[] uploaded(Api api, String uploadPath, String token, String name, String type, byte[] content)
            throws Exception {
        Api.Reply grant = api.post(uploadPath, token, Json.write(Json.object().put("fileName", name)
                .put("contentType", type).put("size", content.length)));
        assertEquals(201, grant.status(), grant.raw().body());
        JsonNode upload = grant.json().path("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .method(upload.path("method").asText(), HttpRequest.BodyPublishers.ofByteArray(content));
        upload.path("headers").fields().forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
        assertEquals(200, HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        return new String[] {grant.json().path("uploadId").asText(), name};
    }

    static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    static List<String> texts(JsonNode page) {
        List<String> texts = new ArrayList<>();
        page.path("items").forEach(m -> texts.add(m.path("text").asText()));
        return texts;
    }

    static String subjectOf(String idToken) {
        String payload = new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.parse(payload).path("sub").asText();
    }

    /** The « new message » e-mails about the request, once {@code count} have arrived (or after 20 s). */
    static List<SesMailbox.Mail> messageMails(Api api, String reference, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<SesMailbox.Mail> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = api.cloud().emulators().mailbox().messages().stream()
                    .filter(m -> m.subject() != null && m.subject().equals("Nouveau message sur votre demande "
                            + reference)).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        return found;
    }
}
