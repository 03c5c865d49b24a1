package fr.plateformecitoyens.local.inbox;

import static fr.plateformecitoyens.local.inbox.InboxFixtures.COMMUNE;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.local.inbox.InboxFixtures.Builder;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class InboxIsolationTest {

    private static final Set<Integer> REFUSED = Set.of(403, 404);

    @Test
    void agentOfTheEpci_isRefusedOnEveryInboxRouteOfTheCommune(Api api) {
        String procedure = InboxFixtures.freshProcedure();
        CitizenRequest request = new Builder(procedure).familyName("Secret").store(api);
        String intruder = api.token(api.account("agent", "cc-val-des-sources"));
        String item = "{\"reference\":\"" + request.reference() + "\",\"etag\":\"\\\"" + request.reference()
                + "-v1\\\"\"}";

        List<Api.Reply> replies = List.of(
                api.get(COMMUNE + "/inbox?procedure=" + procedure, intruder),
                api.get(COMMUNE + "/inbox?assignee=me", intruder),
                api.get(COMMUNE + "/inbox?q=" + request.reference(), intruder),
                api.get(COMMUNE + "/inbox?q=secret&service=etat-civil", intruder),
                api.get(COMMUNE + "/inbox/export?procedure=" + procedure, intruder),
                AssignmentTest.assign(api, intruder, request.reference(), AssignmentTest.etag(request), "\"me\""),
                api.post(COMMUNE + "/bulk/assignments", intruder, "{\"assigneeId\":\"me\",\"items\":[" + item + "]}"),
                api.post(COMMUNE + "/bulk/transitions", intruder, "{\"to\":\"closed\",\"items\":[" + item + "]}"),
                api.get(COMMUNE + "/statistics", intruder));

        for (Api.Reply reply : replies) {
            assertTrue(REFUSED.contains(reply.status()), reply.raw().uri() + " answered " + reply.status());
            assertFalse(reply.raw().body().contains("Secret"), "a refusal reveals nothing of the request");
        }
        String agent = InboxViewsTest.agent(api);
        assertTrue(InboxViewsTest.all(api, agent, "procedure=" + procedure + "&assignee=unassigned")
                .contains(request.reference()), "nothing was assigned");
    }

    @Test
    void agentOfTheEpci_findsNoCommuneRequestThroughItsOwnTenant(Api api) {
        CitizenRequest request = new Builder(InboxFixtures.freshProcedure()).store(api);
        String intruder = api.token(api.account("agent", "cc-val-des-sources"));

        Api.Reply search = api.get("/api/v1/tenants/cc-val-des-sources/inbox?q=" + request.reference(), intruder);
        Api.Reply assign = api.send(api.builder("/api/v1/tenants/cc-val-des-sources/requests/" + request.reference()
                + "/assignee", intruder).header("Content-Type", "application/json")
                .header("If-Match", AssignmentTest.etag(request))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"assigneeId\":\"me\"}")).build());

        assertTrue(search.status() == 200 && search.json().path("items").isEmpty(), search.raw().body());
        assertTrue(REFUSED.contains(assign.status()));
    }
}
