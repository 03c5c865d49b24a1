package fr.plateformecitoyens.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.local.emulators.SesMailbox;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class RequestLifecycleTest {

    private static final String COMMUNE = "/api/v1/tenants/beaumont-des-sources";

    @Test
    void agent_takesAndDecidesARequest_andTheCitizenSeesItAndIsMailed(Api api) throws Exception {
        String citizen = Citizens.newCitizen(api);
        String reference = TenantIsolationTest.submitted(api, citizen);
        String agent = api.token(api.account("agent", "beaumont-des-sources"));

        JsonNode inbox = api.get(COMMUNE + "/inbox?service=etat-civil&limit=100", agent).json();
        assertTrue(inbox.path("items").toString().contains(reference), "the request reaches its service's inbox");
        for (JsonNode item : inbox.path("items")) {
            if (item.path("reference").asText().equals(reference)) {
                assertEquals("Alex Essai", item.path("citizenName").asText(), "the name from the ID token");
            }
        }
        Api.Reply read = api.get(COMMUNE + "/requests/" + reference, agent);
        assertEquals("\"" + reference + "-v1\"", read.header("etag"));
        Api.Reply taken = api.post(COMMUNE + "/requests/" + reference + "/transitions", agent,
                "{\"to\":\"in_progress\"}", Map.of("If-Match", read.header("etag")));
        assertEquals(200, taken.status(), taken.raw().body());
        Api.Reply decided = api.post(COMMUNE + "/requests/" + reference + "/transitions", agent,
                "{\"to\":\"accepted\",\"note\":\"Votre acte vous sera envoyé par courrier.\"}",
                Map.of("If-Match", taken.header("etag")));
        assertEquals(200, decided.status(), decided.raw().body());

        JsonNode mine = api.get("/api/v1/me/requests/" + reference, citizen).json();
        assertEquals("accepted", mine.path("status").asText());
        assertEquals("Votre acte vous sera envoyé par courrier.", mine.path("decision").path("note").asText());
        assertEquals(List.of("submitted", "in_progress", "accepted"), statuses(mine.path("timeline")));
        List<SesMailbox.Mail> mails = waitForMail(api, reference, 3);
        assertEquals(3, mails.size(), "the acknowledgement and one e-mail per status change");
        assertTrue(mails.stream().anyMatch(m -> m.subject().startsWith("Accusé de réception")));
        assertTrue(mails.stream().anyMatch(m -> m.text().contains("Votre acte vous sera envoyé par courrier.")));
    }

    @Test
    void transition_withStaleEtag_answers412_andWithDisallowedTarget_answers409(Api api) {
        String reference = TenantIsolationTest.submitted(api, Citizens.newCitizen(api));
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        String path = COMMUNE + "/requests/" + reference + "/transitions";

        Api.Reply first = api.post(path, agent, "{\"to\":\"in_progress\"}", Map.of("If-Match", "\"" + reference + "-v1\""));
        Api.Reply stale = api.post(path, agent, "{\"to\":\"closed\"}", Map.of("If-Match", "\"" + reference + "-v1\""));
        Api.Reply backwards = api.post(path, agent, "{\"to\":\"submitted\"}", Map.of("If-Match", first.header("etag")));
        Api.Reply noReason = api.post(path, agent, "{\"to\":\"rejected\"}", Map.of("If-Match", first.header("etag")));

        assertEquals(200, first.status());
        assertEquals(412, stale.status());
        assertEquals(409, backwards.status());
        assertEquals(422, noReason.status());
        assertEquals("note", noReason.json().path("errors").path(0).path("field").asText());
    }

    @Test
    void transition_withoutIfMatch_answers428_andWithAnotherRequestsEtag_answers412(Api api) {
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        String mine = TenantIsolationTest.submitted(api, Citizens.newCitizen(api));
        String other = TenantIsolationTest.submitted(api, Citizens.newCitizen(api));
        String path = COMMUNE + "/requests/" + mine + "/transitions";

        Api.Reply missing = api.post(path, agent, "{\"to\":\"in_progress\"}");
        Api.Reply foreign = api.post(path, agent, "{\"to\":\"in_progress\"}", Map.of("If-Match", "\"" + other + "-v1\""));
        Api.Reply weak = api.post(path, agent, "{\"to\":\"in_progress\"}", Map.of("If-Match", "W/\"" + mine + "-v1\""));

        assertEquals(428, missing.status());
        assertEquals(412, foreign.status());
        assertEquals(412, weak.status());
    }

    @Test
    void inbox_ofAServiceTheTenantLacks_answers404ToItsAdmin(Api api) {
        String admin = api.token(api.account("admin", "beaumont-des-sources"));

        assertEquals(404, api.get(COMMUNE + "/inbox?service=nulle-part", admin).status());
        assertEquals(200, api.get(COMMUNE + "/inbox?service=accueil", admin).status());
    }

    private static List<String> statuses(JsonNode timeline) {
        return java.util.stream.StreamSupport.stream(timeline.spliterator(), false)
                .map(t -> t.path("status").asText()).toList();
    }

    static List<SesMailbox.Mail> waitForMail(Api api, String reference, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<SesMailbox.Mail> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = api.cloud().emulators().mailbox().messages().stream()
                    .filter(m -> m.subject() != null && m.subject().contains(reference)).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        return found;
    }
}
