package fr.plateformecitoyens.local.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The correction path in a real browser: the service declared a request incomplete; the citizen sees what
 * is missing, opens the form prefilled with their answers, is stopped by a field error, completes it, and
 * downloads the acknowledgement of receipt as a PDF; an agent attaches a PDF letter to a decision. Every page
 * visited is audited with axe-core.
 */
@ExtendWith(LocalCloudExtension.class)
class CorrectionBrowserTest {

    private static final String COMMUNE = "/api/v1/tenants/beaumont-des-sources";
    private static final String MISSING = "Merci de préciser la commune de naissance exacte (avec le département).";

    @Test
    void citizenCompletesAnIncompleteRequest_fromThePrefilledForm_andDownloadsTheAcknowledgement(LocalCloud cloud,
            Api api) throws Exception {
        var account = cloud.accounts().stream().filter(a -> a.role().equals("citizen")).findFirst().orElseThrow();
        String token = api.token(account);
        Api.Reply filed = api.post(COMMUNE + "/requests", token, Samples.submission(Samples.civilStatusAnswers()));
        assertEquals(201, filed.status(), filed.raw().body());
        String reference = filed.json().path("reference").asText();
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        Api.Reply incomplete = api.post(COMMUNE + "/requests/" + reference + "/transitions", agent,
                Json.write(Json.object().put("to", "incomplete").put("note", MISSING)),
                Map.of("If-Match", "\"" + reference + "-v1\""));
        assertEquals(200, incomplete.status(), incomplete.raw().body());
        String original = Samples.civilStatusAnswers().path("lieuEvenement").asText();

        Path downloads = Files.createTempDirectory("browser-downloads");
        try (Browser citizen = new Browser(390, 844, downloads)) {
            citizen.open(cloud.baseUrl() + "/#/connexion");
            citizen.type("#email", account.username());
            citizen.type("#password", account.password());
            citizen.click("button[type=submit]");
            citizen.find("[data-testid=tenant-beaumont-des-sources]");
            citizen.open(cloud.baseUrl() + "/#/demandes/" + reference);
            assertTrue(citizen.find("[data-testid=correction-needed]").getText().contains(MISSING));
            citizen.audit("demande à compléter");

            citizen.click("[data-testid=complete-request]");
            assertTrue(citizen.find("[data-testid=correction-asked]").getText().contains(MISSING));
            assertEquals(original, citizen.find("#lieuEvenement").getAttribute("value"), "prefilled");
            citizen.audit("formulaire de complément");
            citizen.find("#lieuEvenement").clear();
            citizen.click("[data-testid=correction-form] button[type=submit]");
            citizen.find("[data-testid=error-summary]");
            assertEquals("true", citizen.find("#lieuEvenement").getAttribute("aria-invalid"));
            citizen.audit("formulaire de complément avec une erreur");

            citizen.type("#lieuEvenement", "Beaumont-des-Sources (Indre-et-Loire)");
            citizen.type("#correction-note", "La commune est bien Beaumont-des-Sources, en Indre-et-Loire.");
            citizen.click("[data-testid=correction-form] button[type=submit]");
            citizen.until(d -> d.findElements(By.cssSelector("[data-testid=status][data-status=submitted]"))
                    .isEmpty() ? null : true, "the request is back with the service");
            assertTrue(citizen.driver().getPageSource().contains("Beaumont-des-Sources (Indre-et-Loire)"));
            citizen.audit("demande complétée");

            citizen.click("[data-testid=document-acknowledgement]");
            Path pdf = citizen.until(d -> {
                try (Stream<Path> files = Files.list(downloads)) {
                    return files.filter(f -> f.getFileName().toString().equals("accuse-de-reception-" + reference
                            + ".pdf")).findFirst().filter(f -> f.toFile().length() > 0).orElse(null);
                } catch (IOException e) {
                    return null;
                }
            }, "the acknowledgement is downloaded");
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
                assertTrue(new PDFTextStripper().getText(document).contains(reference));
            }
            assertEquals(List.of(), citizen.findings(), "serious or critical accessibility findings");
        }
    }

    @Test
    void agentAttachesAPdfToTheDecision_inTheBackOffice_andTheCitizenIsOfferedIt(LocalCloud cloud, Api api)
            throws Exception {
        var citizenAccount = cloud.accounts().stream().filter(a -> a.role().equals("citizen")).findFirst()
                .orElseThrow();
        Api.Reply filed = api.post(COMMUNE + "/requests", api.token(citizenAccount),
                Samples.submission(Samples.civilStatusAnswers()));
        String reference = filed.json().path("reference").asText();
        Path letter = Files.createTempFile("decision", ".pdf");
        Files.write(letter, ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var account = cloud.accounts().stream().filter(a -> a.role().equals("agent")
                && a.tenantId().equals("beaumont-des-sources")).findFirst().orElseThrow();
        try (Browser agent = new Browser(1280, 900)) {
            agent.open(cloud.baseUrl() + "/agents/");
            agent.type("#email", account.username());
            agent.type("#password", account.password());
            agent.click("button[type=submit]");
            agent.find("[data-testid=inbox]");
            agent.open(cloud.baseUrl() + "/agents/#/collectivites/beaumont-des-sources/demandes/" + reference);
            agent.find("#document");
            agent.audit("demande (agent) avec document de décision");
            agent.click("[data-testid=transition-in_progress]");
            agent.until(d -> d.findElements(By.cssSelector("[data-testid=status][data-status=in_progress]"))
                    .isEmpty() ? null : true, "status in_progress shown");
            agent.find("#document").sendKeys(letter.toString());
            agent.type("#note", "Votre acte est joint à ce message.");
            agent.click("[data-testid=transition-accepted]");
            agent.until(d -> d.findElements(By.cssSelector("[data-testid=status][data-status=accepted]"))
                    .isEmpty() ? null : true, "status accepted shown");
            agent.find("[data-testid=document-decision-v3]");
            agent.audit("décision avec document");
            assertEquals(List.of(), agent.findings(), "serious or critical accessibility findings");
        }
        JsonNode mine = api.get("/api/v1/me/requests/" + reference, api.token(citizenAccount)).json();
        assertTrue(mine.path("documents").toString().contains("decision-v3"), mine.toString());
    }
}
