package fr.plateformecitoyens.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Photos made in the test, as a phone would send them: a JPEG with an EXIF block (orientation, GPS position),
 * an XMP packet and a comment; and the hostile files the processing must refuse.
 */
public final class Fixtures {

    /** The comment and XMP text written into {@link #phoneJpeg}: none of it may come out. */
    public static final String COMMENT = "Pris au 12 rue des Lilas";
    public static final String XMP_CREATOR = "Camille Martin";

    private Fixtures() {
    }

    /** A landscape image whose left half is red and right half blue, so that a rotation shows. */
    public static BufferedImage halves(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /**
     * A camera-like picture: gradients with noise, which compresses as a real photo does (a flat image would
     * make a JPEG of a few kilobytes and flatter every figure).
     */
    public static BufferedImage photoLike(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(255 * x / width + random.nextInt(41) - 20);
                int gr = clamp(255 * y / height + random.nextInt(41) - 20);
                int b = clamp(128 + (int) (100 * Math.sin((x + y) / 40.0)) + random.nextInt(41) - 20);
                row[x] = r << 16 | gr << 8 | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    public static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The JPEG of {@code image} with, right after its start marker, an EXIF APP1 segment (the orientation and a
     * GPS position in Paris), an XMP APP1 segment naming a creator, and a comment segment.
     */
    public static byte[] phoneJpeg(BufferedImage image, int orientation) {
        byte[] plain = jpeg(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff(orientation)));
        String xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-"
                + "syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator><rdf:Seq>"
                + "<rdf:li>" + XMP_CREATOR + "</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF>"
                + "</x:xmpmeta>";
        segment(out, 0xE1, concat("http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1),
                xmp.getBytes(StandardCharsets.UTF_8)));
        segment(out, 0xFE, COMMENT.getBytes(StandardCharsets.ISO_8859_1));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A TIFF block (big-endian) with IFD0 holding the orientation and a pointer to a GPS IFD. */
    static byte[] tiff(int orientation) {
        ByteBuffer b = ByteBuffer.allocate(140);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        b.putShort((short) 2);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        b.putInt(0);
        b.putShort((short) 4);
        b.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        b.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
        b.putShort((short) 3).putShort((short) 2).putInt(2).put((byte) 'E').put((byte) 0).putShort((short) 0);
        b.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
        b.putInt(0);
        b.putInt(48).putInt(1).putInt(51).putInt(1).putInt(2400).putInt(100);
        b.putInt(2).putInt(1).putInt(21).putInt(1).putInt(300).putInt(100);
        return b.array();
    }

    /** The PNG of {@code image} with an eXIf chunk (after IHDR) holding the orientation and a GPS position. */
    public static byte[] pngWithExif(BufferedImage image, int orientation) {
        byte[] plain = png(image);
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        byte[] tiff = tiff(orientation);
        ByteBuffer chunk = ByteBuffer.allocate(4 + 4 + tiff.length + 4);
        CRC32 crc = new CRC32();
        byte[] type = "eXIf".getBytes(StandardCharsets.US_ASCII);
        crc.update(type);
        crc.update(tiff);
        chunk.putInt(tiff.length).put(type).put(tiff).putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, afterHeader);
        out.write(chunk.array(), 0, chunk.capacity());
        out.write(plain, afterHeader, plain.length - afterHeader);
        return out.toByteArray();
    }

    /** The signature and IHDR chunk of a PNG declaring these dimensions, and no pixel data at all. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }

    /** The first {@code fraction} of the file, as an upload cut off mid-way leaves it. */
    public static byte[] truncated(byte[] file, double fraction) {
        return Arrays.copyOf(file, (int) (file.length * fraction));
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        int length = payload.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(payload, 0, payload.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
