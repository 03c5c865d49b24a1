package fr.plateformecitoyens.adapters.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * Text made safe for a standard 14 font with WinAnsi encoding: each character the font can encode is kept;
 * spaces of every kind become a plain space; other characters lose their accent (ł stays l, ő becomes o), and
 * what is left without an encodable form becomes « ? ». Control characters are dropped.
 */
final class PdfText {

    private final PDType1Font font;
    private final Map<Integer, String> cache = new ConcurrentHashMap<>();

    PdfText(PDType1Font font) {
        this.font = font;
    }

    String safe(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.append(cache.computeIfAbsent(c, this::map)));
        return out.toString();
    }

    float width(String value, float size) {
        try {
            return font.getStringWidth(value) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String map(int c) {
        if (Character.isSpaceChar(c) || c == '\t') {
            return " ";
        }
        if (Character.isISOControl(c)) {
            return "";
        }
        String single = new String(Character.toChars(c));
        if (encodable(single)) {
            return single;
        }
        String bare = Normalizer.normalize(single, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        if (bare.equals("ł")) {
            bare = "l";
        } else if (bare.equals("Ł")) {
            bare = "L";
        }
        return !bare.isEmpty() && !bare.equals(single) && encodable(bare) ? bare : "?";
    }

    private boolean encodable(String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
