package fr.plateformecitoyens.local.messages;

import static fr.plateformecitoyens.local.messages.MessageSteps.COMMUNE;
import static fr.plateformecitoyens.local.messages.MessageSteps.PDF;
import static fr.plateformecitoyens.local.messages.MessageSteps.agentPath;
import static fr.plateformecitoyens.local.messages.MessageSteps.body;
import static fr.plateformecitoyens.local.messages.MessageSteps.citizenPath;
import static fr.plateformecitoyens.local.messages.MessageSteps.post;
import static fr.plateformecitoyens.local.messages.MessageSteps.texts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.local.emulators.SesMailbox;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The thread of a request through the local gateway: citizen and agents, notes, files, e-mails, isolation. */
@ExtendWith(LocalCloudExtension.class)
class MessagesTest {

    @Test
    void citizenAndAgent_writeOnOneThread_andOnlyTheAgentsPublicAnswerIsMailed_withoutItsText(Api api)
            throws Exception {
        String citizen = Citizens.newCitizen(api);
        String reference = MessageSteps.submitted(api, citizen);
        String agent = api.token(api.account("agent", "beaumont-des-sources"));

        Api.Reply asked = post(api, citizenPath(reference), citizen, body("Quand aurai-je l'acte ?", null, List.of()));
        JsonNode waiting = api.get(agentPath(reference), agent).json();
        Api.Reply note = post(api, agentPath(reference), agent, body("Registre de 1987 à vérifier.", "internal",
                List.of()));
        Api.Reply answer = post(api, agentPath(reference), agent, body("Sous huit jours.", "public", List.of()));

        assertEquals(201, asked.status(), asked.raw().body());
        assertEquals("citizen", asked.json().path("author").path("kind").asText());
        assertEquals("Alex Essai", asked.json().path("author").path("name").asText());
        assertTrue(waiting.path("awaitingReply").asBoolean(), "the citizen awaits an answer");
        assertEquals(201, note.status(), note.raw().body());
        assertEquals(201, answer.status(), answer.raw().body());
        assertTrue(answer.json().path("author").path("role").asText().contains("état civil"), answer.raw().body());
        JsonNode forAgent = api.get(agentPath(reference), agent).json();
        assertEquals(List.of("Quand aurai-je l'acte ?", "Registre de 1987 à vérifier.", "Sous huit jours."),
                texts(forAgent));
        assertFalse(forAgent.path("awaitingReply").asBoolean(), "answered");
        assertEquals(List.of("Sous huit jours.", "Quand aurai-je l'acte ?"),
                texts(api.get(citizenPath(reference) + "?order=newest", citizen).json()));
        List<SesMailbox.Mail> mails = MessageSteps.messageMails(api, reference, 1);
        assertEquals(1, mails.size(), "one e-mail: for the public answer, none for the note or the citizen's own");
        assertFalse(mails.get(0).text().contains("huit jours"), "the e-mail does not carry the message");
        assertTrue(mails.get(0).text().contains("/#/demandes/" + reference), mails.get(0).text());
    }

    @Test
    void anInternalNote_neverReachesTheCitizen_byAnyRoute(Api api) throws Exception {
        String citizen = Citizens.newCitizen(api);
        String reference = MessageSteps.submitted(api, citizen);
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        String[] file = MessageSteps.uploaded(api, COMMUNE + "/uploads", agent, "fiche.pdf", "application/pdf", PDF);
        post(api, citizenPath(reference), citizen, body("Bonjour", null, List.of()));

        Api.Reply note = post(api, agentPath(reference), agent, body("Note secrète", "internal",
                List.<String[]>of(file)));
        String noteId = note.json().path("id").asText();

        assertEquals(201, note.status(), note.raw().body());
        for (String query : List.of("", "?order=newest", "?limit=1")) {
            Api.Reply thread = api.get(citizenPath(reference) + query, citizen);
            assertEquals(200, thread.status());
            assertFalse(thread.raw().body().contains("secrète"), query);
            assertFalse(thread.raw().body().contains(noteId), query);
        }
        assertEquals(404, api.get(citizenPath(reference) + "/" + noteId + "/attachments/0", citizen).status());
        assertFalse(api.get("/api/v1/me/requests/" + reference, citizen).raw().body().contains("secrète"));
        assertEquals(200, api.get(agentPath(reference) + "/" + noteId + "/attachments/0", agent).status());
        assertEquals(List.of("Bonjour"), texts(api.get(citizenPath(reference), citizen).json()));
    }

