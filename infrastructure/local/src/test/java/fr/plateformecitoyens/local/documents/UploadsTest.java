package fr.plateformecitoyens.local.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.aws.AwsClients;
import fr.plateformecitoyens.adapters.storage.S3DocumentStore;
import fr.plateformecitoyens.app.api.UploadApi;
import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.document.UploadPolicy;
import fr.plateformecitoyens.core.document.Uploads;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Files go from the browser straight to the S3 emulator through a grant of the upload API, then are claimed:
 * the signature binds the type and the length, and the claim judges the content, not the name.
 */
@ExtendWith(LocalCloudExtension.class)
class UploadsTest {

    private static final byte[] PDF = ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n"
            + "%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void grantedUpload_ofTheDeclaredFile_isStored_andClaimedIntoItsRecord(Api api) throws Exception {
        String token = Citizens.newCitizen(api);
        JsonNode grant = grant(api, token, "justificatif.pdf", "application/pdf", PDF.length);

        assertEquals(201, status(grant));
        assertEquals(200, put(grant, PDF, "application/pdf"));

        Uploads uploads = new Uploads(store(api));
        String subject = subjectOf(token);
        DocumentRef ref = uploads.claim(UploadApi.citizenOwner(subject), grant.path("uploadId").asText(),
                "C:\\Documents\\justificatif.pdf", UploadPolicy.DOCUMENTS, "tests/claimed/" + subject + ".pdf",
                "piece");

        assertEquals("justificatif.pdf", ref.fileName());
        assertEquals("application/pdf", ref.contentType());
        assertArrayEquals(PDF, store(api).get(ref.key()).orElseThrow().content());
        assertEquals(ref, uploads.claim(UploadApi.citizenOwner(subject), grant.path("uploadId").asText(),
                "justificatif.pdf", UploadPolicy.DOCUMENTS, ref.key(), "piece"), "a retried claim is the same");
    }

    @Test
    void theStore_refusesABodyOfAnotherLengthOrType_thanTheGrantSays(Api api) throws Exception {
        String token = Citizens.newCitizen(api);
        JsonNode grant = grant(api, token, "justificatif.pdf", "application/pdf", PDF.length);
        byte[] longer = (new String(PDF, StandardCharsets.US_ASCII) + "more").getBytes(StandardCharsets.US_ASCII);

        assertTrue(put(grant, longer, "application/pdf") >= 400, "another length");
        assertTrue(put(grant, PDF, "image/png") >= 400, "another type");
    }

    @Test
    void aFileWhoseContentIsNotItsDeclaredType_isRefusedAtClaim_andRemoved(Api api) throws Exception {
        String token = Citizens.newCitizen(api);
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        JsonNode grant = grant(api, token, "photo.png", "image/png", script.length);
        assertEquals(200, put(grant, script, "image/png"));
        Uploads uploads = new Uploads(store(api));
        String owner = UploadApi.citizenOwner(subjectOf(token));

        DomainException.InvalidInput refused = assertThrows(DomainException.InvalidInput.class, () -> uploads.claim(
                owner, grant.path("uploadId").asText(), "photo.png", UploadPolicy.DOCUMENTS, "tests/never.png",
                "piece"));

        assertTrue(refused.detail().contains("PDF, JPEG ou PNG"), refused.detail());
        assertEquals("piece", refused.errors().get(0).field());
        assertTrue(store(api).head("tests/never.png").isEmpty());
        assertThrows(DomainException.InvalidInput.class, () -> uploads.claim(owner, grant.path("uploadId").asText(),
                "photo.png", UploadPolicy.DOCUMENTS, "tests/never.png", "piece"), "the upload is gone");
    }

    @Test
    void anotherPersonsUpload_cannotBeClaimed(Api api) throws Exception {
        String owner = Citizens.newCitizen(api);
        JsonNode grant = grant(api, owner, "justificatif.pdf", "application/pdf", PDF.length);
        assertEquals(200, put(grant, PDF, "application/pdf"));
        String thief = UploadApi.citizenOwner(subjectOf(Citizens.newCitizen(api)));

        assertThrows(DomainException.InvalidInput.class, () -> new Uploads(store(api)).claim(thief,
                grant.path("uploadId").asText(), "x.pdf", UploadPolicy.DOCUMENTS, "tests/stolen.pdf", "piece"));
    }

    @Test
    void aDeclaredFileOutsideThePolicy_isRefusedWith422_listingEachField(Api api) {
        String token = Citizens.newCitizen(api);

        Api.Reply refused = api.post("/api/v1/me/uploads", token,
                "{\"fileName\":\"\",\"contentType\":\"application/x-msdownload\",\"size\":99999999}");

        assertEquals(422, refused.status(), refused.raw().body());
        assertEquals(3, refused.json().path("errors").size(), refused.raw().body());
        assertEquals(422, api.post("/api/v1/me/uploads", token, "{\"fileName\":\"a.pdf\","
                + "\"contentType\":\"application/pdf\",\"size\":\"grand\"}").status());
        assertEquals(401, api.post("/api/v1/me/uploads", null, "{}").status());
    }

    @Test
    void agentUploads_needAMembershipOfTheTenant(Api api) {
        String body = "{\"fileName\":\"courrier.pdf\",\"contentType\":\"application/pdf\",\"size\":1000}";
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        String otherAgent = api.token(api.account("agent", "cc-val-des-sources"));

        assertEquals(201, api.post("/api/v1/tenants/beaumont-des-sources/uploads", agent, body).status());
        assertEquals(403, api.post("/api/v1/tenants/beaumont-des-sources/uploads", otherAgent, body).status());
        assertEquals(403, api.post("/api/v1/tenants/beaumont-des-sources/uploads", Citizens.newCitizen(api), body)
                .status());
    }

    private static JsonNode grant(Api api, String token, String name, String type, int size) {
        Api.Reply reply = api.post("/api/v1/me/uploads", token, "{\"fileName\":\"" + name + "\",\"contentType\":\""
                + type + "\",\"size\":" + size + "}");
        return ((com.fasterxml.jackson.databind.node.ObjectNode) reply.json().deepCopy()).put("_status", reply.status());
    }

    private static int status(JsonNode grant) {
        return grant.path("_status").asInt();
    }

    private static int put(JsonNode grant, byte[] body, String contentType) throws Exception {
        JsonNode upload = grant.path("upload");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .method(upload.path("method").asText(), HttpRequest.BodyPublishers.ofByteArray(body));
        upload.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-type")) {
                request.header(h.getKey(), h.getValue().asText());
            }
        });
        request.header("Content-Type", contentType);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static S3DocumentStore store(Api api) {
        return new S3DocumentStore(AwsClients.s3(), AwsClients.s3Presigner(),
                api.cloud().stack().ref("DocumentsBucket"));
    }

    private static String subjectOf(String idToken) {
        String payload = new String(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]), StandardCharsets.UTF_8);
        return fr.plateformecitoyens.adapters.json.Json.parse(payload).path("sub").asText();
    }
}
