package fr.plateformecitoyens.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The walking skeleton in a real browser: a citizen signs up, files a civil-status certificate request
 * and finds it in « Mes demandes »; an agent takes it and accepts it; the citizen sees the decision.
 * Every page visited is audited with axe-core.
 */
@ExtendWith(LocalCloudExtension.class)
class WalkingSkeletonBrowserTest {

    @Test
    void citizenFilesACertificateRequest_agentDecidesIt_citizenSeesTheDecision(LocalCloud cloud) throws Exception {
        String email = "navigateur-" + UUID.randomUUID() + "@example.org";
        String reference;
        try (Browser citizen = new Browser(390, 844)) {
            citizen.open(cloud.baseUrl() + "/");
            citizen.find("[data-testid=tenant-beaumont-des-sources]");
            citizen.audit("choix de la collectivité");
            citizen.click("[data-testid=tenant-beaumont-des-sources]");
            citizen.find("[data-testid=procedure-acte-etat-civil]");
            citizen.audit("catalogue");
            citizen.click("[data-testid=procedure-acte-etat-civil]");
            citizen.click("a[href='#/inscription']");
            citizen.type("#email", email);
            citizen.type("#given_name", "Camille");
            citizen.type("#family_name", "Navigateur");
            citizen.type("#password", "Motdepasse-2026");
            citizen.audit("inscription");
            citizen.click("button[type=submit]");
            citizen.find("#confirmation-code");
            citizen.audit("code de confirmation");
            String code = citizen.until(d -> {
                List<String> codes = cloud.emulators().confirmationCodesFor(email);
                return codes.isEmpty() ? null : codes.get(codes.size() - 1);
            }, "no confirmation code relayed for " + email);
            citizen.type("#confirmation-code", code);
            citizen.click("button[type=submit]");

            citizen.find("input[name=typeActe][value=naissance]").click();
            citizen.find("input[name=document][value=copie_integrale]").click();
            new Select(citizen.find("#qualite")).selectByValue("titulaire");
            citizen.type("#nom", "Navigateur");
            citizen.type("#prenoms", "Camille");
            citizen.type("#dateEvenement", "14/07/1990");
            citizen.type("#lieuEvenement", "Beaumont-des-Sources");
            citizen.type("#nomMere", "Durand");
            citizen.type("#prenomsMere", "Anne");
            citizen.find("input[name=livraison][value=courrier]").click();
            citizen.type("#adresseLivraison", "3 rue des Lilas, 37999 Beaumont-des-Sources");
            citizen.audit("formulaire");
            citizen.click("[data-testid=procedure-form] button[type=submit]");

            reference = citizen.find("[data-testid=reference]").getText().strip();
            assertTrue(reference.matches("\\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), reference);
            assertTrue(citizen.driver().findElements(By.cssSelector("[data-testid=mentions] li")).size() >= 4);
            citizen.audit("confirmation");
            citizen.click("[data-testid=nav-requests]");
            String row = "[data-testid=request-" + reference + "]";
            citizen.find(row);
            citizen.audit("mes demandes");
            assertEquals("submitted", citizen.find("[data-status]").getAttribute("data-status"));
            assertTrue(waitForMail(cloud, email, reference), "the acknowledgement reaches the citizen by e-mail");

            try (Browser agent = new Browser(1280, 900)) {
                var account = cloud.accounts().stream().filter(a -> a.role().equals("agent")
                        && a.tenantId().equals("beaumont-des-sources")).findFirst().orElseThrow();
                agent.open(cloud.baseUrl() + "/agents/");
                agent.type("#email", account.username());
                agent.type("#password", account.password());
                agent.audit("connexion agent");
                agent.click("button[type=submit]");
                agent.find("[data-testid=inbox]");
                agent.audit("corbeille");
                agent.click("[data-testid=request-" + reference + "]");
                agent.find("[data-testid=transition-in_progress]");
                agent.audit("demande (agent)");
                agent.click("[data-testid=transition-in_progress]");
                agent.until(d -> d.findElements(By.cssSelector("[data-testid=status][data-status=in_progress]"))
                        .isEmpty() ? null : true, "status in_progress shown");
                agent.type("#note", "Votre acte vous sera envoyé par courrier sous huit jours.");
                agent.click("[data-testid=transition-accepted]");
                agent.until(d -> d.findElements(By.cssSelector("[data-testid=status][data-status=accepted]"))
                        .isEmpty() ? null : true, "status accepted shown");
                agent.audit("décision");
                citizen.findings().addAll(agent.findings());
            }

            citizen.open(cloud.baseUrl() + "/#/demandes/" + reference);
            citizen.until(d -> d.findElements(By.cssSelector("[data-testid=status][data-status=accepted]"))
                    .isEmpty() ? null : true, "the citizen sees the decision");
            assertTrue(citizen.driver().getPageSource().contains("sous huit jours"));
            citizen.audit("détail de la demande");
            assertTrue(waitForMail(cloud, email, "Acceptée"), "the decision reaches the citizen by e-mail");
            assertEquals(List.of(), citizen.findings(), "serious or critical accessibility findings");
        }
    }

    private static boolean waitForMail(LocalCloud cloud, String email, String subjectPart) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (cloud.emulators().mailbox().messages().stream()
                    .anyMatch(m -> m.to().contains(email) && m.subject().contains(subjectPart))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
