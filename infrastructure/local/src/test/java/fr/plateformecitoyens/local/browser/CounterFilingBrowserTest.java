package fr.plateformecitoyens.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.Select;

/**
 * A reception agent files, in a real browser, a letter from a person with no account: records a contact,
 * fills the démarche's form, gives the letter's arrival day and its scan (uploaded with a progress bar), and
 * gets the printable acknowledgement. The administrator then finds the filing in the access journal. Every
 * page visited is audited with axe-core.
 */
@ExtendWith(LocalCloudExtension.class)
class CounterFilingBrowserTest {

    private static final String TENANT = "beaumont-des-sources";

    @Test
    void agentFilesALetterForANewContact_printsTheAcknowledgement_andTheAdminSeesItInTheJournal(LocalCloud cloud)
            throws Exception {
        String family = "Courrier" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate arrived = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(3);
        Path letter = Files.createTempFile("courrier", ".pdf");
        Files.write(letter, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII));
        String reference;
        try (Browser agent = new Browser(1280, 900)) {
            signIn(cloud, agent, "agent");
            agent.click("[data-testid=nav-filing]");
            agent.find("[data-testid=search-person]");
            agent.audit("enregistrer une demande");

            agent.type("#person-query", family);
            agent.click("[data-testid=search-person]");
            agent.find("[data-testid=new-contact]");
            agent.until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty(), "no one found yet");
            agent.click("[data-testid=new-contact]");
            agent.type("#contact-given-name", "Jeanne");
            agent.type("#contact-family-name", family);
            agent.click("[data-testid=create-contact]");
            agent.find("[data-testid=error-summary]");
            agent.audit("fiche contact incomplète");
            agent.type("#contact-street", "4 chemin des Saules");
            agent.type("#contact-postcode", "45300");
            agent.type("#contact-city", "Beaumont-des-Sources");
            agent.click("[data-testid=create-contact]");
            assertTrue(agent.find("[data-testid=chosen-person]").getText().contains(family));

            new Select(agent.find("#procedure")).selectByValue("acte-etat-civil");
            agent.find("input[name=typeActe][value=naissance]").click();
            agent.find("input[name=document][value=copie_integrale]").click();
            new Select(agent.find("#qualite")).selectByValue("titulaire");
            agent.type("#nom", family);
            agent.type("#prenoms", "Jeanne");
            agent.type("#dateEvenement", "14/07/1990");
            agent.type("#lieuEvenement", "Beaumont-des-Sources");
            agent.type("#nomMere", "Durand");
            agent.type("#prenomsMere", "Anne");
            agent.find("input[name=livraison][value=courrier]").click();
            agent.type("#adresseLivraison", "4 chemin des Saules, 45300 Beaumont-des-Sources");
            agent.click("#channel-post");
            ((JavascriptExecutor) agent.driver()).executeScript("arguments[0].value = arguments[1]",
                    agent.find("#letterArrivedOn"), arrived.toString());
            agent.find("#letter").sendKeys(letter.toString());
            agent.audit("formulaire pour un courrier");
            agent.click("[data-testid=file-request]");

            reference = agent.find("[data-testid=reference]").getText().strip();
            assertTrue(reference.matches("\\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), reference);
            assertTrue(agent.find("[data-testid=recipient]").getText().contains("45300"));
            assertTrue(agent.find("[data-testid=delivery]").getText().contains("imprimez"));
            List<String> mentions = agent.driver().findElements(By.cssSelector("[data-testid=mentions] li")).stream()
                    .map(e -> e.getText()).toList();
            assertTrue(mentions.size() >= 5, mentions.toString());
            assertTrue(mentions.get(0).endsWith(", par courrier."), mentions.get(0));
            agent.find("[data-testid=print]");
            agent.audit("accusé de réception à imprimer");
            ((JavascriptExecutor) agent.driver()).executeScript("location.hash = arguments[0]",
                    "#/collectivites/" + TENANT + "/demandes/" + reference);
            assertTrue(agent.find("[data-testid=filed-by]").getText().contains("Dominique Lefèvre"));
            agent.find("[data-testid=open-letter]");
            agent.audit("demande enregistrée pour une personne");
            assertEquals(List.of(), agent.findings(), "serious or critical accessibility findings (agent)");
        } finally {
            Files.deleteIfExists(letter);
        }

        String filed = reference;
        try (Browser admin = new Browser(1280, 900)) {
            signIn(cloud, admin, "admin");
            admin.click("[data-testid=nav-access-log]");
            admin.find("#log-reference");
            admin.type("#log-reference", filed);
            admin.click("[data-testid=filter-log]");
            String journal = admin.until(d -> {
                try {
                    String text = d.findElement(By.cssSelector("[data-testid=access-log] caption")).getText();
                    return text.contains(filed) ? d.findElement(By.cssSelector("[data-testid=access-log]")).getText()
                            : null;
                } catch (NoSuchElementException | StaleElementReferenceException e) {
                    return null;
                }
            }, "the journal of request " + filed);
            assertTrue(journal.contains("Enregistrement d’une demande pour une personne"), journal);
            assertTrue(journal.contains("Dominique Lefèvre"), journal);
            admin.audit("journal des accès");
            assertEquals(List.of(), admin.findings(), "serious or critical accessibility findings (admin)");
        }
    }

    private static void signIn(LocalCloud cloud, Browser browser, String role) {
        var account = cloud.accounts().stream().filter(a -> a.role().equals(role) && a.tenantId().equals(TENANT))
                .findFirst().orElseThrow();
        browser.open(cloud.baseUrl() + "/agents/");
        browser.type("#email", account.username());
        browser.type("#password", account.password());
        browser.click("button[type=submit]");
        browser.find("[data-testid=sign-out]");
        ((JavascriptExecutor) browser.driver()).executeScript("location.hash = arguments[0]",
                "#/collectivites/" + TENANT + "/demandes");
    }
}
