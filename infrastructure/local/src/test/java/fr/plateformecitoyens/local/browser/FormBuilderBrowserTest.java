package fr.plateformecitoyens.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The commune's administrator writes a démarche in the back-office's form builder (a choice, and a text shown
 * under one of its answers), previews it, publishes it; a citizen then finds it in the portal and the condition
 * works there. Every page is audited with axe-core.
 */
@ExtendWith(LocalCloudExtension.class)
class FormBuilderBrowserTest {

    private static final String TENANT = "beaumont-des-sources";

    @Test
    void anAdministratorPublishesADemarcheWithACondition_andACitizenFillsItIn(LocalCloud cloud) throws Exception {
        String id = "composteur-" + UUID.randomUUID().toString().substring(0, 6);
        var admin = cloud.accounts().stream().filter(a -> a.role().equals("admin")).findFirst().orElseThrow();
        var citizenAccount = cloud.accounts().stream().filter(a -> a.role().equals("citizen")).findFirst()
                .orElseThrow();
        List<String> findings;
        try (Browser office = new Browser(1280, 900)) {
            office.open(cloud.baseUrl() + "/agents/#/connexion");
            office.type("#email", admin.username());
            office.type("#password", admin.password());
            office.click("button[type=submit]");
            office.click("[data-testid=nav-builder]"); // shown to administrators once in their tenant
            office.find("[data-testid=new-demarche]");
            office.audit("liste des démarches");
            office.click("[data-testid=new-demarche]");
            office.click("[data-testid=save]");
            office.find("[data-testid=error-summary]");
            office.find("[data-field=id].has-error #id-error");
            office.find("[data-field=title].has-error #title-error");
            assertEquals("true", office.find("#title").getAttribute("aria-invalid"), "the error is tied to its field");
            assertTrue(office.find("#title").getAttribute("aria-describedby").contains("title-error"));
            office.audit("éditeur de démarche, erreurs");

            office.type("#id", id);
            office.type("#title", "Demande de composteur");
            office.type("#description", "Un composteur gratuit pour votre jardin.");
            office.type("#legalBasis", "Délibération du conseil municipal du 1er mars 2027");
            office.type("#dpoContact", "dpo@beaumont-des-sources.example.fr");
            office.click("[data-testid=add-field]");
            office.type("#fields-0-label", "Taille du composteur");
            office.type("#fields-0-name", "taille");
            new Select(office.find("#fields-0-type")).selectByValue("single_choice");
            office.type("#fields-0-choices", "petit | 300 litres\ngrand | 600 litres");
            office.find("#fields-0-required").click();
            office.click("[data-testid=add-field]");
            office.type("#fields-1-label", "Pourquoi un grand composteur ?");
            office.type("#fields-1-name", "motif");
            new Select(office.find("#fields-1-visibleWhen")).selectByValue("taille");
            office.type("#fields-1-visibleWhen-in", "grand");
            office.click("[data-testid=add-field]");
            office.type("#fields-2-label", "À supprimer");
            office.find("[aria-label='Monter le champ 3']").click();
            assertEquals("À supprimer", office.find("#fields-1-label").getAttribute("value"), "moved up");
            office.find("[aria-label='Supprimer le champ 2']").click();
            assertTrue(office.driver().findElements(By.id("fields-2-label")).isEmpty(), "removed");
            office.audit("éditeur de démarche");

            office.click("[data-testid=preview-button]");
            office.find("[data-testid=preview] input[name=taille][value=grand]");
            assertFalse(office.driver().findElement(By.cssSelector("[data-testid=preview] [data-field=motif]"))
                    .isDisplayed(), "hidden at first");
            office.find("[data-testid=preview] input[name=taille][value=grand]").click();
            office.find("[data-testid=preview] #motif");
            office.audit("aperçu");

            office.click("[data-testid=save]");
            office.until(d -> d.getCurrentUrl().endsWith("/" + id + "/brouillon"), "the draft's page");
            office.find("[data-testid=publish]");
            office.click("[data-testid=publish]");
            office.find("[data-testid=unpublish-" + id + "]");
            office.audit("démarche publiée");
            findings = new java.util.ArrayList<>(office.findings());
        }

        try (Browser citizen = new Browser(390, 844)) {
            citizen.open(cloud.baseUrl() + "/#/connexion");
            citizen.type("#email", citizenAccount.username());
            citizen.type("#password", citizenAccount.password());
            citizen.click("button[type=submit]");
            citizen.click("[data-testid=tenant-" + TENANT + "]");
            citizen.click("[data-testid=procedure-" + id + "]");
            citizen.find("input[name=taille][value=petit]");
            assertTrue(citizen.driver().findElements(By.id("motif")).stream().noneMatch(e -> e.isDisplayed()));
            citizen.find("input[name=taille][value=grand]").click();
            citizen.type("#motif", "Une famille de cinq personnes");
            citizen.audit("démarche créée, côté usager");
            citizen.click("[data-testid=procedure-form] button[type=submit]");
            assertTrue(citizen.find("[data-testid=reference]").getText().strip()
                    .matches("\\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
            findings.addAll(citizen.findings());
        }
        assertEquals(List.of(), findings);
    }
}
