package fr.plateformecitoyens.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The commune's administrator issues an Open311 key in the back-office, sees its secret once, and revokes it;
 * the key posts a report while it is active and is refused once revoked. Every page is audited with axe-core.
 */
@ExtendWith(LocalCloudExtension.class)
class Open311KeysBrowserTest {

    private static final String TENANT = "beaumont-des-sources";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void administratorIssuesAKey_itPostsAReport_thenRevokesIt_andItIsRefused(LocalCloud cloud) throws Exception {
        var admin = cloud.accounts().stream().filter(a -> a.role().equals("admin") && a.tenantId().equals(TENANT))
                .findFirst().orElseThrow();
        String application = "Application Ma ville " + System.nanoTime();
        String secret;
        try (Browser browser = new Browser(1280, 900)) {
            browser.open(cloud.baseUrl() + "/agents/");
            browser.type("#email", admin.username());
            browser.type("#password", admin.password());
            browser.click("button[type=submit]");
            browser.click("[data-testid=nav-open311-keys]");
            browser.find("[data-testid=new-key-form]");
            browser.audit("clés Open311");

            browser.click("[data-testid=create-key]");
            assertTrue(browser.find("#key-name-error").getText().contains("nom de l’application"));
            browser.type("#key-name", application);
            browser.click("[data-testid=create-key]");

            secret = browser.find("[data-testid=new-api-key]").getText().strip();
            browser.audit("clé créée");
            assertEquals(201, post(cloud, secret), "the new key posts a report");

            String row = browser.until(d -> d.findElements(By.xpath("//tr[td[text()='" + application + "']]")).stream()
                    .findFirst().map(e -> e.getAttribute("data-testid")).orElse(null), "the key's row");
            browser.click("[data-testid='" + row + "'] button");
            browser.until(d -> d.findElement(By.cssSelector("[data-testid='" + row + "']")).getText()
                    .contains("Révoquée"), "the key shows as revoked");
            browser.audit("clé révoquée");
            assertEquals(List.of(), browser.findings(), "serious or critical accessibility findings");
        }
        assertEquals(403, post(cloud, secret), "a revoked key is refused");
    }

    /** Posts one report through Open311 with {@code apiKey}; returns the status. */
    private static int post(LocalCloud cloud, String apiKey) throws Exception {
        String form = "jurisdiction_id=" + TENANT + "&service_code=voirie&lat=47.3951&long=0.6861"
                + "&description=Nid-de-poule+devant+le+12&api_key=" + apiKey;
        HttpRequest request = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
