package fr.plateformecitoyens.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The implicit-decision clock end to end: the platform's clock is moved past a request's implicit
 * decision date, the schedule runs (twice at once), and the request is decided exactly once.
 */
@ExtendWith(LocalCloudExtension.class)
class DecisionClockTest {

    private Api api;

    @AfterEach
    void resetClock() {
        if (api != null) {
            moveClock(api, Json.object().put("offset", "PT0S"));
        }
    }

    @Test
    void silence_turnsIntoAcceptanceOnItsDate_exactlyOnce_evenWhenTheJobRunsTwiceAtOnce(Api api) throws Exception {
        this.api = api;
        String citizen = Citizens.newCitizen(api);
        String reference = TenantIsolationTest.submitted(api, citizen);
        LocalDate due = LocalDate.parse(api.get("/api/v1/me/requests/" + reference, citizen).json()
                .path("implicitDecisionDate").asText());

        Instant dayBefore = due.minusDays(1).atTime(12, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();
        moveClock(api, Json.object().put("instant", dayBefore.toString()));
        runSchedule(api);
        assertEquals("submitted", status(api, citizen, reference), "not decided before its date");

        Instant dueDay = due.atTime(2, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();
        moveClock(api, Json.object().put("instant", dueDay.toString()));
        CompletableFuture<JsonNode> first = CompletableFuture.supplyAsync(() -> runSchedule(api));
        CompletableFuture<JsonNode> second = CompletableFuture.supplyAsync(() -> runSchedule(api));
        int decidedHere = 0;
        for (JsonNode run : java.util.List.of(first.get(), second.get())) {
            decidedHere += run.path("decided").asInt();
        }

        JsonNode request = api.get("/api/v1/me/requests/" + reference, citizen).json();
        assertEquals("implicitly_accepted", request.path("status").asText());
        long implicit = java.util.stream.StreamSupport.stream(request.path("timeline").spliterator(), false)
                .filter(t -> t.path("status").asText().equals("implicitly_accepted")).count();
        assertEquals(1, implicit, "one implicit decision in the timeline");
        assertTrue(decidedHere >= 1, "the two runs decided it between them");
        assertTrue(RequestLifecycleTest.waitForMail(api, reference, 2).stream()
                .anyMatch(m -> m.subject().contains("Acceptée (décision implicite)")), "the citizen is told");
    }

    private static String status(Api api, String citizen, String reference) {
        return api.get("/api/v1/me/requests/" + reference, citizen).json().path("status").asText();
    }

    private static JsonNode runSchedule(Api api) {
        Api.Reply reply = api.send(api.builder("/_local/schedules/DecisionClockFunction", null)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, reply.status(), reply.raw().body());
        return reply.json();
    }

    private static void moveClock(Api api, JsonNode body) {
        Api.Reply reply = api.post("/_local/clock", null, Json.write(body));
        assertEquals(200, reply.status(), reply.raw().body());
    }
}
