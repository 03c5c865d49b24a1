package fr.plateformecitoyens.core.message;

import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.document.UploadPolicy;
import fr.plateformecitoyens.core.document.Uploads;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.port.EventPublisher;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.CitizenRequests;
import fr.plateformecitoyens.core.request.Instruction;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.request.References;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The thread of a request between its citizen and the agents of its service, and the agents' internal notes.
 * The citizen reaches only their own requests and never an internal note, by any path; agents reach the
 * requests of their services, as {@link Instruction} decides. A citizen may not write on a request that is
 * decided or closed (409): a decision is contested by an appeal, not in the thread. Agents still may.
 */
public final class Messages {

    public static final int MAX_TEXT = 5000;
    public static final int MAX_ATTACHMENTS = 3;
    public static final int MAX_PAGE = 50;

    private final CitizenRequests citizens;
    private final Instruction instruction;
    private final MessageStore store;
    private final Supplier<Uploads> uploads;
    private final EventPublisher events;
    private final Clock clock;

    /** @param uploads asked for only when a message has attachments, so that reading builds no file store */
    public Messages(CitizenRequests citizens, Instruction instruction, MessageStore store, Supplier<Uploads> uploads,
            EventPublisher events, Clock clock) {
        this.citizens = citizens;
        this.instruction = instruction;
        this.store = store;
        this.uploads = uploads;
        this.events = events;
        this.clock = clock;
    }

    /** A file given with a message: the upload granted earlier and the name to keep. */
    public record AttachmentClaim(String uploadId, String fileName) {
    }

