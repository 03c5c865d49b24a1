package fr.plateformecitoyens.local.api;

import static fr.plateformecitoyens.local.api.Filings.COMMUNE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reception agent files requests for people at the counter, on the phone and by post, through the local
 * gateway: the person is found in the tenant's directory or recorded, the request is theirs, and a letter's
 * arrival day is its date of receipt.
 */
@ExtendWith(LocalCloudExtension.class)
class FilingOnBehalfTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void agentFilesAtTheCounter_forACitizenFoundByEmail_andTheCitizenSeesItAndIsMailed(Api api) throws Exception {
        String citizen = Citizens.newCitizen(api);
        TenantIsolationTest.submitted(api, citizen);
        JsonNode me = claims(citizen);
        String agent = api.token(api.account("agent", "beaumont-des-sources"));

        JsonNode found = api.get(COMMUNE + "/people?q=" + URLEncoder.encode(me.path("email").asText(),
                StandardCharsets.UTF_8), agent).json().path("items");
        assertEquals(1, found.size(), found.toString());
        assertEquals("citizen", found.path(0).path("kind").asText());
        Api.Reply filed = api.post(COMMUNE + "/filings", agent, Json.write(Filings.body("citizen",
                found.path(0).path("id").asText(), "counter")));

        assertEquals(201, filed.status(), filed.raw().body());
        String reference = filed.json().path("reference").asText();
        assertEquals("counter", filed.json().path("channel").asText());
        assertEquals("email", filed.json().path("acknowledgementDelivery").asText());
        assertEquals(6, filed.json().path("acknowledgement").path("mentions").size(), "every mention, as on the web");
        JsonNode mine = api.get("/api/v1/me/requests/" + reference, citizen).json();
        assertEquals("submitted", mine.path("status").asText(), "in « Mes demandes »");
        assertTrue(api.get("/api/v1/me/requests", citizen).json().path("items").toString().contains(reference));
        JsonNode asAgent = api.get(COMMUNE + "/requests/" + reference, agent).json();
        assertEquals("Dominique Lefèvre", asAgent.path("filedBy").path("agentName").asText());
        assertEquals(asAgent.path("filedBy").path("agentId").asText(), asAgent.path("history").path(0).path("actor")
                .asText(), "the agent made the first step");
        assertTrue(RequestLifecycleTest.waitForMail(api, reference, 1).stream()
                .anyMatch(m -> m.subject().startsWith("Accusé de réception")), "the acknowledgement is e-mailed");
    }

    @Test
    void agentFilesByPhone_forANewContactWithoutEmail_foundAgainByName_andPrintsTheAcknowledgement(Api api) {
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        JsonNode contact = Filings.contactWithoutEmail(api, agent);

        String firstLetters = contact.path("familyName").asText().substring(0, 4).toLowerCase();
        JsonNode byName = api.get(COMMUNE + "/people?q=" + URLEncoder.encode(contact.path("familyName").asText()
                .replace("è", "e").toUpperCase(), StandardCharsets.UTF_8), agent).json().path("items");
        assertEquals(1, byName.size(), "found by its name without accents: " + byName);
        assertEquals(contact.path("id").asText(), byName.path(0).path("id").asText());
        assertTrue(api.get(COMMUNE + "/people?q=" + firstLetters, agent).json().path("items").toString()
                .contains(contact.path("id").asText()), "and by the start of its name");
        Api.Reply filed = api.post(COMMUNE + "/filings", agent, Json.write(Filings.body("contact",
                contact.path("id").asText(), "phone")));

        assertEquals(201, filed.status(), filed.raw().body());
        assertEquals("print", filed.json().path("acknowledgementDelivery").asText());
        String reference = filed.json().path("reference").asText();
        JsonNode letter = api.get(COMMUNE + "/requests/" + reference + "/acknowledgement-letter", agent).json();
        assertEquals("Jeanne " + contact.path("familyName").asText(), letter.path("recipient").path("name").asText());
        assertEquals("45300", letter.path("recipient").path("address").path("postcode").asText());
        assertEquals(filed.json().path("acknowledgement"), letter.path("acknowledgement"));
    }

    @Test
    void letterArrivedInThePast_isReceivedThatDay_andItsScanIsKeptWithTheRequest(Api api) throws Exception {
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        JsonNode contact = Filings.contactWithoutEmail(api, agent);
        LocalDate arrived = LocalDate.now(PARIS).minusDays(10);
        ObjectNode body = Filings.body("contact", contact.path("id").asText(), "post");
        body.put("letterArrivedOn", arrived.toString());
        body.putObject("letter").put("uploadId", Filings.uploadLetter(api, agent, Filings.PDF, "application/pdf"))
                .put("fileName", "courrier.pdf");

        Api.Reply filed = api.post(COMMUNE + "/filings", agent, Json.write(body));

        assertEquals(201, filed.status(), filed.raw().body());
        JsonNode ack = filed.json().path("acknowledgement");
        assertEquals(arrived, java.time.Instant.parse(ack.path("receivedAt").asText()).atZone(PARIS).toLocalDate());
        assertEquals(arrived.plusMonths(ack.path("periodMonths").asInt()).toString(),
                filed.json().path("implicitDecisionDate").asText(), "counted from the arrival day");
        assertTrue(ack.path("mentions").path(0).asText().endsWith(", par courrier."), ack.toString());
        JsonNode asAgent = api.get(COMMUNE + "/requests/" + filed.json().path("reference").asText(), agent).json();
        assertEquals(arrived.toString(), asAgent.path("filedBy").path("letterArrivedOn").asText());
        assertEquals("application/pdf", asAgent.path("filedBy").path("letter").path("contentType").asText());
        assertEquals("post", asAgent.path("channel").asText());
        Api.Reply link = api.get(COMMUNE + "/requests/" + filed.json().path("reference").asText() + "/letter", agent);
        assertEquals(200, link.status(), link.raw().body());
        byte[] kept = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(link.json().path("url").asText())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        org.junit.jupiter.api.Assertions.assertArrayEquals(Filings.PDF, kept, "the scan, as uploaded");
    }

    @Test
    void letterArrivingInTheFuture_orTooLongAgo_orWithoutItsScan_isRefusedWith422(Api api) throws Exception {
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        JsonNode contact = Filings.contactWithoutEmail(api, agent);
        ObjectNode body = Filings.body("contact", contact.path("id").asText(), "post");
        body.putObject("letter").put("uploadId", Filings.uploadLetter(api, agent, Filings.PDF, "application/pdf"))
                .put("fileName", "courrier.pdf");

        Api.Reply future = api.post(COMMUNE + "/filings", agent, Json.write(body.deepCopy()
                .put("letterArrivedOn", LocalDate.now(PARIS).plusDays(1).toString())));
        Api.Reply old = api.post(COMMUNE + "/filings", agent, Json.write(body.deepCopy()
                .put("letterArrivedOn", LocalDate.now(PARIS).minusDays(60).toString())));
        ObjectNode noScan = body.deepCopy().put("letterArrivedOn", LocalDate.now(PARIS).toString());
        noScan.remove("letter");
        Api.Reply unscanned = api.post(COMMUNE + "/filings", agent, Json.write(noScan));

        assertEquals(422, future.status(), future.raw().body());
        assertEquals("letterArrivedOn", future.json().path("errors").path(0).path("field").asText());
        assertTrue(future.json().path("errors").path(0).path("message").asText().contains("futur"));
        assertEquals(422, old.status());
        assertEquals("letterArrivedOn", old.json().path("errors").path(0).path("field").asText());
        assertEquals(422, unscanned.status());
        assertEquals("letter", unscanned.json().path("errors").path(0).path("field").asText());
    }

    @Test
    void scannedLetterThatIsNoPdfNorImageByContent_isRefusedWith422_andNothingIsFiled(Api api) throws Exception {
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        JsonNode contact = Filings.contactWithoutEmail(api, agent);
        byte[] script = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        ObjectNode body = Filings.body("contact", contact.path("id").asText(), "post");
        body.put("letterArrivedOn", LocalDate.now(PARIS).toString());
        body.putObject("letter").put("uploadId", Filings.uploadLetter(api, agent, script, "application/pdf"))
                .put("fileName", "courrier.pdf");
        String admin = api.token(api.account("admin", "beaumont-des-sources"));

        Api.Reply refused = api.post(COMMUNE + "/filings", agent, Json.write(body));

        assertEquals(422, refused.status(), refused.raw().body());
        assertEquals("letter", refused.json().path("errors").path(0).path("field").asText());
        JsonNode journal = api.get(COMMUNE + "/access-log?agent=" + api.account("agent", "beaumont-des-sources")
                .sub(), admin).json();
        assertFalse(journal.toString().contains("contact-" + contact.path("id").asText()), "no request was filed");
    }

    @Test
    void supportingDocumentOfAFiling_isTheAgentsUpload_claimedByContent_andAnUnknownOneIsRefused(Api api)
            throws Exception {
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        JsonNode contact = Filings.contactWithoutEmail(api, agent);
        ObjectNode body = Filings.body("contact", contact.path("id").asText(), "counter");
        body.put("procedureId", "occupation-domaine-public");
        ObjectNode data = body.putObject("data").put("demandeur", "particulier").put("objet", "demenagement")
                .put("debut", "2027-03-01").put("fin", "2027-03-01").put("surface", 12);
        data.putObject("adresse").put("street", "4 chemin des Saules").put("postcode", "45300")
                .put("city", "Beaumont-des-Sources");
        data.putObject("plan").put("uploadId", "AAAAAAAAAAAAAAAAAAAAAA").put("fileName", "plan.pdf");

        Api.Reply unknown = api.post(COMMUNE + "/filings", agent, Json.write(body));

        assertEquals(422, unknown.status(), unknown.raw().body());
        assertEquals("plan", unknown.json().path("errors").path(0).path("field").asText(), unknown.raw().body());

        ((ObjectNode) data.get("plan")).put("uploadId", Filings.uploadLetter(api, agent, Filings.PDF,
                "application/pdf"));
        Api.Reply filed = api.post(COMMUNE + "/filings", agent, Json.write(body));

        assertEquals(201, filed.status(), filed.raw().body());
        String reference = filed.json().path("reference").asText();
        JsonNode kept = api.get(COMMUNE + "/requests/" + reference, agent).json().path("data").path("plan");
        assertEquals("requests/" + reference + "/documents/plan", kept.path("key").asText(), kept.toString());
        assertEquals("application/pdf", kept.path("contentType").asText());
    }

    @Test
    void agentOfAnotherTenant_orACitizen_cannotFileNorSearch(Api api) {
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        JsonNode contact = Filings.contactWithoutEmail(api, agent);
        String otherAgent = api.token(api.account("agent", "cc-val-des-sources"));
        String body = Json.write(Filings.body("contact", contact.path("id").asText(), "counter"));

        assertEquals(403, api.post(COMMUNE + "/filings", otherAgent, body).status());
        assertEquals(403, api.get(COMMUNE + "/people?q=riviere", otherAgent).status());
        assertEquals(403, api.post(COMMUNE + "/contacts", otherAgent, "{}").status());
        assertEquals(403, api.post(COMMUNE + "/filings", Citizens.newCitizen(api), body).status());
        assertEquals(422, api.post("/api/v1/tenants/cc-val-des-sources/filings", otherAgent, body).status(),
                "the contact is not in the other tenant's directory");
        assertEquals(401, api.post(COMMUNE + "/filings", null, body).status());
    }

    @Test
    void contactWithNeitherEmailNorAddress_isRefused_listingEveryField(Api api) {
        String agent = api.token(api.account("agent", "beaumont-des-sources"));

        Api.Reply refused = api.post(COMMUNE + "/contacts", agent, "{\"givenName\":\"\",\"familyName\":\"Rivière\","
                + "\"email\":\"pas-une-adresse\"}");

        assertEquals(422, refused.status(), refused.raw().body());
        String fields = refused.json().path("errors").toString();
        assertTrue(fields.contains("givenName") && fields.contains("email"), fields);
        assertEquals(422, api.get(COMMUNE + "/people?q=r", agent).status(), "one letter is too short a search");
    }

    static JsonNode claims(String idToken) {
        return Json.parse(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
    }
}
