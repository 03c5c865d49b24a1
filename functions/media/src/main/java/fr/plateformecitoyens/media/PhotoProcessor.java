package fr.plateformecitoyens.media;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded file into the two images the platform keeps of a photo, or refuses it with a reason.
 *
 * <ol>
 * <li>The real type comes from the content's magic bytes (JPEG, PNG, WebP); anything else is refused, whatever
 * its name or declared type.</li>
 * <li>The dimensions are read from the header, before any pixel is decoded: an image declaring more pixels than
 * the limit is refused without allocating it (a decompression bomb costs nothing).</li>
 * <li>The pixels are decoded with source subsampling, so that the decoded image is at most about twice the web
 * size: a 12-megapixel JPEG needs a few megabytes of heap, not 48.</li>
 * <li>The EXIF orientation is applied, then the web image and the thumbnail are encoded afresh as JPEG from the
 * pixels alone: no metadata of the original (EXIF with its GPS position, XMP, ICC profile, comments) is
 * carried over, and transparent areas become white.</li>
 * </ol>
 *
 * <p>A file the decoder cannot read to its end (truncated, corrupt) is refused as damaged. Instances are
 * stateless and thread-safe.
 */
public final class PhotoProcessor {

    private final PhotoLimits limits;

    public PhotoProcessor(PhotoLimits limits) {
        this.limits = limits;
    }

    public PhotoProcessor() {
        this(PhotoLimits.DEFAULT);
    }

    public PhotoLimits limits() {
        return limits;
    }

    /** The web image and thumbnail of this file; a file that is not an acceptable photo is refused. */
    public ProcessedPhoto process(byte[] content) throws PhotoRefused {
        if (content.length == 0) {
            throw new PhotoRefused("Ce fichier est vide.");
        }
        checkSize(content.length);
        ImageType type = ImageType.detect(content).orElseThrow(() -> new PhotoRefused(PhotoRefused.NOT_AN_IMAGE));
        BufferedImage decoded = decode(type, content);
        int orientation = Orientation.of(content);
        BufferedImage web = Orientation.apply(scale(decoded, limits.webLongestSide()), orientation);
        BufferedImage thumbnail = scale(web, limits.thumbLongestSide());
        return new ProcessedPhoto(jpeg(web), jpeg(thumbnail), web.getWidth(), web.getHeight(), type);
    }

    /**
     * Refuses a file larger than the limit; a caller that knows the size before reading the file (an S3 object's
     * length) calls it first, so that it never reads a file too large to keep.
     */
    public void checkSize(long bytes) throws PhotoRefused {
        if (bytes > limits.maxBytes()) {
            throw new PhotoRefused("Ce fichier est trop lourd (" + limits.maxBytes() / (1024 * 1024)
                    + " Mo au plus).");
        }
    }

    private BufferedImage decode(ImageType type, byte[] content) throws PhotoRefused {
        ImageReader reader = reader(type);
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream input = new ByteArrayImageInputStream(content)) {
            reader.setInput(input, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new PhotoRefused(PhotoRefused.DAMAGED);
            }
            if ((long) width * height > limits.maxPixels()) {
                throw new PhotoRefused(String.format(Locale.FRANCE,
                        "Cette image est trop grande (%d mégapixels au plus).", limits.maxPixels() / 1_000_000));
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int factor = Math.max(1, Math.max(width, height) / limits.webLongestSide());
            param.setSourceSubsampling(factor, factor, 0, 0);
            reader.addIIOReadWarningListener(new Warnings(warnings));
            BufferedImage image = reader.read(0, param);
            if (warnings.stream().anyMatch(PhotoProcessor::meansIncomplete)) {
                throw new PhotoRefused(PhotoRefused.DAMAGED);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            // What a decoder throws on bytes it cannot follow: an IIOException, an EOFException, or for some
            // broken files an IndexOutOfBoundsException or IllegalArgumentException from deep inside it.
            throw new PhotoRefused(PhotoRefused.DAMAGED, e);
        } finally {
            reader.dispose();
        }
    }

    /** Whether a decoder's warning says that the pixels stopped before the end of the image. */
    private static boolean meansIncomplete(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.contains("premature end") || text.contains("truncated") || text.contains("unexpected end");
    }

    private static ImageReader reader(ImageType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type + " on the class path");
        }
        return readers.next();
    }

    /**
     * The image shrunk so that its longest side is at most {@code longest} (never enlarged), as opaque sRGB on
     * white. Large reductions go by halves, each a bilinear step, which keeps detail without the cost of an area
     * average.
     */
    static BufferedImage scale(BufferedImage source, int longest) {
        int width = source.getWidth();
        int height = source.getHeight();
        double ratio = Math.min(1.0, (double) longest / Math.max(width, height));
        int targetWidth = Math.max(1, (int) Math.round(width * ratio));
        int targetHeight = Math.max(1, (int) Math.round(height * ratio));
        BufferedImage current = source;
        int currentWidth = width;
        int currentHeight = height;
        do {
            currentWidth = Math.max(targetWidth, currentWidth / 2);
            currentHeight = Math.max(targetHeight, currentHeight / 2);
            if (currentWidth < targetWidth * 2 && currentHeight < targetHeight * 2) {
                currentWidth = targetWidth;
                currentHeight = targetHeight;
            }
            current = draw(current, currentWidth, currentHeight);
        } while (currentWidth != targetWidth || currentHeight != targetHeight);
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** A baseline JPEG of the pixels alone: the writer gets no metadata, so it writes a bare JFIF header. */
    private byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(limits.jpegQuality());
            if (param instanceof JPEGImageWriteParam jpeg) {
                jpeg.setOptimizeHuffmanTables(true);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private record Warnings(List<String> messages) implements IIOReadWarningListener {
        @Override
        public void warningOccurred(ImageReader source, String warning) {
            messages.add(warning == null ? "" : warning);
        }
    }
}
