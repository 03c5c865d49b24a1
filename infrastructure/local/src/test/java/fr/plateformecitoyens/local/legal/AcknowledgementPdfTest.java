package fr.plateformecitoyens.local.legal;

import static fr.plateformecitoyens.local.legal.LegalFixtures.COMMUNE;
import static fr.plateformecitoyens.local.legal.LegalFixtures.download;
import static fr.plateformecitoyens.local.legal.LegalFixtures.pdfText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.local.legal.LegalFixtures.Download;
import fr.plateformecitoyens.local.template.LocalClients;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The acknowledgement of receipt as a PDF, through the whole local cloud: rendered by the notification
 * function when the request is filed, attached to the e-mail, stored in the documents bucket, served to the
 * request's owner and to the agents of its tenant only, and rendered again to the same bytes when missing.
 */
@ExtendWith(LocalCloudExtension.class)
class AcknowledgementPdfTest {

    @Test
    void acknowledgementPdf_isServedToItsOwner_withEveryMentionOfR112_11_1(Api api) {
        String citizen = Citizens.newCitizen(api);
        String reference = submit(api, citizen);

        Download pdf = download(api, "/api/v1/me/requests/" + reference + "/acknowledgement.pdf", citizen);

        assertEquals(200, pdf.status(), new String(pdf.bytes()));
        assertEquals("application/pdf", pdf.header("content-type"));
        assertEquals("attachment; filename=\"accuse-de-reception-" + reference + ".pdf\"",
                pdf.header("content-disposition"));
        String text = pdfText(pdf.bytes());
        JsonNode request = api.get("/api/v1/me/requests/" + reference, citizen).json();
        for (String expected : new String[] {"Accusé de réception", "Référence : " + reference,
                "Démarche : Demande d'acte d'état civil", "(heure de Paris)", "Service état civil",
                "1 place de la Mairie", "Téléphone : 02 47 00 00 01", "Silence vaut acceptation",
                "votre demande sera réputée acceptée", "L232-3", "Base légale", "article L231-1"}) {
            assertTrue(text.contains(expected), "« " + expected + " » in " + text);
        }
        assertTrue(request.path("documents").toString().contains("/api/v1/me/requests/" + reference
                + "/acknowledgement.pdf"), request.toString());
    }

    @Test
    void acknowledgementPdf_isHiddenFromOthers_butServedToTheTenantsAgent(Api api) {
        String owner = Citizens.newCitizen(api);
        String reference = submit(api, owner);
        String other = Citizens.newCitizen(api);
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        String intruder = api.token(api.account("agent", "cc-val-des-sources"));

        assertEquals(404, download(api, "/api/v1/me/requests/" + reference + "/acknowledgement.pdf", other).status());
        assertEquals(404, download(api, "/api/v1/tenants/cc-val-des-sources/requests/" + reference
                + "/acknowledgement.pdf", intruder).status(), "another tenant's request is not found");
        assertEquals(403, download(api, COMMUNE + "/requests/" + reference + "/acknowledgement.pdf", intruder)
                .status(), "nor may the intruder read this tenant's requests");
        Download forAgent = download(api, COMMUNE + "/requests/" + reference + "/acknowledgement.pdf", agent);
        assertEquals(200, forAgent.status());
        assertArrayEquals(download(api, "/api/v1/me/requests/" + reference + "/acknowledgement.pdf", owner).bytes(),
                forAgent.bytes(), "one file for both");
        assertEquals(404, download(api, "/api/v1/me/requests/" + reference
                + "/documents/implicit-acceptance-attestation.pdf", owner).status(), "not decided yet");
    }

    @Test
    void acknowledgementEmail_carriesThePdf_andAMissingFile_isRenderedAgainToTheSameBytes(Api api) throws Exception {
        String citizen = Citizens.newCitizen(api);
        String reference = submit(api, citizen);

        JsonNode mail = LegalFixtures.mail(api, reference, "Accusé de réception");
        JsonNode attachment = mail.path("attachments").get(0);
        assertEquals("accuse-de-reception-" + reference + ".pdf", attachment.path("filename").asText());
        assertEquals("application/pdf", attachment.path("contentType").asText());
        byte[] mailed = LegalFixtures.attachment(mail, 0);
        assertTrue(pdfText(mailed).contains(reference));

        String bucket = api.cloud().stack().ref("DocumentsBucket");
        String key = "acknowledgements/beaumont-des-sources/" + reference + ".pdf";
        try (S3Client s3 = LocalClients.s3(api.cloud().emulators().endpoints())) {
            assertArrayEquals(mailed, s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray(),
                    "the notification function stored what it attached");
            s3.deleteObject(b -> b.bucket(bucket).key(key));
            byte[] again = download(api, "/api/v1/me/requests/" + reference + "/acknowledgement.pdf", citizen)
                    .bytes();
            assertArrayEquals(mailed, again, "rendered on the spot from the stored acknowledgement: same bytes");
            assertArrayEquals(mailed, s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray(),
                    "and stored again");
        }
    }

    static String submit(Api api, String token) {
        Api.Reply reply = api.post(COMMUNE + "/requests", token, Samples.submission(Samples.civilStatusAnswers()));
        assertEquals(201, reply.status(), reply.raw().body());
        return reply.json().path("reference").asText();
    }
}
