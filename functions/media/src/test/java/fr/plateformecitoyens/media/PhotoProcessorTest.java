package fr.plateformecitoyens.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.file.FileTypeDirectory;
import com.drew.metadata.jfif.JfifDirectory;
import com.drew.metadata.jpeg.HuffmanTablesDirectory;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PhotoProcessorTest {

    private final PhotoProcessor processor = new PhotoProcessor();

    @Test
    void fixture_carriesExifGpsXmpAndComment_asAPhoneWrites_soThatTheirAbsenceLaterMeansSomething() throws Exception {
        Metadata metadata = read(Fixtures.phoneJpeg(Fixtures.halves(400, 200), 6));

        assertEquals(6, metadata.getFirstDirectoryOfType(ExifIFD0Directory.class)
                .getInt(ExifIFD0Directory.TAG_ORIENTATION));
        assertEquals(48.856667, metadata.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude(),
                1e-5);
        assertTrue(metadata.getFirstDirectoryOfType(XmpDirectory.class).getXmpProperties().toString()
                .contains(Fixtures.XMP_CREATOR));
        assertTrue(text(metadata).contains(Fixtures.COMMENT));
    }

    @Test
    void phoneJpeg_comesOutWithoutAnyMetadata_exifGpsXmpCommentIccAllGone() throws Exception {
        ProcessedPhoto photo = processor.process(Fixtures.phoneJpeg(Fixtures.halves(400, 200), 6));

        for (byte[] image : List.of(photo.web(), photo.thumbnail())) {
            Metadata metadata = read(image);
            List<String> kinds = new ArrayList<>();
            for (Directory directory : metadata.getDirectories()) {
                kinds.add(directory.getName());
            }
            // What any baseline JPEG has: its frame, Huffman tables, a bare JFIF header and the file type.
            Set<Class<?>> structural = Set.of(JpegDirectory.class, HuffmanTablesDirectory.class,
                    JfifDirectory.class, FileTypeDirectory.class);
            for (Directory directory : metadata.getDirectories()) {
                assertTrue(structural.contains(directory.getClass()), "unexpected " + kinds);
            }
            String bytes = new String(image, StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("Exif"));
            assertFalse(bytes.contains("http://ns.adobe.com/xap"));
            assertFalse(bytes.contains(Fixtures.XMP_CREATOR));
            assertFalse(bytes.contains(Fixtures.COMMENT));
            assertFalse(bytes.contains("ICC_PROFILE"));
        }
    }

    @Test
    void orientation6_turnsTheStoredPixelsAQuarterClockwise_theLeftHalfBecomesTheTop() throws Exception {
        ProcessedPhoto photo = processor.process(Fixtures.phoneJpeg(Fixtures.halves(400, 200), 6));

        assertEquals(200, photo.width());
        assertEquals(400, photo.height());
        BufferedImage web = ImageIO.read(new ByteArrayInputStream(photo.web()));
        assertEquals(200, web.getWidth());
        assertEquals(400, web.getHeight());
        assertColour(Color.RED, web.getRGB(100, 20));
        assertColour(Color.BLUE, web.getRGB(100, 380));
    }

    @Test
    void orientation8_turnsAQuarterAnticlockwise_theLeftHalfBecomesTheBottom() throws Exception {
        ProcessedPhoto photo = processor.process(Fixtures.phoneJpeg(Fixtures.halves(400, 200), 8));

        BufferedImage web = ImageIO.read(new ByteArrayInputStream(photo.web()));
        assertEquals(200, web.getWidth());
        assertColour(Color.BLUE, web.getRGB(100, 20));
        assertColour(Color.RED, web.getRGB(100, 380));
    }

    @Test
    void withoutOrientation_theImageStaysAsStored() throws Exception {
        ProcessedPhoto photo = processor.process(Fixtures.jpeg(Fixtures.halves(400, 200)));

        BufferedImage web = ImageIO.read(new ByteArrayInputStream(photo.web()));
        assertEquals(400, web.getWidth());
        assertColour(Color.RED, web.getRGB(20, 100));
        assertColour(Color.BLUE, web.getRGB(380, 100));
    }

    @Test
    void largeJpeg_isShrunkTo1600WebAnd320Thumbnail_keepingItsProportions() throws Exception {
        byte[] large = Fixtures.phoneJpeg(Fixtures.photoLike(4000, 3000, 1), 1);

        ProcessedPhoto photo = processor.process(large);

        assertEquals(1600, photo.width());
        assertEquals(1200, photo.height());
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(photo.thumbnail()));
        assertEquals(320, thumbnail.getWidth());
        assertEquals(240, thumbnail.getHeight());
        assertEquals(ImageType.JPEG, photo.sourceType());
    }

    @Test
    void transparentPng_isAccepted_andItsTransparentAreasBecomeWhite() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xFF00FF00);

        ProcessedPhoto photo = processor.process(Fixtures.png(image));

        BufferedImage web = ImageIO.read(new ByteArrayInputStream(photo.web()));
        assertEquals(ImageType.PNG, photo.sourceType());
        assertEquals(64, photo.width());
        assertColour(Color.WHITE, web.getRGB(40, 30));
    }

    @Test
    void webpLossyAndLossless_areRead() throws Exception {
        for (String name : List.of("halves-lossy.webp", "halves-lossless.webp")) {
            byte[] webp;
            try (var in = PhotoProcessorTest.class.getResourceAsStream("/photos/" + name)) {
                webp = in.readAllBytes();
            }

            ProcessedPhoto photo = processor.process(webp);

            assertEquals(ImageType.WEBP, photo.sourceType(), name);
            assertEquals(96, photo.width(), name);
            assertEquals(64, photo.height(), name);
            BufferedImage web = ImageIO.read(new ByteArrayInputStream(photo.web()));
            assertColour(Color.RED, web.getRGB(10, 32));
            assertColour(Color.BLUE, web.getRGB(86, 32));
        }
    }

    @Test
    void pngWithExifOrientation6_isTurned_andLosesItsExif() throws Exception {
        byte[] png = Fixtures.pngWithExif(Fixtures.halves(400, 200), 6);
        assertEquals(6, read(png).getFirstDirectoryOfType(ExifIFD0Directory.class)
                .getInt(ExifIFD0Directory.TAG_ORIENTATION));

        ProcessedPhoto photo = processor.process(png);

        BufferedImage web = ImageIO.read(new ByteArrayInputStream(photo.web()));
        assertEquals(200, web.getWidth());
        assertColour(Color.RED, web.getRGB(100, 20));
        assertNull(read(photo.web()).getFirstDirectoryOfType(GpsDirectory.class));
    }

    @Test
    void pngDeclaring20000By20000_isRefusedFromItsHeader_withoutDecodingAnything() {
        byte[] bomb = Fixtures.pngHeaderOnly(20_000, 20_000);

        PhotoRefused refused = assertThrows(PhotoRefused.class, () -> processor.process(bomb));

        assertEquals("Cette image est trop grande (40 mégapixels au plus).", refused.reason());
    }

    @Test
    void textFileNamedPhotoJpg_isRefusedAsNotAnImage() {
        byte[] text = "Bonjour, voici la photo du nid-de-poule.".getBytes(StandardCharsets.UTF_8);

        PhotoRefused refused = assertThrows(PhotoRefused.class, () -> processor.process(text));

        assertEquals("Ce fichier n'est pas une image JPEG, PNG ou WebP.", refused.reason());
    }

    @Test
    void gifOrPdf_isRefusedAsNotAnImage_whateverItsName() {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(PhotoRefused.NOT_AN_IMAGE, assertThrows(PhotoRefused.class, () -> processor.process(gif))
                .reason());
        assertEquals(PhotoRefused.NOT_AN_IMAGE, assertThrows(PhotoRefused.class, () -> processor.process(pdf))
                .reason());
    }

    @Test
    void truncatedJpeg_isRefusedAsIncompleteOrDamaged() {
        byte[] cut = Fixtures.truncated(Fixtures.jpeg(Fixtures.photoLike(800, 600, 2)), 0.6);

        PhotoRefused refused = assertThrows(PhotoRefused.class, () -> processor.process(cut));

        assertEquals("Ce fichier est incomplet ou endommagé.", refused.reason());
    }

    @Test
    void truncatedPng_isRefusedAsIncompleteOrDamaged() {
        byte[] cut = Fixtures.truncated(Fixtures.png(Fixtures.photoLike(300, 200, 3)), 0.5);

        PhotoRefused refused = assertThrows(PhotoRefused.class, () -> processor.process(cut));

        assertEquals(PhotoRefused.DAMAGED, refused.reason());
    }

    @Test
    void jpegWithOnlyItsFirstBytes_isRefusedAsDamaged() {
        byte[] start = Fixtures.truncated(Fixtures.jpeg(Fixtures.halves(40, 20)), 0.05);

        assertEquals(PhotoRefused.DAMAGED, assertThrows(PhotoRefused.class, () -> processor.process(start))
                .reason());
    }

    @Test
    void emptyAndOversizedFiles_areRefusedWithTheirOwnReason() {
        PhotoProcessor small = new PhotoProcessor(new PhotoLimits(1024 * 1024, 40_000_000L, 1600, 320, 0.85f));
        byte[] big = new byte[1024 * 1024 + 1];
        big[0] = (byte) 0xFF;

        assertEquals("Ce fichier est vide.", assertThrows(PhotoRefused.class, () -> small.process(new byte[0]))
                .reason());
        assertEquals("Ce fichier est trop lourd (1 Mo au plus).",
                assertThrows(PhotoRefused.class, () -> small.process(big)).reason());
    }

    @Test
    void sizeKnownBeforeReading_isCheckedAgainstTheSameLimit() throws Exception {
        processor.checkSize(25L * 1024 * 1024);

        assertEquals("Ce fichier est trop lourd (25 Mo au plus).",
                assertThrows(PhotoRefused.class, () -> processor.checkSize(25L * 1024 * 1024 + 1)).reason());
    }

    @Test
    void magicBytes_decideTheType() {
        assertEquals(ImageType.JPEG, ImageType.detect(Fixtures.jpeg(Fixtures.halves(8, 8))).orElseThrow());
        assertEquals(ImageType.PNG, ImageType.detect(Fixtures.pngHeaderOnly(1, 1)).orElseThrow());
        assertEquals(ImageType.WEBP, ImageType.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))
                .orElseThrow());
        assertTrue(ImageType.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).isEmpty());
        assertTrue(ImageType.detect(new byte[] {(byte) 0xFF}).isEmpty());
    }

    @Test
    void processedPhoto_keepsItsOwnCopyOfTheBytes() throws Exception {
        ProcessedPhoto photo = processor.process(Fixtures.jpeg(Fixtures.halves(40, 20)));
        byte[] web = photo.web();

        web[10] = 42;

        assertArrayEquals(photo.web(), processor.process(Fixtures.jpeg(Fixtures.halves(40, 20))).web());
        assertNull(read(photo.web()).getFirstDirectoryOfType(ExifIFD0Directory.class));
    }

    static Metadata read(byte[] image) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(image), image.length);
    }

    private static String text(Metadata metadata) {
        StringBuilder all = new StringBuilder();
        metadata.getDirectories().forEach(d -> d.getTags().forEach(t -> all.append(t.getDescription()).append('\n')));
        metadata.getDirectories().forEach(d -> all.append(d.getName()).append('\n'));
        return all.toString();
    }

    private static void assertColour(Color expected, int rgb) {
        Color actual = new Color(rgb);
        int distance = Math.abs(actual.getRed() - expected.getRed()) + Math.abs(actual.getGreen() - expected.getGreen())
                + Math.abs(actual.getBlue() - expected.getBlue());
        assertTrue(distance < 60, "expected " + expected + ", got " + actual);
    }
}
