package fr.plateformecitoyens.core.document;

import java.util.Optional;

/**
 * The kinds of file people may send the platform, recognised from their first bytes: the name and the type a
 * browser declares are only claims.
 */
public enum FileType {
    PDF("application/pdf", "PDF"),
    JPEG("image/jpeg", "JPEG"),
    PNG("image/png", "PNG"),
    WEBP("image/webp", "WebP");

    private final String mimeType;
    private final String label;

    FileType(String mimeType, String label) {
        this.mimeType = mimeType;
        this.label = label;
    }

    public String mimeType() {
        return mimeType;
    }

    /** The name people know the format by, for messages (« PDF », « JPEG »). */
    public String label() {
        return label;
    }

    public static Optional<FileType> ofMimeType(String mimeType) {
        if (mimeType == null) {
            return Optional.empty();
        }
        String bare = mimeType.split(";", 2)[0].trim();
        for (FileType type : values()) {
            if (type.mimeType.equalsIgnoreCase(bare)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type the content really has, judged from its signature, or empty when it is none of these. */
    public static Optional<FileType> sniff(byte[] content) {
        if (startsWith(content, 0, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, 0x52, 0x49, 0x46, 0x46) && startsWith(content, 8, 0x57, 0x45, 0x42, 0x50)) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, int offset, int... signature) {
        if (content.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((content[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