    /**
     * What somebody posts.
     *
     * @param uploadOwner whose uploads the attachments are, as {@link Uploads} keys them
     */
    public record Draft(String text, Visibility visibility, List<AttachmentClaim> attachments, String uploadOwner,
            Optional<String> idempotencyKey) {

        public Draft {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /** A posted message, and whether it was posted by an earlier attempt with the same key. */
    public record Posted(Message message, boolean replayed) {
    }

    public Page<Message> citizenThread(String citizenId, String reference, boolean newestFirst,
            Optional<String> cursor, int limit) {
        CitizenRequest request = citizens.read(citizenId, reference);
        return store.thread(request.reference(), true, newestFirst, cursor, bounded(limit));
    }

    /** A page of the thread for the agents, notes included, and whether the citizen awaits an answer. */
    public record AgentThread(Page<Message> page, MessageStore.ThreadState state) {
    }

    public AgentThread agentThread(String tenantId, String reference, String agentId, boolean newestFirst,
            Optional<String> cursor, int limit) {
        CitizenRequest request = instruction.read(tenantId, reference, agentId);
        return new AgentThread(store.thread(request.reference(), false, newestFirst, cursor, bounded(limit)),
                store.state(request.reference()));
    }

    public Posted postAsCitizen(Author author, String reference, Draft draft) {
        CitizenRequest request = citizens.read(author.id(), reference);
        if (request.status().isFinal()) {
            String status = request.status().label().toLowerCase(java.util.Locale.FRENCH);
            throw new DomainException.Conflict("Cette demande est « " + status + " » : vous ne pouvez plus y "
                    + "écrire. Pour contester une décision, adressez un recours au service ; pour "
                    + "une nouvelle question, faites une nouvelle demande.");
        }
        return post(request, author, new Draft(draft.text(), Visibility.PUBLIC, draft.attachments(),
                draft.uploadOwner(), draft.idempotencyKey()));
    }

    /** @param author the agent as the message shows them, once their request is known */
    public Posted postAsAgent(String tenantId, String agentId, Function<CitizenRequest, Author> author,
            String reference, Draft draft) {
        CitizenRequest request = instruction.read(tenantId, reference, agentId);
        return post(request, author.apply(request), draft);
    }

    /** An attachment of a message the citizen may read: a public message of their own request. */
    public DocumentRef citizenAttachment(String citizenId, String reference, String messageId, int index) {
        CitizenRequest request = citizens.read(citizenId, reference);
        return attachment(request, messageId, index, true);
    }

    public DocumentRef agentAttachment(String tenantId, String reference, String agentId, String messageId,
            int index) {
        return attachment(instruction.read(tenantId, reference, agentId), messageId, index, false);
    }

    private DocumentRef attachment(CitizenRequest request, String messageId, int index, boolean publicOnly) {
        return Optional.ofNullable(messageId).filter(MessageIds::isWellFormed)
                .flatMap(id -> store.find(request.reference(), id))
                .filter(message -> !publicOnly || message.isPublic())
                .filter(message -> index >= 0 && index < message.attachments().size())
                .map(message -> message.attachments().get(index))
                .orElseThrow(() -> new DomainException.NotFound("Cette pièce jointe est introuvable."));
    }

    private Posted post(CitizenRequest request, Author author, Draft draft) {
        String text = validate(draft);
        String fingerprint = fingerprint(draft.visibility(), text, draft.attachments());
        Optional<String> keyHash = draft.idempotencyKey().map(key -> keyHash(request.reference(), author, key));
        String id = null;
        if (keyHash.isPresent()) {
            Optional<MessageStore.KeyUse> used = store.keyUse(request.reference(), keyHash.get());
            if (used.isPresent()) {
                Optional<Posted> replay = replay(request, used.get(), fingerprint);
                if (replay.isPresent()) {
                    return replay.get();
                }
                id = used.get().messageId();
            }
        }
        boolean resumed = id != null;
        if (id == null) {
            Instant now = clock.instant();
            id = keyHash.map(hash -> MessageIds.of(now, hash.substring(0, 12)))
                    .orElseGet(() -> MessageIds.random(now));
        }
        List<DocumentRef> files = claim(request.reference(), id, draft);
        if (keyHash.isPresent() && !resumed) {
            Optional<MessageStore.KeyUse> raced = store.reserveKey(request.reference(), keyHash.get(),
                    new MessageStore.KeyUse(id, fingerprint));
            if (raced.isPresent()) {
                return replay(request, raced.get(), fingerprint).orElseThrow(() -> new DomainException.Conflict(
                        "Ce message est en cours d'envoi. Réessayez dans un instant."));
            }
        }
        Message message = new Message(request.reference(), id, MessageIds.instantOf(id).orElseThrow(), author, text,
                files, draft.visibility(), fingerprint);
        if (!store.createIfAbsent(message)) {
            return new Posted(store.find(request.reference(), id).orElse(message), true);
        }
        afterPost(request, message);
        return new Posted(message, false);
    }

    private Optional<Posted> replay(CitizenRequest request, MessageStore.KeyUse used, String fingerprint) {
        if (!used.fingerprint().equals(fingerprint)) {
            throw new DomainException.InvalidInput("Cette clé d'idempotence a déjà servi pour un autre message.",
                    List.of(new FieldError("Idempotency-Key", "Utilisez une nouvelle clé pour un nouveau message.")));
        }
        Optional<Message> first = store.find(request.reference(), used.messageId());
        // The first attempt may have stopped before telling the citizen; the e-mail side sends once.
        first.ifPresent(message -> afterPost(request, message));
        return first.map(message -> new Posted(message, true));
    }

    private void afterPost(CitizenRequest request, Message message) {
        if (!message.isPublic()) {
            return;
        }
        store.markSpoken(request.reference(), message.author().kind(), message.at());
        if (message.author().kind() != Author.Kind.AGENT) {
            return;
        }
        events.publish(new DomainEvent(DomainEvent.Type.MESSAGE_POSTED, request.tenantId(), request.reference(),
                message.at(), 0, message.id()));
    }

    private static String validate(Draft draft) {
        List<FieldError> errors = new ArrayList<>();
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty()) {
            errors.add(new FieldError("text", "Écrivez votre message."));
        } else if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            errors.add(new FieldError("text", "Le message ne doit pas dépasser " + MAX_TEXT + " caractères."));
        }
        if (draft.visibility() == null) {
            errors.add(new FieldError("visibility",
                    "Choisissez « public » (message à l'usager) ou « internal » (note interne)."));
        }
        if (draft.attachments().size() > MAX_ATTACHMENTS) {
            errors.add(new FieldError("attachments", "Joignez " + MAX_ATTACHMENTS + " fichiers au plus."));
        }
        for (int i = 0; i < draft.attachments().size(); i++) {
            AttachmentClaim claim = draft.attachments().get(i);
            if (claim == null || claim.uploadId() == null || claim.uploadId().isBlank()) {
                errors.add(new FieldError("attachments." + i, "Envoyez d'abord ce fichier."));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput(errors.get(0).message(), errors);
        }
        return text;
    }

    /** Claims every attachment, so that a message never points to a file that was not checked. */
    private List<DocumentRef> claim(String reference, String messageId, Draft draft) {
        List<DocumentRef> files = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < draft.attachments().size(); i++) {
            AttachmentClaim claim = draft.attachments().get(i);
            try {
                files.add(uploads.get().claim(draft.uploadOwner(), claim.uploadId(), claim.fileName(),
                        UploadPolicy.DOCUMENTS, attachmentKey(reference, messageId, i), "attachments." + i));
            } catch (DomainException.InvalidInput e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput(errors.get(0).message(), errors);
        }
        return files;
    }

    /** Where a message's attachment is kept: under the request, beside nothing else. */
    public static String attachmentKey(String reference, String messageId, int index) {
        return "requests/" + reference + "/messages/" + messageId + "/" + index;
    }

    private static String fingerprint(Visibility visibility, String text, List<AttachmentClaim> attachments) {
        StringBuilder canonical = new StringBuilder(visibility.code()).append('\n').append(text);
        for (AttachmentClaim claim : attachments) {
            canonical.append('\n').append(claim.uploadId()).append('/').append(claim.fileName());
        }
        return HexFormat.of().formatHex(References.sha256(canonical.toString()));
    }

    private static String keyHash(String reference, Author author, String key) {
        byte[] digest = References.sha256(reference + '\n' + author.kind() + '\n' + author.id() + '\n' + key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE));
    }
}
