package fr.plateformecitoyens.core.message;

import fr.plateformecitoyens.core.document.DocumentRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message of a request's thread, or an agents' internal note on it. Its text is plain text, kept as
 * written: whatever markup it holds is shown as text, never interpreted.
 *
 * @param id          time-ordered and unique within the request ({@link MessageIds})
 * @param attachments the files claimed into the message's own keys, in the order they were given
 * @param fingerprint a digest of what was posted, to tell a retry from another post under the same key
 */
public record Message(String reference, String id, Instant at, Author author, String text,
        List<DocumentRef> attachments, Visibility visibility, String fingerprint) {

    public Message {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(visibility, "visibility");
        text = text == null ? "" : text;
        attachments = List.copyOf(attachments);
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