    @Test
    void markupInAMessage_isStoredAndReturnedAsText(Api api) {
        String citizen = Citizens.newCitizen(api);
        String reference = MessageSteps.submitted(api, citizen);
        String markup = "<script>alert('x')</script><b>gras</b> & \"guillemets\"";

        Api.Reply posted = post(api, citizenPath(reference), citizen, body(markup, null, List.of()));
        Api.Reply read = api.get(citizenPath(reference), citizen);

        assertEquals(201, posted.status(), posted.raw().body());
        assertTrue(read.header("content-type").startsWith("application/json"));
        assertEquals(markup, read.json().path("items").path(0).path("text").asText());
    }

    @Test
    void anotherCitizen_gets404_andAnAgentOfAnotherTenant_isRefused(Api api) {
        String citizen = Citizens.newCitizen(api);
        String reference = MessageSteps.submitted(api, citizen);
        String id = post(api, citizenPath(reference), citizen, body("Mon message", null, List.of())).json()
                .path("id").asText();
        String other = Citizens.newCitizen(api);
        String intruder = api.token(api.account("agent", "cc-val-des-sources"));

        assertEquals(404, api.get(citizenPath(reference), other).status());
        assertEquals(404, post(api, citizenPath(reference), other, body("Intrus", null, List.of())).status());
        assertEquals(404, api.get(citizenPath(reference) + "/" + id + "/attachments/0", other).status());
        Set<Integer> refused = Set.of(403, 404);
        Api.Reply read = api.get(agentPath(reference), intruder);
        assertTrue(refused.contains(read.status()), "status " + read.status());
        assertFalse(read.raw().body().contains("Mon message"));
        assertTrue(refused.contains(post(api, agentPath(reference), intruder, body("x", "public", List.of()))
                .status()));
        assertEquals(404, api.get("/api/v1/tenants/cc-val-des-sources/requests/" + reference + "/messages",
                intruder).status(), "through its own tenant");
        assertEquals(403, api.get(agentPath(reference), citizen).status(), "a citizen is no agent");
        assertEquals(List.of("Mon message"), texts(api.get(citizenPath(reference), citizen).json()));
    }

