package fr.plateformecitoyens.core.port;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Private storage for the platform's files: acknowledgements and decisions it writes, and what citizens and
 * agents upload. Browsers never send a file through a function: they get a short-lived grant and talk to the
 * store directly, and the function checks what arrived before it uses it.
 */
public interface DocumentStore {

    void put(String key, byte[] content, String contentType);

    /** The file at {@code key}, or empty when there is none. */
    Optional<StoredDocument> get(String key);

    /** The size and type of the file at {@code key}, without reading it; empty when there is none. */
    Optional<StoredDocument.Metadata> head(String key);

    /**
     * A grant to upload exactly one file of this type and length to {@code key}: the store refuses a body of
     * another length or type, or a request to another key, or one made after {@code validity}.
     */
    UploadGrant grantUpload(String key, String contentType, long contentLength, Duration validity);

    /** A link that downloads {@code key} for {@code validity}, under {@code fileName}. */
    URI grantDownload(String key, String fileName, Duration validity);

    /** Removes the file at {@code key}; removing a missing file is not an error. */
    void delete(String key);
}
