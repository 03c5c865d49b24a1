package fr.plateformecitoyens.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Booking an appointment in a real browser, on a phone-sized window: the demo citizen signs in, picks the
 * identity-documents service and the « dépôt CNI » type, takes the first free slot of next week, sees it
 * confirmed, downloads its calendar file and cancels it. Every page visited is audited with axe-core.
 */
@ExtendWith(LocalCloudExtension.class)
class AppointmentBrowserTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String TENANT = "beaumont-des-sources";

    @Test
    void citizenBooksTheFirstFreeSlotOfNextWeek_downloadsTheCalendarFile_andCancels(LocalCloud cloud, Api api)
            throws Exception {
        var account = cloud.accounts().stream().filter(a -> a.role().equals("citizen")).findFirst().orElseThrow();
        LocalDate nextMonday = LocalDate.now(PARIS).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String expectedSlot = firstFreeSlot(api, nextMonday);
        Path downloads = Files.createTempDirectory("browser-downloads");
        try (Browser citizen = new Browser(390, 844, downloads)) {
            citizen.open(cloud.baseUrl() + "/#/connexion");
            citizen.find("#email");
            citizen.audit("connexion");
            citizen.type("#email", account.username());
            citizen.type("#password", account.password());
            citizen.click("button[type=submit]");
            citizen.click("[data-testid=tenant-" + TENANT + "]"); // the choice of a tenant, once signed in
            citizen.find("[data-testid=procedure-acte-etat-civil]"); // the catalogue, and with it the header, are drawn

            citizen.click("[data-testid=nav-appointments]");
            citizen.find("[data-testid=service-passeports-cni]");
            citizen.audit("services de rendez-vous");
            citizen.click("[data-testid=service-passeports-cni]");
            citizen.find("[data-testid=type-depot-cni]");
            citizen.audit("service de rendez-vous");
            citizen.click("[data-testid=type-depot-cni]");
            weekLoaded(citizen);
            citizen.audit("créneaux de la semaine");
            citizen.click("[data-testid=next-week]");
            List<WebElement> slots = citizen.until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector("[data-testid=week-days]:not([aria-busy]) button.slot"));
                return found.isEmpty() || found.get(0).getAttribute("data-testid").compareTo("slot-" + nextMonday) < 0
                        ? null : found;
            }, "the free slots of the week of " + nextMonday);
            String slot = slots.get(0).getAttribute("data-testid");
            assertEquals("slot-" + expectedSlot, slot, "the first button of next week is its first free slot");
            citizen.audit("créneaux de la semaine suivante");
            slots.get(0).click();

            citizen.find("[data-testid=confirm-booking]");
            citizen.audit("confirmation du rendez-vous");
            citizen.click("[data-testid=confirm-booking]");
            citizen.find("[data-testid=booking-status][data-status=confirmed]");
            String id = citizen.find("[data-testid=booking-id]").getText().strip();
            assertTrue(currentHash(citizen).equals("#/reservations/appointment/" + id), currentHash(citizen));
            citizen.audit("rendez-vous confirmé");

            citizen.click("[data-testid='ics-" + id + "']");
            String ics = citizen.downloaded("rendez-vous-" + id + ".ics");
            assertTrue(ics.startsWith("BEGIN:VCALENDAR"), ics);
            assertTrue(ics.contains(id), "the calendar file names the booking " + id + ":\n" + ics);

            citizen.click("[data-testid=nav-bookings]");
            citizen.find("[data-testid='booking-" + id + "']");
            citizen.audit("mes réservations");
            citizen.click("[data-testid='booking-" + id + "']");
            citizen.click("[data-testid=cancel-booking]");
            citizen.find("[data-testid=confirm-cancel]");
            citizen.audit("annulation du rendez-vous");
            citizen.click("[data-testid=confirm-cancel]");
            citizen.find("[data-testid=booking-status][data-status=cancelled]");
            citizen.audit("rendez-vous annulé");
            assertEquals(List.of(), citizen.findings(), "serious or critical accessibility findings");
        } finally {
            try (var files = Files.walk(downloads)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The API's first free slot of the week, as the slot hook names it (Paris time, YYYY-MM-DDTHH:mm). */
    private static String firstFreeSlot(Api api, LocalDate monday) {
        Api.Reply reply = api.get("/api/v1/tenants/" + TENANT + "/appointment-services/passeports-cni/slots?type=depot-cni"
                + "&from=" + monday + "&to=" + monday.plusDays(6), null);
        assertEquals(200, reply.status(), reply.raw().body());
        for (JsonNode slot : reply.json().path("items")) {
            if (slot.path("remaining").asInt() > 0) {
                return OffsetDateTime.parse(slot.path("start").asText()).atZoneSameInstant(PARIS)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
            }
        }
        throw new AssertionError("no free slot next week: " + reply.raw().body());
    }

    private static void weekLoaded(Browser browser) {
        browser.until(d -> d.findElements(By.cssSelector("[data-testid=week-days][aria-busy]")).isEmpty()
                && !d.findElements(By.cssSelector("[data-testid=week-days]")).isEmpty(), "the week's slots load");
    }

    private static String currentHash(Browser browser) {
        return (String) ((JavascriptExecutor) browser.driver()).executeScript("return location.hash");
    }
}
