package fr.plateformecitoyens.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.seed.DemoData.Account;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * « Messages » in both apps: the citizen writes with a PDF attached, which goes to the store with a progress
 * bar; the agent sees it, adds an internal note and answers; the citizen reads the answer, never the note.
 * Every page is audited with axe-core.
 */
@ExtendWith(LocalCloudExtension.class)
class MessagesBrowserTest {

    private static final String TENANT = "beaumont-des-sources";

    @Test
    void citizenWritesWithAnAttachment_agentAnswers_citizenReadsTheAnswerButNotTheNote(LocalCloud cloud, Api api)
            throws Exception {
        Account demo = cloud.accounts().stream().filter(a -> a.role().equals("citizen")).findFirst().orElseThrow();
        Api.Reply filed = api.post("/api/v1/tenants/" + TENANT + "/requests", api.token(demo),
                Samples.submission(Samples.civilStatusAnswers()));
        assertEquals(201, filed.status(), filed.raw().body());
        String reference = filed.json().path("reference").asText();
        Path pdf = Files.createTempFile("livret-de-famille", ".pdf");
        Files.write(pdf, "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Path text = Files.createTempFile("notes", ".txt");
        Files.writeString(text, "pas un PDF");

        try (Browser citizen = new Browser(390, 844)) {
            signIn(citizen, cloud.baseUrl() + "/#/connexion", demo);
            citizen.find("[data-testid=tenant-" + TENANT + "]");
            citizen.open(cloud.baseUrl() + "/#/demandes/" + reference);
            citizen.find("#message-text");
            citizen.audit("demande avec messages");

            citizen.type("#message-text", "Voici le livret de famille <b>demandé</b>.");
            citizen.find("#message-files").sendKeys(text.toString());
            citizen.click("[data-testid=send-message]");
            String error = citizen.find("#attachments-error").getText();
            assertTrue(error.contains("PDF, JPEG ou PNG"), error);
            citizen.audit("message refusé");
            citizen.find("#message-files").clear();
            citizen.find("#message-files").sendKeys(pdf.toString());
            citizen.click("[data-testid=send-message]");
            citizen.until(d -> texts(d).contains("Voici le livret de famille <b>demandé</b>.") ? true : null,
                    "the citizen's message in the thread, as text; the page said: " + citizen.driver()
                            .findElements(By.cssSelector(".error-summary, .notice")).stream().map(e -> e.getText())
                            .toList());
            assertTrue(citizen.driver().findElements(By.cssSelector("[data-testid=message-text] b")).isEmpty(),
                    "markup is never interpreted");
            assertEquals(100, Integer.parseInt(citizen.find("progress").getAttribute("value")), "the file went up");
            assertEquals(1, citizen.driver().findElements(By.cssSelector("[data-testid=attachment-0]")).size());
            citizen.audit("message envoyé");

            try (Browser agent = new Browser(1280, 900)) {
                signIn(agent, cloud.baseUrl() + "/agents/", api.account("agent", TENANT));
                agent.find("[data-testid=inbox]");
                agent.open(cloud.baseUrl() + "/agents/#/collectivites/" + TENANT + "/demandes/" + reference);
                agent.find("[data-testid=awaiting-reply]");
                assertTrue(texts(agent.driver()).contains("Voici le livret de famille <b>demandé</b>."));
                assertTrue(agent.find("[data-testid=attachment-0]").getText().contains("livret-de-famille"));
                agent.audit("demande avec messages (agent)");

                agent.click("#visibility-internal");
                assertEquals("Enregistrer la note interne", agent.find("[data-testid=send-message]").getText());
                agent.type("#message-text", "Livret conforme, vérifié au registre.");
                agent.audit("note interne");
                agent.click("[data-testid=send-message]");
                agent.until(d -> texts(d).contains("Livret conforme, vérifié au registre.") ? true : null,
                        "the note");
                agent.find("[data-visibility=internal] .badge-internal");
                agent.type("#message-text", "Merci, votre dossier est complet.");
                agent.click("[data-testid=send-message]");
                agent.until(d -> texts(d).contains("Merci, votre dossier est complet.") ? true : null, "the answer");
                assertTrue(agent.driver().findElements(By.cssSelector("[data-testid=awaiting-reply]")).isEmpty());
                agent.audit("réponse envoyée");
                citizen.findings().addAll(agent.findings());
            }

            citizen.driver().navigate().refresh();
            citizen.until(d -> texts(d).contains("Merci, votre dossier est complet.") ? true : null,
                    "the citizen reads the answer");
            assertFalse(texts(citizen.driver()).contains("Livret conforme, vérifié au registre."), "never the note");
            assertFalse(citizen.driver().getPageSource().contains("vérifié au registre"));
            citizen.audit("réponse lue");
            assertEquals(List.of(), citizen.findings(), "serious or critical accessibility findings");
        }
    }

    private static void signIn(Browser browser, String url, Account account) {
        browser.open(url);
        browser.type("#email", account.username());
        browser.type("#password", account.password());
        browser.click("button[type=submit]");
    }

    private static List<String> texts(WebDriver driver) {
        return driver.findElements(By.cssSelector("[data-testid=message-text]")).stream().map(e -> e.getText())
                .toList();
    }
}
