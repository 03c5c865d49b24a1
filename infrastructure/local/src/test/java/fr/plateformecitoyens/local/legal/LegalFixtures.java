package fr.plateformecitoyens.local.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.testing.Api;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Helpers of the legal-document tests: binary downloads, PDF text, e-mails with their attachments. */
final class LegalFixtures {

    static final String COMMUNE = "/api/v1/tenants/beaumont-des-sources";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LegalFixtures() {
    }

    /** A response whose body is kept as bytes. */
    record Download(int status, HttpResponse<byte[]> raw) {
        byte[] bytes() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    static Download download(Api api, String path, String token) {
        try {
            HttpResponse<byte[]> response = HTTP.send(api.builder(path, token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text of a PDF, parsed with PDFBox, lines joined by spaces. */
    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", " ");
        } catch (IOException e) {
            throw new AssertionError("not a PDF PDFBox can read", e);
        }
    }

    /** The last e-mail captured by the SES emulator whose subject contains both words, waited for up to 20 s. */
    static JsonNode mail(Api api, String reference, String subject) throws Exception {
        URI store = api.cloud().emulators().endpoints().ses().resolve("/store");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            String body = HTTP.send(HttpRequest.newBuilder(store).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Optional<JsonNode> found = Optional.empty();
            for (JsonNode mail : Json.parse(body).path("emails")) {
                String s = mail.path("subject").asText();
                if (s.contains(reference) && s.contains(subject)) {
                    found = Optional.of(mail);
                }
            }
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail « " + subject + " » about " + reference + " within 20 s");
    }

    static byte[] attachment(JsonNode mail, int index) {
        return Base64.getDecoder().decode(mail.path("attachments").get(index).path("content").asText());
    }

    static void moveClock(Api api, JsonNode body) {
        Api.Reply reply = api.post("/_local/clock", null, Json.write(body));
        assertEquals(200, reply.status(), reply.raw().body());
    }

    static JsonNode runDecisionClock(Api api) {
        Api.Reply reply = api.send(api.builder("/_local/schedules/DecisionClockFunction", null)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, reply.status(), reply.raw().body());
        return reply.json();
    }
}
