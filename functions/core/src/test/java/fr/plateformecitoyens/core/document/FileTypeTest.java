package fr.plateformecitoyens.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileTypeTest {

    @Test
    void sniff_recognisesEachTypeByItsSignature_notByItsName() {
        assertEquals(Optional.of(FileType.PDF), FileType.sniff("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(FileType.JPEG), FileType.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE1, 0x00)));
        assertEquals(Optional.of(FileType.PNG), FileType.sniff(bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)));
        assertEquals(Optional.of(FileType.WEBP), FileType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), FileType.sniff("<html>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), FileType.sniff(bytes(0xFF, 0xD8)), "too short to tell");
        assertEquals(Optional.empty(), FileType.sniff("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void ofMimeType_ignoresParametersAndCase_andKnowsNoOtherType() {
        assertEquals(Optional.of(FileType.PDF), FileType.ofMimeType("Application/PDF; name=x.pdf"));
        assertEquals(Optional.empty(), FileType.ofMimeType("application/x-msdownload"));
        assertEquals(Optional.empty(), FileType.ofMimeType(null));
    }

    @Test
    void policyLabels_readAsFrench() {
        assertEquals("PDF, JPEG ou PNG", UploadPolicy.DOCUMENTS.acceptedLabel());
        assertEquals("10 Mo", UploadPolicy.DOCUMENTS.maxLabel());
        assertEquals("WebP", new UploadPolicy(EnumSet.of(FileType.WEBP), 500).acceptedLabel());
        assertEquals("1 ko", new UploadPolicy(EnumSet.of(FileType.WEBP), 500).maxLabel());
    }

    @Test
    void cleanName_dropsPathsAndControlCharacters() {
        assertEquals(Optional.of("lettre.pdf"), Uploads.cleanName("C:\\Users\\moi\\lettre.pdf"));
        assertEquals(Optional.of("lettre.pdf"), Uploads.cleanName("../../lettre\r\n.pdf"));
        assertEquals(Optional.empty(), Uploads.cleanName("dossier/"));
        assertEquals(Optional.empty(), Uploads.cleanName(".."));
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
