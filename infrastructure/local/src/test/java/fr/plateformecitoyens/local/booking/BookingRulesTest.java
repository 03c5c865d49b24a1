package fr.plateformecitoyens.local.booking;

import static fr.plateformecitoyens.local.booking.BookingFixtures.COMMUNE;
import static fr.plateformecitoyens.local.booking.BookingFixtures.appointment;
import static fr.plateformecitoyens.local.booking.BookingFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.core.booking.FrenchHolidays;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What may and may not be booked, through the local gateway, with the French reason of each refusal. */
@ExtendWith(LocalCloudExtension.class)
class BookingRulesTest {

    @Test
    void services_andRooms_areListedForAnyone_withTheirTypesAndRules(Api api) {
        JsonNode services = api.get(COMMUNE + "/appointment-services", null).json().path("items");
        JsonNode rooms = api.get(COMMUNE + "/rooms", null).json().path("items");

        assertEquals(2, services.size());
        assertTrue(services.toString().contains("\"desks\":3") && services.toString().contains("\"desks\":1"));
        assertTrue(services.toString().contains("depot-cni"));
        assertTrue(rooms.toString().contains("salle-des-fetes") && rooms.toString().contains("\"approvalRequired\":true"));
    }

    @Test
    void availability_overFourWeeks_givesSlotsOnTheGridWithPlacesLeft(Api api) {
        LocalDate from = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
        JsonNode slots = api.get(COMMUNE + "/appointment-services/passeports-cni/slots?type=depot-cni&from=" + from
                + "&to=" + from.plusDays(27), null).json().path("items");

        assertTrue(slots.size() > 100, "four weeks of slots");
        for (JsonNode slot : slots) {
            String start = slot.path("start").asText();
            assertTrue(start.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:(00|15|30|45):00\\+0[12]:00"), start);
            assertTrue(slot.path("remaining").asInt() <= 3);
        }
    }

    @Test
    void badTimes_areRefusedWith422_namingTheProblem(Api api) {
        String token = BookingFixtures.citizen(api);
        LocalDate day = BookingFixtures.freshWorkingDay();
        LocalDate holiday = nextWeekdayHoliday();

        assertRefused(api, token, appointment("passeports-cni", "depot-cni", "2020-01-06T09:00:00+01:00"), "passé");
        assertRefused(api, token, appointment("passeports-cni", "depot-cni", at(day, "19:00")), "heures d'ouverture");
        assertRefused(api, token, appointment("passeports-cni", "depot-cni", at(day, "09:10")), "15 minutes");
        boolean withinNotice = !holiday.isAfter(LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(90));
        assertRefused(api, token, appointment("etat-civil-rdv", "pacs", at(holiday, "09:00")),
                withinNotice ? "jour férié" : "trop lointain");
        assertRefused(api, token, appointment("passeports-cni", "depot-cni", "demain matin"), "illisible");
    }

    @Test
    void unknownServiceTypeOrRoom_answers404(Api api) {
        String token = BookingFixtures.citizen(api);
        String start = at(BookingFixtures.freshWorkingDay(), "09:00");

        assertEquals(404, api.post(COMMUNE + "/appointments", token, appointment("nulle-part", "depot-cni", start))
                .status());
        assertEquals(404, api.post(COMMUNE + "/appointments", token, appointment("passeports-cni", "nul", start))
                .status());
        assertEquals(404, api.get(COMMUNE + "/rooms/nulle-part/slots", null).status());
    }

    @Test
    void sameCitizen_onTheSameSlotTwice_answers409(Api api) {
        String token = BookingFixtures.citizen(api);
        String body = appointment("passeports-cni", "depot-cni", at(BookingFixtures.freshWorkingDay(), "14:00"));

        assertEquals(201, api.post(COMMUNE + "/appointments", token, body).status());
        Api.Reply twice = api.post(COMMUNE + "/appointments", token, body);

        assertEquals(409, twice.status());
        assertTrue(twice.json().path("detail").asText().contains("déjà"));
    }

    @Test
    void sameIdempotencyKeyTwice_booksOnce(Api api) {
        String token = BookingFixtures.citizen(api);
        String body = appointment("passeports-cni", "depot-cni", at(BookingFixtures.freshWorkingDay(), "15:00"));
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        Api.Reply first = api.post(COMMUNE + "/appointments", token, body, key);
        Api.Reply second = api.post(COMMUNE + "/appointments", token, body, key);

        assertEquals(201, first.status());
        assertEquals(first.json().path("id"), second.json().path("id"));
        assertEquals(1, api.get("/api/v1/me/appointments", token).json().path("items").size());
    }

    @Test
    void blockedPeriod_closesItsSlots_withItsReason(Api api) {
        LocalDate day = BookingFixtures.freshWorkingDay();
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        Api.Reply blocked = api.post(COMMUNE + "/agenda/blocked-periods", agent, "{\"kind\":\"appointment\","
                + "\"resourceId\":\"etat-civil-rdv\",\"start\":\"" + at(day, "08:00") + "\",\"end\":\"" + at(day, "12:00")
                + "\",\"reason\":\"formation du personnel\"}");
        assertEquals(201, blocked.status(), blocked.raw().body());

        Api.Reply refused = api.post(COMMUNE + "/appointments", BookingFixtures.citizen(api),
                appointment("etat-civil-rdv", "pacs", at(day, "09:00")));

        assertEquals(422, refused.status());
        assertTrue(refused.json().path("detail").asText().contains("formation du personnel"));
    }

    @Test
    void roomBooking_longerThanAllowed_isRefused_andOneNeedingApproval_waits(Api api) {
        String token = BookingFixtures.citizen(api);
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(30);
        String tooLong = "{\"roomId\":\"salle-reunion\",\"start\":\"" + at(day, "08:00") + "\",\"end\":\""
                + at(day, "13:00") + "\",\"purpose\":\"Assemblée générale\",\"audience\":\"association\"}";
        String party = "{\"roomId\":\"salle-des-fetes\",\"start\":\"" + at(day, "14:00") + "\",\"end\":\""
                + at(day, "22:00") + "\",\"purpose\":\"Anniversaire\",\"audience\":\"resident\"}";

        assertEquals(422, api.post(COMMUNE + "/room-bookings", token, tooLong).status());
        Api.Reply waiting = api.post(COMMUNE + "/room-bookings", token, party);

        assertEquals(201, waiting.status(), waiting.raw().body());
        assertEquals("awaiting_approval", waiting.json().path("status").asText());
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        String id = waiting.json().path("id").asText();
        assertEquals(422, api.post(COMMUNE + "/agenda/bookings/" + id + "/decision", agent, "{\"approve\":false}")
                .status(), "a refusal needs a reason");
        Api.Reply refused = api.post(COMMUNE + "/agenda/bookings/" + id + "/decision", agent,
                "{\"approve\":false,\"reason\":\"Salle déjà prêtée à la mairie ce jour-là.\"}");
        assertEquals("refused", refused.json().path("status").asText());
        assertEquals(201, api.post(COMMUNE + "/room-bookings", BookingFixtures.citizen(api), party).status(),
                "the refused booking gave its hours back");
    }

    @Test
    void cancellingAfterTheCutOff_answers409WithTheReason(Api api) {
        String token = BookingFixtures.citizen(api);
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
        while (tomorrow.getDayOfWeek() == DayOfWeek.SUNDAY || FrenchHolidays.isHoliday(tomorrow)) {
            tomorrow = tomorrow.plusDays(1);
        }
        String slot = api.get(COMMUNE + "/appointment-services/passeports-cni/slots?type=depot-cni&from=" + tomorrow
                + "&to=" + tomorrow, null).json().path("items").path(0).path("start").asText();
        Api.Reply booked = api.post(COMMUNE + "/appointments", token, appointment("passeports-cni", "depot-cni", slot));
        assertEquals(201, booked.status(), booked.raw().body());

        Instant twoHoursBefore = OffsetDateTime.parse(slot).toInstant().minus(Duration.ofHours(2));
        moveClock(api, "{\"instant\":\"" + twoHoursBefore + "\"}");
        Api.Reply late;
        try {
            late = api.send(api.builder("/api/v1/me/appointments/" + booked.json().path("id").asText(), token)
                    .DELETE().build());
        } finally {
            moveClock(api, "{\"offset\":\"PT0S\"}");
        }

        assertEquals(409, late.status());
        assertTrue(late.json().path("detail").asText().contains("24 h"), late.raw().body());
    }

    @Test
    void calendarFile_ofAnAppointment_isICalendar(Api api) {
        String token = BookingFixtures.citizen(api);
        Api.Reply booked = api.post(COMMUNE + "/appointments", token, appointment("passeports-cni", "depot-cni",
                at(BookingFixtures.freshWorkingDay(), "16:00")));
        String id = booked.json().path("id").asText();

        Api.Reply ics = api.get("/api/v1/me/appointments/" + id + ".ics", token);

        assertEquals(200, ics.status());
        assertTrue(ics.header("content-type").startsWith("text/calendar"));
        assertTrue(ics.raw().body().startsWith("BEGIN:VCALENDAR") && ics.raw().body().contains(id));
        assertEquals(404, api.get("/api/v1/me/appointments/" + id + ".ics", BookingFixtures.citizen(api)).status(),
                "nobody else's");
    }

    private static void moveClock(Api api, String body) {
        Api.Reply reply = api.post("/_local/clock", null, body);
        assertEquals(200, reply.status(), reply.raw().body());
    }

    private static LocalDate nextWeekdayHoliday() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        return FrenchHolidays.of(today.getYear()).stream().filter(d -> d.isAfter(today.plusDays(1)))
                .filter(d -> d.getDayOfWeek() != DayOfWeek.SUNDAY).findFirst()
                .orElseGet(() -> FrenchHolidays.of(today.getYear() + 1).stream()
                        .filter(d -> d.getDayOfWeek() != DayOfWeek.SUNDAY).findFirst().orElseThrow());
    }

    private static void assertRefused(Api api, String token, String body, String reasonPart) {
        Api.Reply reply = api.post(COMMUNE + "/appointments", token, body);
        assertEquals(422, reply.status(), body + " -> " + reply.raw().body());
        assertTrue(reply.json().path("detail").asText().contains(reasonPart), reply.raw().body());
        assertEquals("start", reply.json().path("errors").path(0).path("field").asText());
    }
}
