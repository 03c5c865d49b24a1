package fr.plateformecitoyens.core.port;

import java.util.Objects;

/**
 * A file read back from the {@link DocumentStore}.
 *
 * @param content the file's bytes; copied out, so a stored document never changes
 */
public record StoredDocument(String key, Metadata metadata, byte[] content) {

    /** What the store knows of a file without reading it. */
    public record Metadata(String contentType, long size) {
    }

    public StoredDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(metadata, "metadata");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredDocument that && key.equals(that.key) && metadata.equals(that.metadata)
                && java.util.Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, metadata, java.util.Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "StoredDocument[" + key + ", " + metadata + "]";
    }
}
