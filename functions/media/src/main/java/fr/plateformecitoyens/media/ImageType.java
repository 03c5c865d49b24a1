package fr.plateformecitoyens.media;

import fr.plateformecitoyens.core.document.FileType;
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
        return FileType.sniff(content).flatMap(type -> switch (type) {
            case JPEG -> Optional.of(JPEG);
            case PNG -> Optional.of(PNG);
            case WEBP -> Optional.of(WEBP);
            case PDF -> Optional.empty();
        });
    }
}
