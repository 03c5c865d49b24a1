package fr.plateformecitoyens.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.document.UploadPolicy;
import fr.plateformecitoyens.core.document.Uploads;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.request.CitizenRequests;
import fr.plateformecitoyens.core.request.Instruction;
import fr.plateformecitoyens.core.request.RequestStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final String REF = "2026-AAAA-BBBB";
    private static final Author CITIZEN = new Author(Author.Kind.CITIZEN, "citizen-1", "Camille Martin", "Usager");
    private static final Author AGENT = new Author(Author.Kind.AGENT, "agent-1", "Jeanne Leroy", "Agent");

    private final InMemory.Requests requests = new InMemory.Requests();
    private final InMemory.Store store = new InMemory.Store();
    private final InMemory.Documents documents = new InMemory.Documents();
    private final List<DomainEvent> events = new ArrayList<>();
    private Messages messages;

    @BeforeEach
    void setUp() {
        requests.createIfAbsent(InMemory.request(REF, "citizen-1", RequestStatus.SUBMITTED));
        Clock clock = Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneOffset.UTC);
        messages = new Messages(new CitizenRequests(requests),
                new Instruction(new InMemory.Tenants(), null, requests, events::add, clock), store,
                () -> new Uploads(documents), events::add, clock);
    }

    @Test
    void citizenThread_leavesInternalNotesOut_whileAgentsSeeEverything() {
        messages.postAsCitizen(CITIZEN, REF, draft("Bonjour", Visibility.PUBLIC, List.of(), Optional.empty()));
        agentPosts("Note", Visibility.INTERNAL, Optional.empty());

        List<Message> citizen = messages.citizenThread("citizen-1", REF, false, Optional.empty(), 20).items();
        List<Message> agent = messages.agentThread("commune", REF, "agent-1", false, Optional.empty(), 20).page()
                .items();

        assertEquals(List.of("Bonjour"), citizen.stream().map(Message::text).toList());
        assertEquals(2, agent.size());
    }

    @Test
    void aCitizenPost_isAlwaysPublic_andAwaitsAnAnswer_untilAnAgentAnswersPublicly() {
        messages.postAsCitizen(CITIZEN, REF, draft("Bonjour", Visibility.INTERNAL, List.of(), Optional.empty()));
        assertTrue(awaiting());

        agentPosts("Note", Visibility.INTERNAL, Optional.empty());
        assertTrue(awaiting(), "a note is no answer");

        agentPosts("Réponse", Visibility.PUBLIC, Optional.empty());
        assertFalse(awaiting());
        assertEquals(1, events.stream().filter(e -> e.type() == DomainEvent.Type.MESSAGE_POSTED).count(),
                "only the agent's public message is an event");
    }

    @Test
    void anotherCitizen_andAnAgentOfAnotherTenant_areRefused() {
        Author other = new Author(Author.Kind.CITIZEN, "citizen-2", "", "Usager");

        assertThrows(DomainException.NotFound.class, () -> messages.citizenThread("citizen-2", REF, false,
                Optional.empty(), 20));
        assertThrows(DomainException.NotFound.class, () -> messages.postAsCitizen(other, REF,
                draft("x", null, List.of(), Optional.empty())));
        assertThrows(DomainException.Forbidden.class, () -> messages.agentThread("other", REF, "agent-1", false,
                Optional.empty(), 20));
    }

    @Test
    void aDecidedRequest_refusesTheCitizensMessage_with409() {
        requests.replace(InMemory.request(REF, "citizen-1", RequestStatus.REJECTED), 1);

        assertThrows(DomainException.Conflict.class, () -> messages.postAsCitizen(CITIZEN, REF,
                draft("Pourquoi ?", null, List.of(), Optional.empty())));
        agentPosts("Explication", Visibility.PUBLIC, Optional.empty());
        assertEquals(1, store.messages.size());
    }

    @Test
    void text_isRequired_boundedAndKeptAsTyped_andAgentsMustChooseAVisibility() {
        var empty = assertThrows(DomainException.InvalidInput.class, () -> messages.postAsCitizen(CITIZEN, REF,
                draft("   ", null, List.of(), Optional.empty())));
        var tooLong = assertThrows(DomainException.InvalidInput.class, () -> messages.postAsCitizen(CITIZEN, REF,
                draft("a".repeat(Messages.MAX_TEXT + 1), null, List.of(), Optional.empty())));
        var noVisibility = assertThrows(DomainException.InvalidInput.class, () -> agentPosts("x", null,
                Optional.empty()));
        Message markup = messages.postAsCitizen(CITIZEN, REF, draft("<img src=x onerror=alert(1)>", null, List.of(),
                Optional.empty())).message();

        assertEquals("text", empty.errors().get(0).field());
        assertEquals("text", tooLong.errors().get(0).field());
        assertEquals("visibility", noVisibility.errors().get(0).field());
        assertEquals("<img src=x onerror=alert(1)>", markup.text());
    }

    @Test
    void attachments_areClaimedIntoTheMessagesKeys_andAFileThatIsNotPdfJpegOrPng_isNamed() {
        String pdf = uploaded("c-citizen-1", "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        String fake = uploaded("c-citizen-1", "MZ executable".getBytes(StandardCharsets.US_ASCII), "image/png");

        var refused = assertThrows(DomainException.InvalidInput.class, () -> messages.postAsCitizen(CITIZEN, REF,
                draft("Pièces", null, List.of(new Messages.AttachmentClaim(pdf, "a.pdf"),
                        new Messages.AttachmentClaim(fake, "b.png")), Optional.empty())));
        String again = uploaded("c-citizen-1", "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII),
                "application/pdf");
        Message posted = messages.postAsCitizen(CITIZEN, REF, draft("Pièce", null,
                List.of(new Messages.AttachmentClaim(again, "acte.pdf")), Optional.empty())).message();

        assertEquals("attachments.1", refused.errors().get(0).field());
        assertEquals(0, store.messages.values().stream().filter(m -> m.text().equals("Pièces")).count());
        assertEquals("requests/" + REF + "/messages/" + posted.id() + "/0", posted.attachments().get(0).key());
        assertEquals("application/pdf", posted.attachments().get(0).contentType());
        assertThrows(DomainException.NotFound.class, () -> messages.citizenAttachment("citizen-1", REF,
                posted.id(), 1));
    }

    @Test
    void fourAttachments_areTooMany() {
        var claim = new Messages.AttachmentClaim("q3V8mXw1Tn2bR5kLp0sA7g", "a.pdf");

        var refused = assertThrows(DomainException.InvalidInput.class, () -> messages.postAsCitizen(CITIZEN, REF,
                draft("x", null, List.of(claim, claim, claim, claim), Optional.empty())));

        assertEquals("attachments", refused.errors().get(0).field());
    }

    @Test
    void anInternalNotesAttachment_isNotFoundForTheCitizen() {
        String pdf = uploaded("a-agent-1", "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        Message note = messages.postAsAgent("commune", "agent-1", r -> AGENT, REF, new Messages.Draft("Note",
                Visibility.INTERNAL, List.of(new Messages.AttachmentClaim(pdf, "n.pdf")), "a-agent-1",
                Optional.empty())).message();

        assertThrows(DomainException.NotFound.class, () -> messages.citizenAttachment("citizen-1", REF, note.id(), 0));
        assertEquals("n.pdf", messages.agentAttachment("commune", REF, "agent-1", note.id(), 0).fileName());
    }

    @Test
    void theSameIdempotencyKey_replaysTheFirstMessage_andRefusesAnotherBody() {
        Messages.Posted first = agentPosts("Une fois", Visibility.PUBLIC, Optional.of("k1"));
        Messages.Posted retry = agentPosts("Une fois", Visibility.PUBLIC, Optional.of("k1"));

        var other = assertThrows(DomainException.InvalidInput.class, () -> agentPosts("Autre", Visibility.PUBLIC,
                Optional.of("k1")));

        assertFalse(first.replayed());
        assertTrue(retry.replayed());
        assertEquals(first.message().id(), retry.message().id());
        assertEquals(1, store.messages.size());
        assertEquals("Idempotency-Key", other.errors().get(0).field());
        assertEquals(2, events.size(), "a replay publishes again; the e-mail side sends once");
    }

    @Test
    void aRetryAfterTheKeyWasReservedButTheMessageNotWritten_writesItUnderTheReservedId() {
        Messages.Posted first = agentPosts("Une fois", Visibility.PUBLIC, Optional.of("k2"));
        store.messages.clear();

        Messages.Posted resumed = agentPosts("Une fois", Visibility.PUBLIC, Optional.of("k2"));

        assertFalse(resumed.replayed());
        assertEquals(first.message().id(), resumed.message().id());
        assertEquals(first.message().at(), resumed.message().at());
    }

    private boolean awaiting() {
        return messages.agentThread("commune", REF, "agent-1", false, Optional.empty(), 1).state().awaitingReply();
    }

    private Messages.Posted agentPosts(String text, Visibility visibility, Optional<String> key) {
        return messages.postAsAgent("commune", "agent-1", r -> AGENT, REF, draft(text, visibility, List.of(), key));
    }

    private static Messages.Draft draft(String text, Visibility visibility, List<Messages.AttachmentClaim> files,
            Optional<String> key) {
        return new Messages.Draft(text, visibility, files, "c-citizen-1", key);
    }

    /** As a browser does: a grant, then the bytes put at the granted key. */
    private String uploaded(String owner, byte[] content, String declaredType) {
        Uploads.Pending pending = new Uploads(documents).grant(owner, "f", declaredType, content.length,
                UploadPolicy.DOCUMENTS);
        documents.put(pending.grant().key(), content, declaredType);
        return pending.uploadId();
    }
}
