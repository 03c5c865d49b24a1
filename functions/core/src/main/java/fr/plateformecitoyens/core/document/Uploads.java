package fr.plateformecitoyens.core.document;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.port.DocumentStore;
import fr.plateformecitoyens.core.port.StoredDocument;
import fr.plateformecitoyens.core.port.UploadGrant;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files sent by citizens and agents, in two steps. {@link #grant} lets a browser put one file of a declared type
 * and size straight into the store, under a key of its owner's; {@link #claim} then checks what really arrived
 * (its size, and its type from its content) and moves it to where the record that uses it keeps it. Unclaimed
 * uploads stay under {@code uploads/}, which the bucket's lifecycle rule empties after a day.
 */
public final class Uploads {

    /** How long a browser has to start its upload once granted. */
    public static final Duration GRANT_VALIDITY = Duration.ofMinutes(15);
    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");
    private static final int MAX_NAME = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DocumentStore store;

    public Uploads(DocumentStore store) {
        this.store = store;
    }

    /** A granted upload: the id to claim it by, and what the browser must send. */
    public record Pending(String uploadId, UploadGrant grant, long maxBytes) {
    }

    /**
     * Grants {@code owner} the upload of one file. The declared type and size are checked against the policy
     * now, and bound into the grant, so the store refuses any other body.
     */
    public Pending grant(String owner, String fileName, String contentType, long size, UploadPolicy policy) {
        List<FieldError> errors = new ArrayList<>();
        if (cleanName(fileName).isEmpty()) {
            errors.add(new FieldError("fileName", "Indiquez le nom du fichier (" + MAX_NAME
                    + " caractères au plus)."));
        }
        Optional<FileType> declared = FileType.ofMimeType(contentType).filter(policy.accepted()::contains);
        if (declared.isEmpty()) {
            errors.add(new FieldError("contentType", "Ce type de fichier n'est pas accepté : envoyez un fichier "
                    + policy.acceptedLabel() + "."));
        }
        if (size < 1 || size > policy.maxBytes()) {
            errors.add(new FieldError("size", size < 1 ? "Le fichier est vide."
                    : "Le fichier dépasse la taille maximale de " + policy.maxLabel() + "."));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("Ce fichier ne peut pas être envoyé.", errors);
        }
        String uploadId = newId();
        UploadGrant grant = store.grantUpload(uploadKey(owner, uploadId), declared.get().mimeType(), size,
                GRANT_VALIDITY);
        return new Pending(uploadId, grant, policy.maxBytes());
    }

    /**
     * Takes {@code owner}'s upload into the record that needs it: checks it arrived, is within the policy by
     * size and by content, copies it to {@code destinationKey} and removes the upload. Claiming again an
     * upload already moved to the same destination gives the same reference, so a retried request is safe.
     *
     * @param field the name of the field the upload was given in, for the error list
     */
    public DocumentRef claim(String owner, String uploadId, String fileName, UploadPolicy policy,
            String destinationKey, String field) {
        String name = cleanName(fileName).orElseThrow(() -> invalid(field, "Indiquez le nom du fichier."));
        if (uploadId == null || !UPLOAD_ID.matcher(uploadId).matches()) {
            throw invalid(field, "Cet envoi de fichier est inconnu.");
        }
        Optional<StoredDocument> upload = store.get(uploadKey(owner, uploadId));
        if (upload.isEmpty()) {
            return store.head(destinationKey)
                    .map(done -> new DocumentRef(destinationKey, name, done.contentType(), done.size()))
                    .orElseThrow(() -> invalid(field, "Le fichier n'a pas été reçu : envoyez-le de nouveau."));
        }
        byte[] content = upload.get().content();
        Optional<FileType> actual = FileType.sniff(content).filter(policy.accepted()::contains);
        if (content.length > policy.maxBytes() || actual.isEmpty()) {
            store.delete(upload.get().key());
            throw invalid(field, content.length > policy.maxBytes()
                    ? "Le fichier dépasse la taille maximale de " + policy.maxLabel() + "."
                    : "Le contenu de ce fichier n'est pas un " + policy.acceptedLabel() + ".");
        }
        store.put(destinationKey, content, actual.get().mimeType());
        store.delete(upload.get().key());
        return new DocumentRef(destinationKey, name, actual.get().mimeType(), content.length);
    }

    /** Where an owner's upload waits to be claimed. */
    static String uploadKey(String owner, String uploadId) {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("not an owner id: " + owner);
        }
        return "uploads/files/" + owner + "/" + uploadId;
    }

    /** The file name with any path and control character removed, if something is left. */
    static Optional<String> cleanName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String base = fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        return base.isEmpty() || base.length() > MAX_NAME || base.equals(".") || base.equals("..")
                ? Optional.empty() : Optional.of(base);
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static DomainException.InvalidInput invalid(String field, String message) {
        return new DomainException.InvalidInput(message, List.of(new FieldError(field, message)));
    }
}
