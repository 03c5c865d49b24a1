package fr.plateformecitoyens.local.report;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.local.emulators.SesMailbox;
import fr.plateformecitoyens.local.seed.DemoData;
import fr.plateformecitoyens.local.testing.Api;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the report tests share: filing a report, the demo agent of the technical services, e-mails. */
final class Reporting {

    static final String COMMUNE = "/api/v1/tenants/" + DemoData.COMMUNE;
    static final String ROADS_AGENT = "agent.voirie@beaumont-des-sources.example.fr";
    /** A point inside Beaumont-des-Sources' bounding box. */
    static final double LAT = 47.3951;
    static final double LON = 0.6861;

    private Reporting() {
    }

    static String roadsAgent(Api api) {
        return api.token(api.cloud().accounts().stream().filter(a -> a.username().equals(ROADS_AGENT)).findFirst()
                .orElseThrow());
    }

    static Api.Reply file(Api api, String token, String category, double lat, double lon) {
        return api.post(COMMUNE + "/reports", token, "{\"category\":\"" + category + "\",\"description\":"
                + "\"Nid-de-poule profond devant l'école.\",\"location\":{\"lat\":" + lat + ",\"long\":" + lon
                + ",\"address\":\"2 rue de l'École\"}}");
    }

    static String filed(Api api, String token) {
        Api.Reply reply = file(api, token, "voirie", LAT, LON);
        if (reply.status() != 201) {
            throw new IllegalStateException("report not filed: " + reply.raw().body());
        }
        return reply.json().path("id").asText();
    }

    static Api.Reply form(Api api, String path, String body) {
        return api.send(api.builder(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    static List<SesMailbox.Mail> waitForMail(Api api, String text, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<SesMailbox.Mail> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = api.cloud().emulators().mailbox().messages().stream()
                    .filter(m -> m.subject() != null && m.subject().contains(text)).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        return found;
    }

    static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsText("field");
    }

    static Map<String, String> ifMatch(String etag) {
        return Map.of("If-Match", etag);
    }
}
