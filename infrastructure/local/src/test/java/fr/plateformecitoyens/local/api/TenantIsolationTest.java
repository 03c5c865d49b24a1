package fr.plateformecitoyens.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Samples;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class TenantIsolationTest {

    private static final String COMMUNE = "/api/v1/tenants/beaumont-des-sources";

    @Test
    void agentOfTheEpci_isRefusedOnEveryAgentRouteOfTheCommune(Api api) {
        String reference = submitted(api, Citizens.newCitizen(api));
        String intruder = api.token(api.account("agent", "cc-val-des-sources"));

        Set<Integer> refused = Set.of(403, 404);
        assertTrue(refused.contains(api.get(COMMUNE + "/inbox", intruder).status()));
        assertTrue(refused.contains(api.get(COMMUNE + "/inbox?service=etat-civil", intruder).status()));
        Api.Reply read = api.get(COMMUNE + "/requests/" + reference, intruder);
        assertTrue(refused.contains(read.status()));
        assertFalse(read.raw().body().contains("Martin"), "a refusal reveals nothing of the request");
        Api.Reply move = api.post(COMMUNE + "/requests/" + reference + "/transitions", intruder,
                "{\"to\":\"in_progress\"}", Map.of("If-Match", "\"" + reference + "-v1\""));
        assertTrue(refused.contains(move.status()));
    }

    @Test
    void agentOfTheEpci_cannotReachACommuneRequestThroughItsOwnTenant(Api api) {
        String reference = submitted(api, Citizens.newCitizen(api));
        String intruder = api.token(api.account("agent", "cc-val-des-sources"));

        assertEquals(404, api.get("/api/v1/tenants/cc-val-des-sources/requests/" + reference, intruder).status());
    }

    @Test
    void citizen_neverSeesAnotherCitizensRequest(Api api) {
        String owner = Citizens.newCitizen(api);
        String other = Citizens.newCitizen(api);
        String reference = submitted(api, owner);

        assertEquals(404, api.get("/api/v1/me/requests/" + reference, other).status());
        assertEquals(0, api.get("/api/v1/me/requests", other).json().path("items").size());
        assertEquals(200, api.get("/api/v1/me/requests/" + reference, owner).status());
    }

    @Test
    void citizen_isNotAnAgent(Api api) {
        String citizen = Citizens.newCitizen(api);

        assertEquals(403, api.get(COMMUNE + "/inbox", citizen).status());
        assertEquals(0, api.get("/api/v1/agents/me", citizen).json().path("memberships").size());
    }

    static String submitted(Api api, String token) {
        Api.Reply reply = api.post(COMMUNE + "/requests", token, Samples.submission(Samples.civilStatusAnswers()));
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().path("reference").asText();
    }
}
