package fr.plateformecitoyens.adapters.pdf;

import fr.plateformecitoyens.core.legal.LegalDocument;
import fr.plateformecitoyens.core.port.DocumentRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Renders a {@link LegalDocument} as an A4 PDF with Apache PDFBox, in Helvetica, one of the standard 14 fonts
 * every PDF reader has: nothing is embedded and nothing is fetched. Their WinAnsi encoding covers French
 * (accents, ç, œ, « », ’); any other character is written without its accent, or as « ? »
 * (see {@link PdfText}).
 *
 * <p>The output depends on the document only: the creation date is the document's issue time and the file
 * identifier is a digest of its reference and kind, where PDFBox would otherwise use the clock.
 */
public final class PdfRenderer implements DocumentRenderer {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float BODY = 10.5f;
    private static final float LEADING = 14.5f;
    private static final float HEADING = 12;
    private static final float TITLE = 18;

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PdfText text = new PdfText(regular);

    /** One document at a time: PDFBox's font objects, shared by the renders of this instance, keep caches. */
    @Override
    public synchronized byte[] render(LegalDocument document) {
        try (PDDocument pdf = new PDDocument()) {
            Writer writer = new Writer(pdf);
            writer.line(bold, 9, text.safe(document.issuer()), 0);
            writer.gap(18);
            writer.line(bold, TITLE, text.safe(document.title()), 0);
            writer.gap(6);
            for (LegalDocument.Section section : document.sections()) {
                writer.gap(8);
                if (section.heading() != null) {
                    writer.keepWithNext(HEADING + 2 * LEADING);
                    writer.line(bold, HEADING, text.safe(section.heading()), 0);
                    writer.gap(2);
                }
                for (String paragraph : section.paragraphs()) {
                    for (String part : paragraph.split("\\R")) {
                        boolean item = part.startsWith("- ");
                        for (String line : wrap(text.safe(part), item ? WIDTH - 12 : WIDTH)) {
                            writer.line(regular, BODY, line, item && !line.startsWith("- ") ? 9 : 0);
                        }
                    }
                    writer.gap(3);
                }
            }
            writer.finish(text.safe(document.footer() == null ? "" : document.footer()),
                    text.safe("Référence " + document.reference()));
            describe(pdf, document);
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render " + document.kind() + " " + document.reference(), e);
        }
    }

    /** Title, language, dates and a stable identifier, so that a reader announces the document properly. */
    private static void describe(PDDocument pdf, LegalDocument document) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(document.title() + " " + document.reference());
        info.setAuthor(document.issuer());
        info.setCreator("Plateforme Citoyens");
        Calendar issued = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        issued.setTimeInMillis(document.issuedAt().toEpochMilli());
        info.setCreationDate(issued);
        info.setModificationDate(issued);
        pdf.getDocumentCatalog().setLanguage("fr-FR");
        PDViewerPreferences preferences = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        preferences.setDisplayDocTitle(true);
        pdf.getDocumentCatalog().setViewerPreferences(preferences);
        byte[] id = Arrays.copyOf(sha256(document.kind().name() + "|" + document.reference()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** Greedy line breaking on spaces, measured in the regular font; a word wider than a line is cut. */
    List<String> wrap(String paragraph, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" +")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (text.width(candidate, BODY) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (text.width(rest, BODY) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && text.width(rest.substring(0, cut), BODY) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Writes lines top to bottom, starting a new page when one is full, and numbers the pages at the end. */
    private final class Writer {
        private final PDDocument pdf;
        private final List<PDPage> pages = new ArrayList<>();
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument pdf) throws IOException {
            this.pdf = pdf;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            pages.add(page);
            stream = new PDPageContentStream(pdf, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        /** Starts a new page unless {@code height} more points fit on this one. */
        void keepWithNext(float height) throws IOException {
            if (y - height < MARGIN + 30) {
                newPage();
            }
        }

        void line(PDType1Font font, float size, String value, float indent) throws IOException {
            float height = size >= HEADING ? size * 1.3f : LEADING;
            if (y - height < MARGIN + 30) {
                newPage();
            }
            y -= height;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN + indent, y);
            stream.showText(value);
            stream.endText();
        }

        void finish(String footer, String reference) throws IOException {
            stream.close();
            int count = pages.size();
            for (int i = 0; i < count; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(pdf, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    float at = MARGIN - 16;
                    List<String> lines = i == count - 1 ? wrapSmall(footer) : List.of();
                    for (int l = 0; l < lines.size(); l++) {
                        text(foot, lines.get(l), MARGIN, at + 10 * (lines.size() - l));
                    }
                    text(foot, reference + " - page " + (i + 1) + " sur " + count, MARGIN, at);
                }
            }
        }

        private List<String> wrapSmall(String footer) {
            if (footer.isEmpty()) {
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : footer.split(" +")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (text.width(candidate, 8) > WIDTH && line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        private void text(PDPageContentStream foot, String value, float x, float at) throws IOException {
            foot.beginText();
            foot.setFont(regular, 8);
            foot.newLineAtOffset(x, at);
            foot.showText(value);
            foot.endText();
        }
    }
}
