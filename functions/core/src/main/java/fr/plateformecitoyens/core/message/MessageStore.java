package fr.plateformecitoyens.core.message;

import fr.plateformecitoyens.core.request.Page;
import java.time.Instant;
import java.util.Optional;

/** Where the messages of requests are kept, beside their request. Each method is one keyed read or write. */
public interface MessageStore {

    /** Stores a message unless one with its id exists; false when it does. */
    boolean createIfAbsent(Message message);

    Optional<Message> find(String reference, String messageId);

    /**
     * A page of the request's thread in time order.
     *
     * @param publicOnly true for the citizen: internal notes are left out by the store itself
     */
    Page<Message> thread(String reference, boolean publicOnly, boolean newestFirst, Optional<String> cursor,
            int limit);

    /** What an idempotency key was first used for: the message id it gave and what was posted. */
    record KeyUse(String messageId, String fingerprint) {
    }

    /** The key's first use, if it was used on this request. */
    Optional<KeyUse> keyUse(String reference, String keyHash);

    /** Records the key's first use; when it was already used, returns that use and records nothing. */
    Optional<KeyUse> reserveKey(String reference, String keyHash, KeyUse use);

    /**
     * Who spoke last on the thread's public side, for the agents.
     *
     * @param lastCitizenMessage the latest citizen's message, if any
     * @param lastAgentReply     the latest public message of an agent, if any
     */
    record ThreadState(Optional<Instant> lastCitizenMessage, Optional<Instant> lastAgentReply) {

        /** True when the citizen wrote after the last public answer of the agents. */
        public boolean awaitingReply() {
            return lastCitizenMessage.isPresent()
                    && (lastAgentReply.isEmpty() || lastAgentReply.get().isBefore(lastCitizenMessage.get()));
        }
    }

    ThreadState state(String reference);

    /** Moves the thread's mark of {@code author}'s side forward to {@code at} (never backwards). */
    void markSpoken(String reference, Author.Kind author, Instant at);
}
