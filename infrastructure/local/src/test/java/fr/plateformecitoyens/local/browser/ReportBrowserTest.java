package fr.plateformecitoyens.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.template.LocalClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reporting a problem on a phone-sized window, without any map tile: the demo citizen first sends the
 * empty form (errors tied to the fields), then picks a category, describes the problem, types the place's
 * coordinates, sees the open reports nearby, adds a real PNG, watches its upload complete and finds the
 * report with its photo « en cours de traitement ». An agent of the technical services then takes it in
 * hand from the back-office. Every page visited is audited with axe-core.
 */
@ExtendWith(LocalCloudExtension.class)
class ReportBrowserTest {

    private static final String TENANT = "beaumont-des-sources";
    private static final byte[] PIXEL = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Test
    void citizenReportsAPotholeWithAPhoto_andAnAgentAcknowledgesIt(LocalCloud cloud) throws Exception {
        var account = cloud.accounts().stream().filter(a -> a.role().equals("citizen")).findFirst().orElseThrow();
        Path photo = Files.createTempFile("nid-de-poule", ".png");
        Files.write(photo, PIXEL);
        String id;
        try (Browser citizen = new Browser(390, 844)) {
            citizen.open(cloud.baseUrl() + "/#/connexion");
            citizen.type("#email", account.username());
            citizen.type("#password", account.password());
            citizen.click("button[type=submit]");
            citizen.click("[data-testid=tenant-" + TENANT + "]");
            citizen.find("[data-testid=procedure-acte-etat-civil]");
            citizen.click("[data-testid=nav-report]");
            citizen.find("#category");
            citizen.audit("signaler un problème");

            citizen.click("[data-testid=submit-report]");
            citizen.find("[data-testid=error-summary]");
            assertEquals("true", citizen.find("#category").getAttribute("aria-invalid"));
            citizen.audit("signaler un problème, erreurs");

            new Select(citizen.find("#category")).selectByValue("voirie");
            citizen.type("#description", "Nid-de-poule profond devant l'école, côté trottoir.");
            citizen.type("#lat", "47.3951");
            citizen.type("#long", "0.6861");
            citizen.type("#address", "2 rue de l'École");
            citizen.until(d -> citizen.find("[data-testid=nearby-reports]").getText().contains("près de ce lieu"),
                    "the open reports near the place");
            citizen.find("#photos").sendKeys(photo.toString());
            citizen.find("[data-testid=chosen-photos] li");
            citizen.audit("signaler un problème, rempli");
            ((JavascriptExecutor) citizen.driver()).executeScript("window.__uploaded = 0;"
                    + "new MutationObserver(() => document.querySelectorAll('progress').forEach((p) => {"
                    + "  window.__uploaded = Math.max(window.__uploaded, p.value); })).observe(document.body,"
                    + "  { subtree: true, attributes: true, childList: true });");
            citizen.click("[data-testid=submit-report]");

            citizen.find("[data-testid=report-status][data-status=new]");
            id = citizen.find("[data-testid=report-id]").getText().strip();
            String photoStatus = citizen.find("[data-testid=photo-1]").getAttribute("data-status");
            assertTrue(List.of("pending", "ready").contains(photoStatus), photoStatus);
            if (photoStatus.equals("pending")) {
                assertTrue(citizen.find("[data-testid=photo-1]").getText().contains("en cours de traitement"));
            }
            Object uploaded = ((JavascriptExecutor) citizen.driver()).executeScript("return window.__uploaded;");
            assertEquals(100L, ((Number) uploaded).longValue(), "the progress bar reached its end");
            citizen.audit("signalement envoyé");
            citizen.click("[data-testid=nav-reports]");
            citizen.find("[data-testid=report-" + id + "]");
            citizen.audit("mes signalements");
            assertEquals(List.of(), citizen.findings(), "serious or critical accessibility findings");
        }
        try (S3Client s3 = LocalClients.s3(cloud.emulators().endpoints())) {
            String bucket = cloud.stack().ref("DocumentsBucket");
            String media = "media/reports/" + TENANT + "/" + id + "/";
            long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            int renditions = 0;
            while (renditions < 2 && System.nanoTime() < until) {
                renditions = s3.listObjectsV2(b -> b.bucket(bucket).prefix(media)).contents().size();
                if (renditions < 2) {
                    Thread.sleep(200);
                }
            }
            assertEquals(2, renditions, "the photo went straight to the bucket, then through its processing");
            assertEquals(0, s3.listObjectsV2(b -> b.bucket(bucket).prefix("uploads/reports/" + TENANT + "/" + id + "/"))
                    .contents().size(), "the original, with its metadata, is gone");
        }
        var roads = cloud.accounts().stream().filter(a -> a.username().startsWith("agent.voirie")).findFirst()
                .orElseThrow();
        try (Browser agent = new Browser(390, 844)) {
            agent.open(cloud.baseUrl() + "/agents/#/connexion");
            agent.type("#email", roads.username());
            agent.type("#password", roads.password());
            agent.click("button[type=submit]");
            clickWhenStill(agent, "[data-testid=nav-reports]");
            clickWhenStill(agent, "[data-testid=agent-report-" + id + "]");
            agent.find("[data-testid=status-form]");
            agent.audit("signalement (agents)");
            new Select(agent.find("#to")).selectByValue("acknowledged");
            agent.type("#note", "Une équipe passera jeudi.");
            agent.click("[data-testid=change-status]");
            agent.find("[data-testid=report-status][data-status=acknowledged]");
            clickWhenStill(agent, "[data-testid=nav-reports]");
            agent.find("[data-testid=agent-reports]");
            agent.audit("signalements (agents)");
            assertEquals(List.of(), agent.findings(), "serious or critical accessibility findings");
        }
    }

    /** Clicks the element once the view has stopped redrawing it (a redraw makes the element stale). */
    private static void clickWhenStill(Browser browser, String css) {
        browser.until(d -> {
            try {
                browser.find(css).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            }
        }, "a clickable " + css);
    }
}
