package fr.plateformecitoyens.local.api;

import static fr.plateformecitoyens.local.api.Filings.COMMUNE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.http.HttpRequest;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every agent read of a request is journaled, and the journal is the administrator's alone, for a year. */
@ExtendWith(LocalCloudExtension.class)
class AccessLogTest {

    private Api api;

    @AfterEach
    void resetClock() {
        if (api != null) {
            assertEquals(200, api.post("/_local/clock", null, "{\"offset\":\"PT0S\"}").status());
        }
    }

    @Test
    void agentReadOfARequest_isJournaled_withWhoAndWhen_andOnlyTheAdministratorSeesIt(Api api) {
        String citizen = Citizens.newCitizen(api);
        String reference = TenantIsolationTest.submitted(api, citizen);
        var agentAccount = api.account("agent", "beaumont-des-sources");
        String agent = api.token(agentAccount);
        String admin = api.token(api.account("admin", "beaumont-des-sources"));
        Instant before = Instant.now();

        assertEquals(200, api.get(COMMUNE + "/requests/" + reference, agent).status());

        Api.Reply journal = api.get(COMMUNE + "/access-log?reference=" + reference, admin);
        assertEquals(200, journal.status(), journal.raw().body());
        JsonNode entry = journal.json().path("items").path(0);
        assertEquals(1, journal.json().path("items").size(), journal.raw().body());
        assertEquals(agentAccount.sub(), entry.path("agentId").asText());
        assertEquals("Dominique Lefèvre", entry.path("agentName").asText());
        assertEquals("request.read", entry.path("action").asText());
        assertEquals(reference, entry.path("reference").asText());
        assertFalse(Instant.parse(entry.path("at").asText()).isBefore(before.minusSeconds(5)));
        JsonNode byAgent = api.get(COMMUNE + "/access-log?agent=" + agentAccount.sub() + "&limit=100", admin).json();
        assertTrue(byAgent.path("items").toString().contains(reference), "in the agent's reads too");
        assertTrue(api.get(COMMUNE + "/access-log", admin).json().path("items").toString().contains(reference),
                "and in this month's journal");

        assertEquals(403, api.get(COMMUNE + "/access-log?reference=" + reference, agent).status(), "not an admin");
        assertEquals(403, api.get(COMMUNE + "/access-log", api.token(api.account("agent", "cc-val-des-sources")))
                .status());
        assertEquals(403, api.get(COMMUNE + "/access-log", citizen).status());
    }

    @Test
    void journal_isPagedNewestFirst(Api api) {
        String reference = TenantIsolationTest.submitted(api, Citizens.newCitizen(api));
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        String admin = api.token(api.account("admin", "beaumont-des-sources"));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.get(COMMUNE + "/requests/" + reference, agent).status());
        }

        JsonNode first = api.get(COMMUNE + "/access-log?reference=" + reference + "&limit=2", admin).json();
        JsonNode second = api.get(COMMUNE + "/access-log?reference=" + reference + "&limit=2&cursor="
                + first.path("nextCursor").asText(), admin).json();

        assertEquals(2, first.path("items").size());
        assertEquals(1, second.path("items").size());
        assertTrue(second.path("nextCursor").isNull());
        assertTrue(first.path("items").path(0).path("at").asText().compareTo(first.path("items").path(1).path("at")
                .asText()) >= 0, "newest first");
        assertTrue(first.path("items").path(1).path("at").asText().compareTo(second.path("items").path(0).path("at")
                .asText()) >= 0);
    }

    @Test
    void entriesOlderThanTwelveMonths_areNeverShown_andTheNightlyJobDeletesThem(Api api) {
        this.api = api;
        String reference = TenantIsolationTest.submitted(api, Citizens.newCitizen(api));
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        String admin = api.token(api.account("admin", "beaumont-des-sources"));
        assertEquals(200, api.get(COMMUNE + "/requests/" + reference, agent).status());
        String path = COMMUNE + "/access-log?reference=" + reference;
        assertEquals(1, api.get(path, admin).json().path("items").size());

        assertEquals(200, api.post("/_local/clock", null, "{\"offset\":\"P367D\"}").status());
        assertEquals(0, api.get(path, admin).json().path("items").size(), "past retention, hidden before any purge");
        Api.Reply purge = api.send(api.builder("/_local/schedules/AccessLogRetentionFunction", null)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, purge.status(), purge.raw().body());
        assertTrue(purge.json().path("purged").asInt() >= 1, purge.raw().body());

        assertEquals(200, api.post("/_local/clock", null, "{\"offset\":\"PT0S\"}").status());
        assertEquals(0, api.get(path, admin).json().path("items").size(), "deleted, not only hidden");
        assertTrue(Json.parse(purge.raw().body()).path("purged").isInt());
    }
}
