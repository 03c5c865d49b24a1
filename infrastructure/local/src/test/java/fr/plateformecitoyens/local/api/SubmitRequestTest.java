package fr.plateformecitoyens.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class SubmitRequestTest {

    private static final String SUBMIT = "/api/v1/tenants/beaumont-des-sources/requests";

    @Test
    void submit_validCertificateRequest_answers201WithReferenceAndAcknowledgement(Api api) {
        String token = Citizens.newCitizen(api);

        Api.Reply reply = api.post(SUBMIT, token, Samples.submission(Samples.civilStatusAnswers()));

        assertEquals(201, reply.status(), reply.raw().body());
        JsonNode body = reply.json();
        assertTrue(body.path("reference").asText().matches("\\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        assertEquals("submitted", body.path("status").asText());
        JsonNode ack = body.path("acknowledgement");
        assertEquals("Service état civil", ack.path("service").path("name").asText());
        assertEquals("02 47 00 00 01", ack.path("service").path("phone").asText());
        assertEquals("SVA", ack.path("regime").asText());
        assertTrue(ack.path("implicitDecisionDate").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertEquals("/api/v1/me/requests/" + body.path("reference").asText(), reply.header("location"));
    }

    @Test
    void submit_malformedJson_answers400Problem(Api api) {
        Api.Reply reply = api.post(SUBMIT, Citizens.newCitizen(api), "{\"procedureId\": ");

        assertEquals(400, reply.status());
        assertTrue(reply.header("content-type").startsWith("application/problem+json"));
    }

    @Test
    void submit_unknownProcedure_answers404(Api api) {
        Api.Reply reply = api.post(SUBMIT, Citizens.newCitizen(api),
                Json.write(Json.object().put("procedureId", "inconnue").set("data", Json.object())));

        assertEquals(404, reply.status());
    }

    @Test
    void submit_toUnknownTenant_answers404(Api api) {
        Api.Reply reply = api.post("/api/v1/tenants/nulle-part/requests", Citizens.newCitizen(api),
                Samples.submission(Samples.civilStatusAnswers()));

        assertEquals(404, reply.status());
    }

    @Test
    void submit_bodyOverTheLimit_answers413(Api api) {
        ObjectNode answers = Samples.civilStatusAnswers();
        answers.put("adresseLivraison", "x".repeat(300 * 1024));

        Api.Reply reply = api.post(SUBMIT, Citizens.newCitizen(api), Samples.submission(answers));

        assertEquals(413, reply.status());
        assertEquals(413, reply.json().path("status").asInt());
    }

    @Test
    void submit_wrongContentType_answers415(Api api) {
        Api.Reply reply = api.send(api.builder(SUBMIT, Citizens.newCitizen(api)).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("bonjour")).build());

        assertEquals(415, reply.status());
    }

    @Test
    void submit_invalidAnswers_answers422ListingEveryField(Api api) {
        ObjectNode answers = Samples.civilStatusAnswers();
        answers.put("typeActe", "divorce");
        answers.remove("nom");
        answers.put("dateEvenement", "12/05/1990");
        answers.put("champInconnu", "x");
        answers.put("prenoms", 42);

        Api.Reply reply = api.post(SUBMIT, Citizens.newCitizen(api), Samples.submission(answers));

        assertEquals(422, reply.status());
        List<String> fields = new ArrayList<>();
        reply.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(List.of("typeActe", "nom", "prenoms", "dateEvenement", "champInconnu"), fields);
        reply.json().path("errors").forEach(e -> assertTrue(e.path("message").asText().length() > 10));
    }

    @Test
    void submit_sameIdempotencyKeyTwice_createsOneRequest(Api api) {
        String token = Citizens.newCitizen(api);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String body = Samples.submission(Samples.civilStatusAnswers());

        Api.Reply first = api.post(SUBMIT, token, body, key);
        Api.Reply second = api.post(SUBMIT, token, body, key);

        assertEquals(201, first.status());
        assertEquals(201, second.status());
        assertEquals(first.json().path("reference"), second.json().path("reference"));
        assertEquals("true", second.header("idempotent-replayed"));
        assertEquals(1, api.get("/api/v1/me/requests", token).json().path("items").size());
    }

    @Test
    void submit_sameIdempotencyKeyWithOtherAnswers_answers422(Api api) {
        String token = Citizens.newCitizen(api);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ObjectNode other = Samples.civilStatusAnswers().put("prenoms", "Autre");

        api.post(SUBMIT, token, Samples.submission(Samples.civilStatusAnswers()), key);
        Api.Reply reply = api.post(SUBMIT, token, Samples.submission(other), key);

        assertEquals(422, reply.status());
        assertEquals("Idempotency-Key", reply.json().path("errors").path(0).path("field").asText());
    }

    @Test
    void myRequests_areNewestFirst_andPaginatedWithACursor(Api api) {
        String token = Citizens.newCitizen(api);
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            references.add(api.post(SUBMIT, token, Samples.submission(Samples.civilStatusAnswers())).json()
                    .path("reference").asText());
        }

        JsonNode first = api.get("/api/v1/me/requests?limit=2", token).json();
        JsonNode second = api.get("/api/v1/me/requests?limit=2&cursor=" + first.path("nextCursor").asText(), token)
                .json();

        assertEquals(references.get(2), first.path("items").path(0).path("reference").asText());
        assertEquals(references.get(1), first.path("items").path(1).path("reference").asText());
        assertEquals(references.get(0), second.path("items").path(0).path("reference").asText());
        assertEquals(1, second.path("items").size());
        assertTrue(second.path("nextCursor").isNull());
        assertNotEquals("", first.path("nextCursor").asText());
    }

    @Test
    void myRequests_withForgedCursor_answers400(Api api) {
        Api.Reply reply = api.get("/api/v1/me/requests?cursor=%25%25notbase64", Citizens.newCitizen(api));

        assertEquals(400, reply.status());
    }
}
