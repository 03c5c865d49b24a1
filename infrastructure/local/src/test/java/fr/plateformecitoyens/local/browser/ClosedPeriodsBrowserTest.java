package fr.plateformecitoyens.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An agent sees the closed periods of a service under the form that closes one, and reopens one with the
 * keyboard-reachable « Rouvrir » button; the page is audited with axe-core before and after.
 */
@ExtendWith(LocalCloudExtension.class)
class ClosedPeriodsBrowserTest {

    private static final String TENANT = "beaumont-des-sources";

    @Test
    void agentReopensAClosedPeriod_andItLeavesTheList(LocalCloud cloud, Api api) throws Exception {
        var account = cloud.accounts().stream().filter(a -> a.role().equals("agent") && a.tenantId().equals(TENANT))
                .findFirst().orElseThrow();
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Paris")).plusWeeks(5).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        Api.Reply blocked = api.post("/api/v1/tenants/" + TENANT + "/agenda/blocked-periods", api.token(api.account("agent", TENANT)),
                "{\"kind\":\"appointment\",\"resourceId\":\"etat-civil-rdv\",\"start\":\"" + day + "T08:00:00+01:00\","
                        + "\"end\":\"" + day + "T12:00:00+01:00\",\"reason\":\"inventaire des registres\"}");
        assertEquals(201, blocked.status(), blocked.raw().body());
        String id = blocked.json().path("id").asText();

        try (Browser agent = new Browser(1280, 900)) {
            agent.open(cloud.baseUrl() + "/agents/");
            agent.type("#email", account.username());
            agent.type("#password", account.password());
            agent.click("button[type=submit]");
            agent.find("[data-testid=sign-out]");
            // Signing in lands on the inbox once the memberships are read: only then is the page ours to move.
            agent.until(d -> d.findElements(By.tagName("h1")).stream()
                    .anyMatch(h -> h.getText().startsWith("Demandes")), "the inbox after signing in");
            agent.open(cloud.baseUrl() + "/agents/#/collectivites/" + TENANT
                    + "/agenda/fermeture?type=rendez-vous&ressource=etat-civil-rdv");
            agent.find("[data-testid=block-form]");
            agent.find("[data-testid='closed-" + id + "']");
            assertTrue(agent.find("[data-testid='closed-" + id + "']").getText().contains("inventaire des registres"));
            agent.audit("périodes fermées");

            agent.click("[data-testid='closed-" + id + "'] button");

            agent.until(d -> d.findElements(By.cssSelector("[data-testid='closed-" + id + "']")).isEmpty(),
                    "the reopened period leaves the list");
            assertTrue(agent.find("#closed-title ~ [role=status]").getText().contains("rouverte"));
            agent.audit("période rouverte");
            assertEquals(List.of(), agent.findings(), "serious or critical accessibility findings");
        }
    }
}
