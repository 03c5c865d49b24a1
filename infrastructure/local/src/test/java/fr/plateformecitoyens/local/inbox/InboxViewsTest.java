package fr.plateformecitoyens.local.inbox;

import static fr.plateformecitoyens.local.inbox.InboxFixtures.COMMUNE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.local.inbox.InboxFixtures.Builder;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class InboxViewsTest {

    @Test
    void procedureFilter_combinesWithChannelAndStatus(Api api) {
        String procedure = InboxFixtures.freshProcedure();
        new Builder(procedure).store(api);
        new Builder(procedure).channel(Channel.COUNTER).store(api);
        CitizenRequest counterInProgress = new Builder(procedure).channel(Channel.COUNTER)
                .status(RequestStatus.IN_PROGRESS).store(api);
        CitizenRequest byPost = new Builder(procedure).channel(Channel.POST).status(RequestStatus.ACCEPTED)
                .store(api);
        String agent = agent(api);

        assertEquals(3, all(api, agent, "procedure=" + procedure).size(), "the open ones of that démarche");
        assertEquals(2, all(api, agent, "procedure=" + procedure + "&channel=counter").size());
        assertEquals(List.of(counterInProgress.reference()),
                all(api, agent, "procedure=" + procedure + "&channel=counter&status=in_progress"));
        assertEquals(1, all(api, agent, "procedure=" + procedure + "&state=done").size());
        assertEquals(0, all(api, agent, "procedure=" + procedure + "&channel=phone").size());
        List<String> allByPost = all(api, agent, "channel=post&state=done&sort=-received&limit=100");
        assertTrue(allByPost.contains(byPost.reference()), "the service's requests by post, on their own index");
        assertFalse(allByPost.contains(counterInProgress.reference()));
    }

    @Test
    void dueFilter_keepsTheRequestsDueWithinThatManyDays_andDueSort_putsTheSoonestFirst(Api api) {
        String procedure = InboxFixtures.freshProcedure();
        CitizenRequest later = new Builder(procedure).due(InboxFixtures.today().plusDays(30)).store(api);
        CitizenRequest soon = new Builder(procedure).due(InboxFixtures.today().plusDays(3)).store(api);
        CitizenRequest middle = new Builder(procedure).due(InboxFixtures.today().plusDays(10)).store(api);
        new Builder(procedure).status(RequestStatus.INCOMPLETE).due(InboxFixtures.today().plusDays(2)).store(api);
        String agent = agent(api);

        assertEquals(List.of(soon.reference()), all(api, agent, "procedure=" + procedure + "&due=7"));
        assertEquals(List.of(soon.reference(), middle.reference(), later.reference()),
                all(api, agent, "procedure=" + procedure + "&sort=due"), "an incomplete request has no due date");
        JsonNode first = api.get(COMMUNE + "/inbox?procedure=" + procedure + "&due=7", agent).json();
        assertTrue(first.path("items").path(0).path("dueSoon").asBoolean());
        assertEquals(422, api.get(COMMUNE + "/inbox?state=done&due=7", agent).status());
        assertEquals(422, api.get(COMMUNE + "/inbox?due=soon", agent).status());
    }

    @Test
    void pages_followTheCursor_withoutRepeatOrGap_inEitherOrder(Api api) {
        String procedure = InboxFixtures.freshProcedure();
        List<String> expected = new ArrayList<>();
        Instant start = Instant.parse("2026-11-02T08:00:00Z");
        for (int i = 0; i < 5; i++) {
            expected.add(new Builder(procedure).receivedAt(start.plusSeconds(60L * i)).store(api).reference());
        }
        String agent = agent(api);

        JsonNode page1 = api.get(COMMUNE + "/inbox?procedure=" + procedure + "&limit=2", agent).json();
        assertEquals(2, page1.path("items").size());
        assertFalse(page1.path("nextCursor").isNull());
        assertEquals(expected, all(api, agent, "procedure=" + procedure + "&limit=2"), "oldest first");
        List<String> newestFirst = new ArrayList<>(expected);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, all(api, agent, "procedure=" + procedure + "&limit=2&sort=-received"));
        assertEquals(400, api.get(COMMUNE + "/inbox?procedure=" + procedure + "&cursor="
                + page1.path("nextCursor").asText().replace("gsi5.", "gsi2."), agent).status(),
                "a cursor of another view is refused");
    }

    @Test
    void search_byReference_findsExactlyThatRequest_andByName_ignoresCaseAccentsAndSpaces(Api api) {
        String procedure = InboxFixtures.freshProcedure();
        String family = InboxFixtures.freshFamilyName();
        CitizenRequest found = new Builder(procedure).familyName(family).store(api);
        new Builder(procedure).familyName(family + "er").status(RequestStatus.ACCEPTED).store(api);
        new Builder(procedure).familyName("Autre").store(api);
        String agent = agent(api);

        assertEquals(List.of(found.reference()), all(api, agent, "q=" + found.reference().toLowerCase()));
        String typed = "ze " + family.substring(2, 8).toUpperCase();
        assertEquals(List.of(found.reference()), all(api, agent, "q=" + encode(typed)));
        assertEquals(1, all(api, agent, "q=" + encode(family) + "&state=done").size());
        assertEquals(List.of(), all(api, agent, "q=2026-0000-0000"), "an unknown reference finds nothing");
        assertEquals(422, api.get(COMMUNE + "/inbox?q=z", agent).status(), "one letter is too short");
    }

    @Test
    void unknownFilters_answer422_withEachFieldListed(Api api) {
        Api.Reply reply = api.get(COMMUNE + "/inbox?status=lost&channel=pigeon&sort=name", agent(api));

        assertEquals(422, reply.status());
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(List.of("status", "channel", "sort"), fields);
    }

    static String agent(Api api) {
        return api.token(api.account("agent", InboxFixtures.TENANT));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The references of every page of the view, following the cursors. */
    static List<String> all(Api api, String token, String query) {
        List<String> references = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 200; pages++) {
            Api.Reply reply = api.get(COMMUNE + "/inbox?" + query + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertEquals(200, reply.status(), reply.raw().body());
            reply.json().path("items").forEach(i -> references.add(i.path("reference").asText()));
            JsonNode next = reply.json().path("nextCursor");
            if (next.isNull() || next.isMissingNode()) {
                return references;
            }
            cursor = next.asText();
        }
        throw new AssertionError("the view did not end");
    }
}
