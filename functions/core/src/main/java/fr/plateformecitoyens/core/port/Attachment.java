package fr.plateformecitoyens.core.port;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to an e-mail.
 *
 * @param fileName    the name the recipient sees, without a path
 * @param contentType its MIME type, such as {@code text/calendar} or {@code application/pdf}; a
 *                    {@code charset} or other parameter may follow after a semicolon
 * @param content     the file's bytes; copied in and out, so an attachment never changes
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(content, "content");
        if (fileName == null || fileName.isBlank() || fileName.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("an attachment needs a file name on one line");
        }
        if (contentType == null || !contentType.matches("[\\w.+-]+/[\\w.+-]+(\\s*;[^\\r\\n]*)?")) {
            throw new IllegalArgumentException("not a MIME type: " + contentType);
        }
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment that && fileName.equals(that.fileName)
                && contentType.equals(that.contentType) && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
}
