package fr.plateformecitoyens.local.booking;

import static fr.plateformecitoyens.local.booking.BookingFixtures.COMMUNE;
import static fr.plateformecitoyens.local.booking.BookingFixtures.appointment;
import static fr.plateformecitoyens.local.booking.BookingFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agents' routes around the agenda: one booking, the closed periods, booking for a caller. */
@ExtendWith(LocalCloudExtension.class)
class AgendaRoutesTest {

    @Test
    void closedPeriods_areListedUntilReopened_andReopeningFreesTheirSlots(Api api) {
        String agent = agent(api);
        LocalDate day = BookingFixtures.freshWorkingDay();
        Api.Reply blocked = api.post(COMMUNE + "/agenda/blocked-periods", agent, "{\"kind\":\"appointment\","
                + "\"resourceId\":\"etat-civil-rdv\",\"start\":\"" + at(day, "13:30") + "\",\"end\":\""
                + at(day, "17:00") + "\",\"reason\":\"réunion de service\"}");
        String id = blocked.json().path("id").asText();
        String list = COMMUNE + "/agenda/blocked-periods?kind=appointment&resource=etat-civil-rdv";

        assertTrue(api.get(list, agent).json().path("items").toString().contains(id));
        assertEquals(422, api.post(COMMUNE + "/appointments", BookingFixtures.citizen(api),
                appointment("etat-civil-rdv", "pacs", at(day, "14:00"))).status());

        Api.Reply reopened = api.send(api.builder(COMMUNE + "/agenda/blocked-periods/" + id
                + "?kind=appointment&resource=etat-civil-rdv", agent).DELETE().build());

        assertEquals(200, reopened.status(), reopened.raw().body());
        assertEquals("réunion de service", reopened.json().path("reason").asText());
        assertTrue(!api.get(list, agent).json().path("items").toString().contains(id));
        assertEquals(201, api.post(COMMUNE + "/appointments", BookingFixtures.citizen(api),
                appointment("etat-civil-rdv", "pacs", at(day, "14:00"))).status(), "the slot is open again");
        assertEquals(404, api.send(api.builder(COMMUNE + "/agenda/blocked-periods/" + id
                + "?resource=etat-civil-rdv", agent).DELETE().build()).status(), "already reopened");
    }

    @Test
    void closedPeriods_ofTheCommune_areNotTheOtherTenantsToSeeOrReopen(Api api) {
        String other = api.token(api.account("agent", "cc-val-des-sources"));

        assertEquals(403, api.get(COMMUNE + "/agenda/blocked-periods?resource=etat-civil-rdv", other).status());
        assertEquals(403, api.send(api.builder(COMMUNE + "/agenda/blocked-periods/2026-AAAA-BBBB?resource="
                + "etat-civil-rdv", other).DELETE().build()).status());
        assertEquals(422, api.get(COMMUNE + "/agenda/blocked-periods", agent(api)).status(), "which resource");
    }

    @Test
    void anAgent_readsOneBookingOfTheTenant_andNobodyElseDoes(Api api) {
        String citizen = BookingFixtures.citizen(api);
        Api.Reply booked = api.post(COMMUNE + "/appointments", citizen, appointment("passeports-cni", "depot-cni",
                at(BookingFixtures.freshWorkingDay(), "10:30")));
        String path = COMMUNE + "/agenda/bookings/" + booked.json().path("id").asText();

        Api.Reply read = api.get(path, agent(api));

        assertEquals(200, read.status(), read.raw().body());
        assertEquals("confirmed", read.json().path("status").asText());
        assertEquals(403, api.get(path, api.token(api.account("agent", "cc-val-des-sources"))).status());
        assertEquals(403, api.get(path, citizen).status());
        assertEquals(404, api.get(COMMUNE + "/agenda/bookings/2026-ZZZZ-ZZZZ", agent(api)).status());
    }

    @Test
    void bookingForACallerWithoutEmail_retriedWithTheSameKey_booksOnce(Api api) {
        String agent = agent(api);
        String start = at(BookingFixtures.freshWorkingDay(), "11:15");
        String body = "{\"serviceId\":\"passeports-cni\",\"typeId\":\"depot-cni\",\"start\":\"" + start + "\","
                + "\"channel\":\"phone\",\"holder\":{\"name\":\"Jean Dupuis\"}}";
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Api.Reply first = api.post(COMMUNE + "/agenda/appointments", agent, body, key);
        Api.Reply retried = api.post(COMMUNE + "/agenda/appointments", agent, body, key);

        assertEquals(201, first.status(), first.raw().body());
        assertEquals(first.json().path("id"), retried.json().path("id"));
        JsonNode slot = api.get(COMMUNE + "/appointment-services/passeports-cni/slots?type=depot-cni&from="
                + start.substring(0, 10) + "&to=" + start.substring(0, 10), null).json().path("items");
        for (JsonNode s : slot) {
            if (s.path("start").asText().equals(start)) {
                assertEquals(2, s.path("remaining").asInt(), "one desk of three taken, not two");
            }
        }
    }

    private static String agent(Api api) {
        return api.token(api.account("agent", "beaumont-des-sources"));
    }
}
