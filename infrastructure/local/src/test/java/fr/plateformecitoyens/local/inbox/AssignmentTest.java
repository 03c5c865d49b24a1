package fr.plateformecitoyens.local.inbox;

import static fr.plateformecitoyens.local.inbox.InboxFixtures.COMMUNE;
import static fr.plateformecitoyens.local.inbox.InboxViewsTest.agent;
import static fr.plateformecitoyens.local.inbox.InboxViewsTest.all;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.local.inbox.InboxFixtures.Builder;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class AssignmentTest {

    @Test
    void assignToMe_movesTheRequestToMyView_andAStaleEtag_answers412(Api api) {
        String procedure = InboxFixtures.freshProcedure();
        CitizenRequest request = new Builder(procedure).store(api);
        String agent = agent(api);
        String etag = etag(request);

        assertEquals(List.of(request.reference()), all(api, agent, "procedure=" + procedure + "&assignee=unassigned"));
        Api.Reply assigned = assign(api, agent, request.reference(), etag, "\"me\"");
        Api.Reply stale = assign(api, agent, request.reference(), etag, "null");

        assertEquals(200, assigned.status(), assigned.raw().body());
        assertEquals("\"" + request.reference() + "-v2\"", assigned.header("etag"));
        assertEquals(sub(api), assigned.json().path("assigneeId").asText());
        assertEquals(412, stale.status());
        assertEquals(List.of(request.reference()), all(api, agent, "assignee=me&procedure=" + procedure));
        assertEquals(List.of(request.reference()), all(api, agent, "assignee=" + sub(api) + "&procedure=" + procedure
                + "&service=etat-civil"));
        assertEquals(List.of(), all(api, agent, "procedure=" + procedure + "&assignee=unassigned"));
        JsonNode citizenView = api.get(COMMUNE + "/requests/" + request.reference(), agent).json();
        assertEquals(1, citizenView.path("timeline").size(), "an assignment is no step of the citizen's timeline");

        Api.Reply unassigned = assign(api, agent, request.reference(), assigned.header("etag"), "null");
        assertEquals(200, unassigned.status(), unassigned.raw().body());
        assertEquals(List.of(request.reference()), all(api, agent, "procedure=" + procedure + "&assignee=unassigned"));
    }

    @Test
    void assign_toSomebodyWhoDoesNotHandleTheService_answers422_andWithoutIfMatch_428(Api api) {
        CitizenRequest request = new Builder(InboxFixtures.freshProcedure()).store(api);
        String agent = agent(api);
        String outsider = api.account("agent", "cc-val-des-sources").sub();

        Api.Reply foreign = assign(api, agent, request.reference(), etag(request), "\"" + outsider + "\"");
        Api.Reply missing = api.send(api.builder(COMMUNE + "/requests/" + request.reference() + "/assignee", agent)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"assigneeId\":\"me\"}")).build());

        assertEquals(422, foreign.status(), foreign.raw().body());
        assertEquals("assigneeId", foreign.json().path("errors").path(0).path("field").asText());
        assertEquals(428, missing.status());
    }

    @Test
    void bulkAssign_appliesEachItemOnItsOwn_andReportsEveryOutcome(Api api) {
        String procedure = InboxFixtures.freshProcedure();
        CitizenRequest fresh = new Builder(procedure).store(api);
        CitizenRequest changedMeanwhile = new Builder(procedure).store(api);
        CitizenRequest decided = new Builder(procedure).status(RequestStatus.ACCEPTED).store(api);
        String agent = agent(api);
        assertEquals(200, assign(api, agent, changedMeanwhile.reference(), etag(changedMeanwhile), "\"me\"").status());

        Api.Reply reply = api.post(COMMUNE + "/bulk/assignments", agent, "{\"assigneeId\":\"me\",\"items\":["
                + item(fresh) + "," + item(changedMeanwhile) + "," + item(decided)
                + ",{\"reference\":\"2026-0000-0000\",\"etag\":\"\\\"2026-0000-0000-v1\\\"\"}]}");

        assertEquals(200, reply.status(), reply.raw().body());
        JsonNode results = reply.json().path("results");
        assertEquals(List.of(200, 412, 409, 404), List.of(results.path(0).path("status").asInt(),
                results.path(1).path("status").asInt(), results.path(2).path("status").asInt(),
                results.path(3).path("status").asInt()));
        assertEquals("\"" + fresh.reference() + "-v2\"", results.path(0).path("etag").asText());
        assertTrue(results.path(1).path("problem").path("detail").asText().contains("modifiée"));
        assertEquals(1, reply.json().path("applied").asInt());
        assertEquals(2, all(api, agent, "assignee=me&procedure=" + procedure).size());
    }

    @Test
    void bulkTransition_movesTheValidOnes_andLeavesTheOthersUntouched(Api api) {
        String procedure = InboxFixtures.freshProcedure();
        CitizenRequest first = new Builder(procedure).store(api);
        CitizenRequest second = new Builder(procedure).store(api);
        String agent = agent(api);

        Api.Reply reply = api.post(COMMUNE + "/bulk/transitions", agent, "{\"to\":\"in_progress\",\"items\":["
                + item(first) + ",{\"reference\":\"" + second.reference() + "\",\"etag\":\"\\\"" + second.reference()
                + "-v7\\\"\"}]}");
        Api.Reply empty = api.post(COMMUNE + "/bulk/transitions", agent, "{\"to\":\"in_progress\",\"items\":[]}");

        assertEquals(200, reply.status(), reply.raw().body());
        assertEquals(200, reply.json().path("results").path(0).path("status").asInt());
        assertEquals(412, reply.json().path("results").path(1).path("status").asInt());
        assertEquals(List.of(first.reference()), all(api, agent, "procedure=" + procedure + "&status=in_progress"));
        assertEquals(List.of(second.reference()), all(api, agent, "procedure=" + procedure + "&status=submitted"));
        assertEquals(422, empty.status());
    }

    static String etag(CitizenRequest r) {
        return "\"" + r.reference() + "-v" + r.version() + "\"";
    }

    private static String item(CitizenRequest r) {
        return "{\"reference\":\"" + r.reference() + "\",\"etag\":\"\\\"" + r.reference() + "-v" + r.version()
                + "\\\"\"}";
    }

    private static String sub(Api api) {
        return api.account("agent", InboxFixtures.TENANT).sub();
    }

    static Api.Reply assign(Api api, String token, String reference, String etag, String assignee) {
        return api.send(api.builder(COMMUNE + "/requests/" + reference + "/assignee", token)
                .header("Content-Type", "application/json").header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"assigneeId\":" + assignee + "}", StandardCharsets.UTF_8))
                .build());
    }
}