    @Test
    void anAttachmentWhoseContentIsNotPdfJpegOrPng_isRefused422_namingItsField_andNothingIsPosted(Api api)
            throws Exception {
        String citizen = Citizens.newCitizen(api);
        String reference = MessageSteps.submitted(api, citizen);
        String[] good = MessageSteps.uploaded(api, "/api/v1/me/uploads", citizen, "acte.pdf", "application/pdf", PDF);
        String[] fake = MessageSteps.uploaded(api, "/api/v1/me/uploads", citizen, "photo.png", "image/png",
                "<html>pas une image</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Api.Reply refused = post(api, citizenPath(reference), citizen, body("Pièces", null, List.of(good, fake)));

        assertEquals(422, refused.status(), refused.raw().body());
        assertEquals("attachments.1", refused.json().path("errors").path(0).path("field").asText());
        assertTrue(refused.json().path("errors").path(0).path("message").asText().contains("PDF, JPEG ou PNG"));
        assertEquals(0, api.get(citizenPath(reference), citizen).json().path("items").size());
    }

    @Test
    void aTooLargeDeclaredFile_isRefused422_andFourFilesAreTooMany(Api api) {
        String citizen = Citizens.newCitizen(api);
        String reference = MessageSteps.submitted(api, citizen);

        Api.Reply large = api.post("/api/v1/me/uploads", citizen,
                "{\"fileName\":\"scan.pdf\",\"contentType\":\"application/pdf\",\"size\":" + (11 * 1024 * 1024) + "}");
        String[] any = {"q3V8mXw1Tn2bR5kLp0sA7g", "a.pdf"};
        Api.Reply four = post(api, citizenPath(reference), citizen, body("x", null, List.of(any, any, any, any)));
        Api.Reply empty = post(api, citizenPath(reference), citizen, body("  ", null, List.of()));
        Api.Reply long5001 = post(api, citizenPath(reference), citizen, body("é".repeat(5001), null, List.of()));
        Api.Reply noVisibility = post(api, agentPath(reference), api.token(api.account("agent",
                "beaumont-des-sources")), body("x", null, List.of()));

        assertEquals(422, large.status());
        assertEquals("size", large.json().path("errors").path(0).path("field").asText());
        assertEquals(422, four.status());
        assertEquals("attachments", four.json().path("errors").path(0).path("field").asText());
        assertEquals("text", empty.json().path("errors").path(0).path("field").asText());
        assertEquals("text", long5001.json().path("errors").path(0).path("field").asText());
        assertEquals("visibility", noVisibility.json().path("errors").path(0).path("field").asText());
    }

    @Test
    void posting_withTheSameIdempotencyKey_postsOnce(Api api) {
        String citizen = Citizens.newCitizen(api);
        String reference = MessageSteps.submitted(api, citizen);
        Map<String, String> key = Map.of("Idempotency-Key", "message-" + reference);

        Api.Reply first = api.post(citizenPath(reference), citizen, body("Une fois", null, List.of()), key);
        Api.Reply retry = api.post(citizenPath(reference), citizen, body("Une fois", null, List.of()), key);
        Api.Reply other = api.post(citizenPath(reference), citizen, body("Autre chose", null, List.of()), key);

        assertEquals(201, first.status(), first.raw().body());
        assertEquals(201, retry.status());
        assertEquals("true", retry.header("idempotent-replayed"));
        assertEquals(first.json().path("id"), retry.json().path("id"));
        assertEquals(422, other.status());
        assertEquals("Idempotency-Key", other.json().path("errors").path(0).path("field").asText());
        assertEquals(List.of("Une fois"), texts(api.get(citizenPath(reference), citizen).json()));
    }

    @Test
    void attachments_goFromTheCitizenToTheAgent_throughTheStore(Api api) throws Exception {
        String citizen = Citizens.newCitizen(api);
        String reference = MessageSteps.submitted(api, citizen);
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        String[] file = MessageSteps.uploaded(api, "/api/v1/me/uploads", citizen, "C:\\docs\\livret.pdf",
                "application/pdf", PDF);

        Api.Reply posted = post(api, citizenPath(reference), citizen, body("Le livret", null, List.<String[]>of(file)));
        String id = posted.json().path("id").asText();
        JsonNode link = api.get(agentPath(reference) + "/" + id + "/attachments/0", agent).json();

        assertEquals(201, posted.status(), posted.raw().body());
        assertEquals("livret.pdf", posted.json().path("attachments").path(0).path("fileName").asText());
        assertEquals("application/pdf", link.path("contentType").asText());
        assertArrayEquals(PDF, MessageSteps.download(link.path("url").asText()));
        assertTrue(link.path("url").asText().contains("/requests/" + reference + "/messages/" + id + "/0"));
        assertEquals(404, api.get(agentPath(reference) + "/" + id + "/attachments/1", agent).status());
        assertEquals(200, api.get(citizenPath(reference) + "/" + id + "/attachments/0", citizen).status());
    }

    @Test
    void aDecidedRequest_takesNoMoreCitizenMessage_butAgentsMayStillWrite(Api api) {
        String citizen = Citizens.newCitizen(api);
        String reference = MessageSteps.submitted(api, citizen);
        String agent = api.token(api.account("agent", "beaumont-des-sources"));
        Api.Reply closed = api.post(COMMUNE + "/requests/" + reference + "/transitions", agent, "{\"to\":\"closed\"}",
                Map.of("If-Match", "\"" + reference + "-v1\""));

        Api.Reply late = post(api, citizenPath(reference), citizen, body("Encore une question", null, List.of()));
        Api.Reply agentNote = post(api, agentPath(reference), agent, body("Classé", "internal", List.of()));

        assertEquals(200, closed.status(), closed.raw().body());
        assertEquals(409, late.status(), late.raw().body());
        assertTrue(late.json().path("detail").asText().contains("recours"));
        assertEquals(201, agentNote.status());
    }

    @Test
    void pages_followTheirCursor_andAForgedCursorIsRefused(Api api) {
        String citizen = Citizens.newCitizen(api);
        String reference = MessageSteps.submitted(api, citizen);
        for (String text : List.of("un", "deux", "trois")) {
            assertEquals(201, post(api, citizenPath(reference), citizen, body(text, null, List.of())).status());
        }

        JsonNode first = api.get(citizenPath(reference) + "?limit=2", citizen).json();
        JsonNode second = api.get(citizenPath(reference) + "?limit=2&cursor=" + first.path("nextCursor").asText(),
                citizen).json();

        assertEquals(List.of("un", "deux"), texts(first));
        assertEquals(List.of("trois"), texts(second));
        assertTrue(second.path("nextCursor").isNull());
        assertEquals(400, api.get(citizenPath(reference) + "?cursor=bm9uc2Vuc2U", citizen).status());
        assertEquals(422, api.get(citizenPath(reference) + "?order=random", citizen).status());
    }
}
