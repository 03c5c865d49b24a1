package fr.plateformecitoyens.local.legal;

import static fr.plateformecitoyens.local.legal.LegalFixtures.COMMUNE;
import static fr.plateformecitoyens.local.legal.LegalFixtures.download;
import static fr.plateformecitoyens.local.legal.LegalFixtures.pdfText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.legal.LegalFixtures.Download;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The documents of implicit decisions: once the clock is moved to the decision date and the nightly job runs,
 * an SVA request gets its attestation of implicit acceptance (CRPA L232-3) and an SVR request its notice of
 * implicit rejection with the appeal routes; both are e-mailed, attached, and served to the citizen and agent.
 */
@ExtendWith(LocalCloudExtension.class)
class ImplicitDecisionDocumentsTest {

    private Api api;

    @AfterEach
    void resetClock() {
        if (api != null) {
            LegalFixtures.moveClock(api, Json.object().put("offset", "PT0S"));
        }
    }

    @Test
    void silence_givesAnAttestationForSva_andANoticeWithAppealRoutesForSvr(Api api) throws Exception {
        this.api = api;
        String citizen = Citizens.newCitizen(api);
        String accepted = AcknowledgementPdfTest.submit(api, citizen);
        Api.Reply filed = api.post(COMMUNE + "/requests", citizen, Json.write(Json.object()
                .put("procedureId", "demande-generale").set("data", Json.object().put("objet", "Banc public")
                        .put("message", "Pourriez-vous installer un banc place du marché ?"))));
        assertEquals(201, filed.status(), filed.raw().body());
        String rejected = filed.json().path("reference").asText();
        LocalDate due = LocalDate.parse(api.get("/api/v1/me/requests/" + accepted, citizen).json()
                .path("implicitDecisionDate").asText());
        assertEquals(due.toString(), api.get("/api/v1/me/requests/" + rejected, citizen).json()
                .path("implicitDecisionDate").asText(), "both run two months");

        Instant dueDay = due.atTime(3, 0).atZone(ZoneId.of("Europe/Paris")).toInstant();
        LegalFixtures.moveClock(api, Json.object().put("instant", dueDay.toString()));
        LegalFixtures.runDecisionClock(api);

        String day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE).format(due);
        JsonNode acceptance = api.get("/api/v1/me/requests/" + accepted, citizen).json();
        assertEquals("implicitly_accepted", acceptance.path("status").asText());
        assertEquals(due.toString(), acceptance.path("implicitDecisionDate").asText(), "the day it arose is kept");
        assertTrue(acceptance.path("documents").toString().contains("implicit-acceptance-attestation"));
        Download attestation = download(api, "/api/v1/me/requests/" + accepted
                + "/documents/implicit-acceptance-attestation.pdf", citizen);
        assertEquals(200, attestation.status());
        String text = pdfText(attestation.bytes());
        assertTrue(text.contains("Attestation de décision implicite d'acceptation"), text);
        assertTrue(text.contains("née le " + day), text);
        assertTrue(text.contains("L232-3"), text);
        assertEquals(404, download(api, "/api/v1/me/requests/" + accepted
                + "/documents/implicit-rejection-notice.pdf", citizen).status());

        Download notice = download(api, "/api/v1/me/requests/" + rejected
                + "/documents/implicit-rejection-notice.pdf", citizen);
        assertEquals(200, notice.status());
        String noticeText = pdfText(notice.bytes());
        assertTrue(noticeText.contains("décision implicite de rejet"), noticeText);
        assertTrue(noticeText.contains("recours gracieux"), noticeText);
        assertTrue(noticeText.contains("tribunal administratif"), noticeText);
        assertTrue(noticeText.contains("L232-4"), noticeText);

        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        assertArrayEquals(attestation.bytes(), download(api, COMMUNE + "/requests/" + accepted
                + "/documents/implicit-acceptance-attestation.pdf", agent).bytes());

        JsonNode mail = LegalFixtures.mail(api, accepted, "Acceptée (décision implicite)");
        assertEquals("attestation-acceptation-implicite-" + accepted + ".pdf",
                mail.path("attachments").get(0).path("filename").asText());
        assertArrayEquals(attestation.bytes(), LegalFixtures.attachment(mail, 0));
        JsonNode rejection = LegalFixtures.mail(api, rejected, "Refusée (décision implicite)");
        assertEquals("avis-rejet-implicite-" + rejected + ".pdf",
                rejection.path("attachments").get(0).path("filename").asText());
    }
}
