package fr.plateformecitoyens.core.document;

import java.util.Objects;

/**
 * A file the platform keeps, as the records that use it point to it.
 *
 * @param key         where it is in the document store
 * @param fileName    the name to give it when downloaded, without a path
 * @param contentType its MIME type, as recognised from its content
 */
public record DocumentRef(String key, String fileName, String contentType, long size) {

    public DocumentRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
    }
}
