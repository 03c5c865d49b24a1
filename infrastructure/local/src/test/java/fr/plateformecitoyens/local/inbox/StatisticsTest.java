package fr.plateformecitoyens.local.inbox;

import static fr.plateformecitoyens.local.inbox.InboxFixtures.COMMUNE;
import static fr.plateformecitoyens.local.inbox.InboxViewsTest.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.dynamo.DynamoStatistics;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.stats.MonthFigures;
import fr.plateformecitoyens.local.inbox.InboxFixtures.Builder;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class StatisticsTest {

    @Test
    void filingsAndDecisions_countOnce_evenWhenTheirEventIsDeliveredTwice(Api api) {
        String tenant = "essai-" + UUID.randomUUID().toString().substring(0, 8);
        DynamoStatistics statistics = new DynamoStatistics(InboxFixtures.dynamo(api), InboxFixtures.table(api));
        Instant now = Instant.now();
        CitizenRequest accepted = new Builder("acte").tenant(tenant).status(RequestStatus.ACCEPTED)
                .receivedAt(now.minus(Duration.ofDays(4))).decidedAfter(Duration.ofDays(4)).build();
        CitizenRequest implicit = new Builder("acte").tenant(tenant).channel(Channel.POST)
                .status(RequestStatus.IMPLICITLY_ACCEPTED).receivedAt(now.minus(Duration.ofDays(12)))
                .decidedAfter(Duration.ofDays(12)).build();
        CitizenRequest open = new Builder("voirie").tenant(tenant).build();

        boolean firstCount = statistics.count(accepted, 1);
        boolean secondCount = statistics.count(accepted, 1);
        statistics.count(accepted, 2);
        statistics.count(accepted, 2);
        statistics.count(implicit, 1);
        statistics.count(implicit, 2);
        statistics.count(open, 1);
        statistics.count(open, 1);

        assertTrue(firstCount);
        assertFalse(secondCount, "a redelivered event counts nothing");
        YearMonth month = YearMonth.now(ZoneId.of("Europe/Paris"));
        MonthFigures figures = statistics.months(tenant, month.minusMonths(1), month).get(1);
        MonthFigures before = statistics.months(tenant, month.minusMonths(1), month).get(0);
        long filedBefore = before.submitted();
        assertEquals(3, figures.submitted() + filedBefore, "three filings, each counted once");
        assertEquals(2, figures.decided());
        assertEquals(1, figures.implicitDecisions());
        assertEquals(2L, figures.byProcedure().getOrDefault("acte", 0L)
                + before.byProcedure().getOrDefault("acte", 0L));
        double median = figures.processingTimes().medianDays();
        assertTrue(median >= 3 && median <= 5, "in the bucket of the middle decision (3 to 5 days): " + median);
    }

    @Test
    void statisticsRoute_showsWhatTheNotificationFunctionCounted_once(Api api) {
        String procedure = InboxFixtures.freshProcedure();
        CitizenRequest filed = new Builder(procedure).channel(Channel.COUNTER)
                .due(InboxFixtures.today().plusDays(3)).store(api);
        CitizenRequest decided = new Builder(procedure).status(RequestStatus.REJECTED)
                .decidedAfter(Duration.ofMinutes(30)).store(api);

        for (int delivery = 0; delivery < 2; delivery++) {
            deliver(api, "REQUEST_SUBMITTED", filed.reference(), 1);
            deliver(api, "REQUEST_SUBMITTED", decided.reference(), 1);
            deliver(api, "REQUEST_STATUS_CHANGED", decided.reference(), 2);
        }
        YearMonth month = YearMonth.now(ZoneId.of("Europe/Paris"));
        Api.Reply reply = api.get(COMMUNE + "/statistics?from=" + month.minusMonths(2) + "&to=" + month, agent(api));

        assertEquals(200, reply.status(), reply.raw().body());
        JsonNode body = reply.json();
        assertEquals(3, body.path("months").size());
        assertEquals(2, body.path("totals").path("byProcedure").path(procedure).asInt(), "each filing once");
        assertTrue(body.path("totals").path("byChannel").path("counter").asInt() >= 1);
        assertTrue(body.path("totals").path("decided").asInt() >= 1);
        assertFalse(body.path("totals").path("medianProcessingDays").isNull());
        assertTrue(body.path("atRisk").path("count").asInt() >= 1, "the request due in three days");
        assertEquals(7, body.path("atRisk").path("withinDays").asInt());
    }

    @Test
    void statisticsRoute_refusesAnInvertedOrTooLongPeriod(Api api) {
        String agent = agent(api);

        assertEquals(422, api.get(COMMUNE + "/statistics?from=2026-06&to=2026-01", agent).status());
        assertEquals(422, api.get(COMMUNE + "/statistics?from=2020-01&to=2026-01", agent).status());
        assertEquals(422, api.get(COMMUNE + "/statistics?from=juin", agent).status());
    }

    private static void deliver(Api api, String type, String reference, long version) {
        ObjectNode event = Json.object();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("messageId", UUID.randomUUID().toString());
        record.put("body", Json.write(Json.object().put("type", type).put("tenantId", InboxFixtures.TENANT)
                .put("reference", reference).put("occurredAt", Instant.now().toString()).put("version", version)));
        JsonNode out = Json.parse(api.cloud().function("NotificationFunction").invoke(Json.writeBytes(event)));
        assertEquals(0, out.path("batchItemFailures").size(), out.toString());
    }
}
