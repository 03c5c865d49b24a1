package fr.plateformecitoyens.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.inbox.InboxFixtures;
import fr.plateformecitoyens.local.inbox.InboxFixtures.Builder;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An agent filters the inbox, selects two requests, takes them in one action, sees one refused when it
 * changed meanwhile, searches a citizen by name, exports the view, takes a request from its page and
 * opens the statistics. Every page is audited with axe-core.
 */
@ExtendWith(LocalCloudExtension.class)
class InboxBrowserTest {

    @Test
    void agentFiltersSelectsAssignsInBulkSearchesAndExports(LocalCloud cloud, Api api) throws Exception {
        String procedure = InboxFixtures.freshProcedure();
        String family = InboxFixtures.freshFamilyName();
        CitizenRequest dueSoon = new Builder(procedure).familyName(family).due(InboxFixtures.today().plusDays(3))
                .store(api);
        CitizenRequest first = new Builder(procedure).channel(Channel.COUNTER).store(api);
        CitizenRequest second = new Builder(procedure).channel(Channel.COUNTER).store(api);
        var account = api.account("agent", InboxFixtures.TENANT);
        Path downloads = Files.createTempDirectory("inbox-downloads");

        try (Browser agent = new Browser(1280, 900, downloads)) {
            agent.open(cloud.baseUrl() + "/agents/");
            agent.type("#email", account.username());
            agent.type("#password", account.password());
            agent.click("button[type=submit]");
            agent.find("[data-testid=inbox]");
            agent.find("[data-testid=due-soon-list]");
            agent.audit("demandes, échéances proches d'abord");

            agent.open(cloud.baseUrl() + "/agents/#/collectivites/" + InboxFixtures.TENANT + "/demandes?demarche="
                    + procedure);
            agent.until(d -> d.findElements(By.cssSelector("[data-testid=due-soon-list]")).isEmpty()
                    && rows(agent).size() == 3 ? true : null, "the démarche's three requests, and no priority list");
            new Select(agent.find("#canal")).selectByValue("counter");
            agent.click("[data-testid=apply-filters]");
            agent.until(d -> d.findElements(By.cssSelector("[data-testid=request-" + dueSoon.reference() + "]"))
                    .isEmpty() ? true : null, "the web request is filtered out");
            assertEquals(2, rows(agent).size());
            agent.audit("demandes filtrées");

            agent.click("[data-testid=select-" + first.reference() + "]");
            agent.click("[data-testid=select-" + second.reference() + "]");
            agent.click("[data-testid=bulk-assign-me]");
            agent.until(d -> d.findElements(By.cssSelector(".notice.success")).isEmpty() ? null : true,
                    "the bulk assignment is confirmed");
            assertEquals(List.of("Moi", "Moi"), rows(agent).stream()
                    .map(r -> r.findElement(By.cssSelector("[data-testid=assignee]")).getText()).toList());
            agent.audit("attribution groupée");

            // Somebody else changes the second request while the page shows it.
            String token = api.token(account);
            CitizenRequest stored = InboxFixtures.requestStore(api).find(second.reference()).orElseThrow();
            Api.Reply moved = api.post(InboxFixtures.COMMUNE + "/requests/" + second.reference() + "/transitions",
                    token, "{\"to\":\"in_progress\"}", Map.of("If-Match", "\"" + second.reference() + "-v"
                            + stored.version() + "\""));
            assertEquals(200, moved.status(), moved.raw().body());
            agent.click("[data-testid=select-" + first.reference() + "]");
            agent.click("[data-testid=select-" + second.reference() + "]");
            agent.click("[data-testid=bulk-in-progress]");
            WebElement refused = agent.find(".notice.error");
            assertTrue(refused.getText().contains(second.reference()), refused.getText());
            assertTrue(refused.getText().contains("1 demande passée(s) en cours"), refused.getText());
            agent.audit("action groupée en partie refusée");

            agent.type("#recherche", family.toLowerCase());
            new Select(agent.find("#canal")).selectByValue("");
            agent.click("[data-testid=apply-filters]");
            agent.until(d -> rows(agent).size() == 1 && !d.findElements(By.cssSelector("[data-testid=request-"
                    + dueSoon.reference() + "]")).isEmpty() ? true : null, "the search finds the citizen");
            agent.find("[data-testid=due-soon]");
            agent.audit("recherche par nom");

            agent.click("[data-testid=export-csv]");
            String csv = agent.downloaded("demandes-" + InboxFixtures.TENANT + ".csv");
            assertTrue(csv.startsWith("\uFEFFRéférence;"), csv);
            assertTrue(csv.contains(dueSoon.reference()));

            agent.click("[data-testid=request-" + dueSoon.reference() + "]");
            agent.click("[data-testid=assign-me]");
            agent.until(d -> d.findElements(By.cssSelector("[data-testid=unassign]")).isEmpty() ? null : true,
                    "the request is the agent's");
            assertEquals("Vous traitez cette demande.", agent.find("[data-testid=assignment]").getText());
            agent.audit("demande attribuée");

            agent.driver().navigate().back();
            agent.click("[data-testid=statistics-link]");
            agent.find("[data-testid=statistics-months]");
            agent.find("[data-testid=at-risk]");
            agent.audit("statistiques");
            assertEquals(List.of(), agent.findings(), "serious or critical accessibility findings");
        }
    }

    private static List<WebElement> rows(Browser agent) {
        return agent.driver().findElements(By.cssSelector("[data-testid=inbox] tbody tr"));
    }
}
