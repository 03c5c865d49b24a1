package fr.plateformecitoyens.local.legal;

import static fr.plateformecitoyens.local.legal.LegalFixtures.COMMUNE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lifecycle's legal rules through the gateway: a rejection needs its reason, an incompleteness its list
 * of what is missing; the citizen completes an incomplete request (If-Match, checked against the démarche
 * version of the request) and it goes back where it was, with the clock running again (CRPA L114-5).
 */
@ExtendWith(LocalCloudExtension.class)
class CorrectionTest {

    private static final String MISSING = "Merci d'indiquer le lieu de naissance exact (commune et département).";

    @Test
    void rejection_withABlankReason_answers422_withAFrenchMessageOnTheNote(Api api) {
        String reference = AcknowledgementPdfTest.submit(api, Citizens.newCitizen(api));
        String agent = api.token(api.account("agent", "beaumont-des-sources"));

        Api.Reply blank = api.post(COMMUNE + "/requests/" + reference + "/transitions", agent,
                "{\"to\":\"rejected\",\"note\":\"   \"}", Map.of("If-Match", "\"" + reference + "-v1\""));
        Api.Reply noList = api.post(COMMUNE + "/requests/" + reference + "/transitions", agent,
                "{\"to\":\"incomplete\"}", Map.of("If-Match", "\"" + reference + "-v1\""));

        assertEquals(422, blank.status(), blank.raw().body());
        assertEquals("note", blank.json().path("errors").path(0).path("field").asText());
        assertEquals("Indiquez le motif du refus.", blank.json().path("errors").path(0).path("message").asText());
        assertEquals(422, noList.status());
        assertEquals("Indiquez les pièces ou informations manquantes.",
                noList.json().path("errors").path(0).path("message").asText());
    }

    @Test
    void citizen_completesAnIncompleteRequest_whichGoesBackToSubmitted_withAFreshPeriod(Api api) {
        String citizen = Citizens.newCitizen(api);
        String reference = AcknowledgementPdfTest.submit(api, citizen);
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        Api.Reply incomplete = api.post(COMMUNE + "/requests/" + reference + "/transitions", agent,
                Json.write(Json.object().put("to", "incomplete").put("note", MISSING)),
                Map.of("If-Match", "\"" + reference + "-v1\""));
        assertEquals(200, incomplete.status(), incomplete.raw().body());

        Api.Reply read = api.get("/api/v1/me/requests/" + reference, citizen);
        assertEquals("incomplete", read.json().path("status").asText());
        assertEquals(MISSING, read.json().path("correction").path("missing").asText(), "what the agent asked for");
        assertTrue(read.json().path("implicitDecisionDate").isNull(), "no clock runs while incomplete");
        assertEquals("\"" + reference + "-v2\"", read.header("etag"));
        String path = "/api/v1/me/requests/" + reference + "/corrections";

        Api.Reply missingTag = api.post(path, citizen, "{\"data\":{}}");
        Api.Reply stale = api.post(path, citizen, "{\"data\":{}}", Map.of("If-Match", "\"" + reference + "-v1\""));
        Api.Reply invalid = api.post(path, citizen, "{\"data\":{\"dateEvenement\":\"hier\"}}",
                Map.of("If-Match", read.header("etag")));
        Api.Reply stranger = api.post(path, Citizens.newCitizen(api), "{\"data\":{}}",
                Map.of("If-Match", read.header("etag")));
        assertEquals(428, missingTag.status());
        assertEquals(412, stale.status());
        assertEquals(422, invalid.status(), invalid.raw().body());
        assertEquals("dateEvenement", invalid.json().path("errors").path(0).path("field").asText());
        assertEquals(404, stranger.status());
        assertEquals("incomplete", api.get("/api/v1/me/requests/" + reference, citizen).json().path("status")
                .asText(), "nothing half-written");

        Api.Reply corrected = api.post(path, citizen, Json.write(Json.object().put("note", "C'est corrigé.")
                .set("data", Json.object().put("lieuEvenement", "Beaumont-des-Sources (Indre-et-Loire)"))),
                Map.of("If-Match", read.header("etag")));
        assertEquals(200, corrected.status(), corrected.raw().body());
        JsonNode after = corrected.json();
        assertEquals("submitted", after.path("status").asText());
        assertEquals("Beaumont-des-Sources (Indre-et-Loire)", after.path("data").path("lieuEvenement").asText());
        assertEquals("Martin", after.path("data").path("nom").asText(), "the other answers are kept");
        assertEquals(LocalDate.now(ZoneId.of("Europe/Paris")).plusMonths(2).toString(),
                after.path("implicitDecisionDate").asText(), "SVA: a fresh period from the correction");
        assertEquals(List.of("submitted", "incomplete", "submitted"), statuses(after.path("timeline")));
        assertEquals("\"" + reference + "-v3\"", corrected.header("etag"));

        Api.Reply again = api.post(path, citizen, "{\"data\":{}}", Map.of("If-Match", corrected.header("etag")));
        assertEquals(409, again.status(), "only an incomplete request can be completed");
        JsonNode history = api.get(COMMUNE + "/requests/" + reference, agent).json().path("history");
        assertEquals("incomplete", history.path(2).path("from").asText());
        assertEquals("C'est corrigé.", history.path(2).path("note").asText());
    }

    @Test
    void requestTakenByAnAgent_thenCompleted_goesBackToInProgress(Api api) {
        String citizen = Citizens.newCitizen(api);
        String reference = AcknowledgementPdfTest.submit(api, citizen);
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        String transitions = COMMUNE + "/requests/" + reference + "/transitions";
        Api.Reply taken = api.post(transitions, agent, "{\"to\":\"in_progress\"}",
                Map.of("If-Match", "\"" + reference + "-v1\""));
        Api.Reply incomplete = api.post(transitions, agent,
                Json.write(Json.object().put("to", "incomplete").put("note", MISSING)),
                Map.of("If-Match", taken.header("etag")));

        Api.Reply corrected = api.post("/api/v1/me/requests/" + reference + "/corrections", citizen,
                "{\"data\":{\"lieuEvenement\":\"Tours\"}}", Map.of("If-Match", incomplete.header("etag")));

        assertEquals(200, corrected.status(), corrected.raw().body());
        assertEquals("in_progress", corrected.json().path("status").asText());
        assertTrue(api.get(COMMUNE + "/inbox?service=etat-civil&limit=100", agent).json().path("items").toString()
                .contains(reference), "back in the service's open requests");
    }

    private static List<String> statuses(JsonNode timeline) {
        return StreamSupport.stream(timeline.spliterator(), false).map(t -> t.path("status").asText()).toList();
    }
}
