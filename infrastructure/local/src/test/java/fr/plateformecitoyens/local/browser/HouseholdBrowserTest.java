package fr.plateformecitoyens.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A citizen adds a child to « Mon foyer », then registers that child for the crèche with a proof of address
 * sent from the phone (a real upload to the document store, with its progress), and sees the child and the file
 * in the request. Every page is audited with axe-core.
 */
@ExtendWith(LocalCloudExtension.class)
class HouseholdBrowserTest {

    @Test
    void aChildAddedToMonFoyer_isOfferedByTheCrecheForm_andTheRequestKeepsTheChildAndTheDocument(LocalCloud cloud)
            throws Exception {
        var account = cloud.accounts().stream().filter(a -> a.role().equals("citizen")).findFirst().orElseThrow();
        Path pdf = Files.createTempFile("justificatif", ".pdf");
        Files.write(pdf, "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        try (Browser citizen = new Browser(390, 844)) {
            citizen.open(cloud.baseUrl() + "/#/connexion");
            citizen.type("#email", account.username());
            citizen.type("#password", account.password());
            citizen.click("button[type=submit]");
            citizen.click("[data-testid=tenant-beaumont-des-sources]");
            citizen.find("[data-testid=procedure-inscription-creche]");

            citizen.click("[data-testid=nav-household]");
            citizen.click("[data-testid=add-member]");
            List<String> ids = citizen.driver().findElements(By.cssSelector("fieldset.member input")).stream()
                    .map(e -> e.getAttribute("id")).toList();
            String block = ids.get(ids.size() - 1).replace("-birthDate", "");
            citizen.type("#" + block + "-givenNames", "Léonie");
            citizen.type("#" + block + "-familyName", "Martin");
            citizen.type("#" + block + "-birthDate", "02/04/2024");
            new Select(citizen.find("#" + block + "-relationship")).selectByValue("child");
            citizen.audit("mon foyer");
            citizen.click("[data-testid=household-form] button[type=submit]");
            citizen.until(d -> d.findElements(By.cssSelector("fieldset.member legend")).stream()
                    .anyMatch(l -> l.getText().equals("Léonie Martin")), "the saved member");

            citizen.click("[data-testid=nav-demarches]");
            citizen.click("[data-testid=procedure-inscription-creche]");
            citizen.until(d -> d.findElements(By.cssSelector("input[name=enfant] + label")).stream()
                    .filter(l -> l.getText().startsWith("Léonie Martin")).findFirst().orElse(null), "the child")
                    .click();
            citizen.type("#dateEntree", "01/09/2027");
            citizen.find("input[name=joursAccueil][value=lundi]").click();
            citizen.type("#heuresParSemaine", "30");
            citizen.find("input[name=situation][value=deux_actifs]").click();
            citizen.driver().findElement(By.id("justificatifDomicile")).sendKeys(pdf.toString());
            citizen.until(d -> d.findElement(By.cssSelector("[data-field=justificatifDomicile] [role=status]"))
                    .getText().contains("est bien reçu"), "the upload done");
            citizen.audit("inscription en crèche");
            citizen.click("[data-testid=procedure-form] button[type=submit]");

            String reference = citizen.find("[data-testid=reference]").getText().strip();
            citizen.click("a[href='#/demandes/" + reference + "']");
            citizen.until(d -> d.findElement(By.tagName("main")).getText().contains("Léonie Martin, né(e) le"),
                    "the child in the request");
            assertTrue(citizen.find("main").getText().contains(pdf.getFileName().toString()));
            citizen.audit("demande d'inscription");
            assertEquals(List.of(), citizen.findings());
        }
    }
}
