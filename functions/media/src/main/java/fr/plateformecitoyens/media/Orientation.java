package fr.plateformecitoyens.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The EXIF orientation of a photo (tag 274): how the camera's stored pixels must be turned or mirrored to be
 * seen upright. Phones store the sensor's pixels as they come and write 6 for a portrait shot.
 */
final class Orientation {

    private Orientation() {
    }

    /** The orientation the file's EXIF declares, 1 (as stored) when it has none or it cannot be read. */
    static int of(byte[] content) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(content), content.length);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return 1;
            }
            int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return value >= 1 && value <= 8 ? value : 1;
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
            // Broken metadata does not make a broken photo: show it as stored.
            return 1;
        }
    }

    /**
     * The image turned upright. {@code image} must be {@code TYPE_INT_RGB}; it is returned as is for
     * orientation 1.
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        int[] from = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        int targetWidth = target.getWidth();
        int targetHeight = target.getHeight();
        for (int y = 0; y < targetHeight; y++) {
            for (int x = 0; x < targetWidth; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }          // mirrored left to right
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }  // upside down
                    case 4 -> { sx = x; sy = h - 1 - y; }          // mirrored top to bottom
                    case 5 -> { sx = y; sy = x; }                  // transposed
                    case 6 -> { sx = y; sy = h - 1 - x; }          // to turn a quarter clockwise
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }  // transversed
                    default -> { sx = w - 1 - y; sy = x; }         // 8: to turn a quarter anticlockwise
                }
                to[y * targetWidth + x] = from[sy * w + sx];
            }
        }
        return target;
    }
}
