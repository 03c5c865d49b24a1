package fr.plateformecitoyens.media;

import java.util.Optional;

/**
 * The image formats a photo may be sent in, recognised from the first bytes of the file itself: neither its
 * name nor the type the browser declared says what it really is.
 */
public enum ImageType {
    JPEG("jpeg"),
    PNG("png"),
    WEBP("webp");

    private final String formatName;

    ImageType(String formatName) {
        this.formatName = formatName;
    }

    /** The ImageIO format name of its readers. */
    public String formatName() {
        return formatName;
    }

    /** The type the content's signature (magic bytes) shows, or empty for anything else. */
    public static Optional<ImageType> detect(byte[] content) {
        if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P')) {
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
