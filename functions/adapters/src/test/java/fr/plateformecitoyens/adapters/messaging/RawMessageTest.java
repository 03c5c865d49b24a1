package fr.plateformecitoyens.adapters.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.port.Attachment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RawMessageTest {

    private static final Instant DATE = Instant.parse("2026-01-06T10:15:30Z");
    private static final String ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
            + "SUMMARY:Rendez-vous : État civil\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    /** One MIME entity read back: its headers, unfolded, by lower-case name, and its raw body. */
    record Entity(Map<String, String> headers, String body) {

        static Entity parse(String raw) {
            int blank = raw.indexOf("\r\n\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : raw.substring(0, blank).replace("\r\n ", " ").split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).toLowerCase(), line.substring(colon + 1).strip());
            }
            return new Entity(headers, raw.substring(blank + 4));
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String boundary() {
            Matcher m = Pattern.compile("boundary=\"([^\"]+)\"").matcher(header("Content-Type"));
            assertTrue(m.find(), header("Content-Type"));
            return m.group(1);
        }

        /** The parts of a multipart entity, between its boundaries. */
        List<Entity> parts() {
            String delimiter = "\r\n--" + boundary();
            String[] pieces = ("\r\n" + body).split(Pattern.quote(delimiter));
            assertTrue(pieces[pieces.length - 1].startsWith("--"), "closing delimiter");
            List<Entity> parts = new ArrayList<>();
            for (String piece : Arrays.copyOfRange(pieces, 1, pieces.length - 1)) {
                parts.add(parse(piece.substring(2)));
            }
            return parts;
        }

        byte[] decoded() {
            assertEquals("base64", header("Content-Transfer-Encoding"));
            return Base64.getMimeDecoder().decode(body.strip());
        }
    }

    private static String decodeWords(String value) {
        Matcher word = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=").matcher(value);
        StringBuilder text = new StringBuilder();
        while (word.find()) {
            text.append(new String(Base64.getDecoder().decode(word.group(1)), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static String build(String subject, String text, List<Attachment> attachments) {
        byte[] raw = RawMessage.build("Mairie de Sèvres <ne-pas-repondre@example.org>", "camille@example.org",
                subject, text, "<p>Bonjour</p>", attachments, DATE);
        for (byte b : raw) {
            assertTrue(b >= 0, "7-bit ASCII only");
        }
        return new String(raw, StandardCharsets.US_ASCII);
    }

    @Test
    void messageWithAnInvitation_isMixedAlternativeThenTheAttachment() {
        String raw = build("Votre rendez-vous est confirmé", "Bonjour,\n\nÀ bientôt.",
                List.of(new Attachment("rendez-vous.ics", "text/calendar", ICS.getBytes(StandardCharsets.UTF_8))));

        Entity message = Entity.parse(raw);
        assertEquals("1.0", message.header("MIME-Version"));
        assertEquals("Tue, 6 Jan 2026 10:15:30 GMT", message.header("Date"));
        assertEquals("camille@example.org", message.header("To"));
        assertTrue(message.header("From").endsWith(" <ne-pas-repondre@example.org>"));
        assertEquals("Mairie de Sèvres", decodeWords(message.header("From")));
        assertEquals("Votre rendez-vous est confirmé", decodeWords(message.header("Subject")));
        assertTrue(message.header("Content-Type").startsWith("multipart/mixed;"));
        List<Entity> parts = message.parts();
        assertEquals(2, parts.size());

        Entity alternative = parts.get(0);
        assertTrue(alternative.header("Content-Type").startsWith("multipart/alternative;"));
        List<Entity> bodies = alternative.parts();
        assertEquals(2, bodies.size());
        assertEquals("text/plain; charset=UTF-8", bodies.get(0).header("Content-Type"));
        assertEquals("Bonjour,\r\n\r\nÀ bientôt.", new String(bodies.get(0).decoded(), StandardCharsets.UTF_8));
        assertEquals("text/html; charset=UTF-8", bodies.get(1).header("Content-Type"));
        assertEquals("<p>Bonjour</p>", new String(bodies.get(1).decoded(), StandardCharsets.UTF_8));

        Entity invitation = parts.get(1);
        assertEquals("text/calendar; charset=UTF-8; method=REQUEST; name=\"rendez-vous.ics\"",
                invitation.header("Content-Type"));
        assertEquals("attachment; filename=\"rendez-vous.ics\"", invitation.header("Content-Disposition"));
        assertArrayEquals(ICS.getBytes(StandardCharsets.UTF_8), invitation.decoded());
    }

    @Test
    void everyLine_endsWithCrlf_andBase64LinesFitIn76Characters() {
        byte[] large = new byte[10_000];
        new java.util.Random(7).nextBytes(large);

        String raw = build("Sujet", "é".repeat(500), List.of(new Attachment("plan.pdf", "application/pdf", large)));

        assertFalse(raw.replace("\r\n", "").contains("\n"), "bare line feed");
        assertFalse(raw.replace("\r\n", "").contains("\r"), "bare carriage return");
        assertTrue(raw.endsWith("--\r\n"));
        String body = raw.substring(raw.indexOf("\r\n\r\n"));
        for (String line : body.split("\r\n")) {
            assertTrue(line.length() <= 76, line);
        }
        Entity pdf = Entity.parse(raw).parts().get(1);
        assertEquals("application/pdf; name=\"plan.pdf\"", pdf.header("Content-Type"));
        assertArrayEquals(large, pdf.decoded());
    }

    @Test
    void cancellation_isLabelledWithTheMethodOfItsCalendar() {
        byte[] cancel = ICS.replace("METHOD:REQUEST", "METHOD:CANCEL").getBytes(StandardCharsets.UTF_8);

        String type = RawMessage.contentType("text/calendar", "annulation.ics", cancel);

        assertEquals("text/calendar; charset=UTF-8; method=CANCEL; name=\"annulation.ics\"", type);
    }

    @Test
    void givenParameters_areKept() {
        String type = RawMessage.contentType("text/calendar; charset=utf-8; method=PUBLISH", "a.ics", new byte[0]);

        assertEquals("text/calendar; charset=utf-8; method=PUBLISH; name=\"a.ics\"", type);
    }

    @Test
    void longSubject_isFoldedIntoWordsThatNeverSplitACharacter() {
        String subject = "Réservation de la salle « Maison des associations » : confirmée 📅 ".repeat(4).strip();

        Entity message = Entity.parse(build(subject, "texte", List.of()));

        assertEquals(subject, decodeWords(message.header("Subject")));
        String raw = build(subject, "texte", List.of());
        for (String line : raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n")) {
            assertTrue(line.length() <= 78, line);
        }
    }

    @Test
    void lineBreaksInHeaderValues_cannotAddAHeader() {
        String raw = build("Objet\r\nBcc: intrus@example.org", "texte", List.of());

        Entity message = Entity.parse(raw);
        assertFalse(message.headers().containsKey("bcc"));
        assertEquals("Objet Bcc: intrus@example.org", decodeWords(message.header("Subject")));
    }

    @Test
    void nonAsciiFileName_usesRfc2231() {
        assertEquals("filename*=UTF-8''r%C3%A9servation%20salle.ics",
                RawMessage.fileName("filename", "réservation salle.ics"));
        assertEquals("filename=\"reservation.ics\"", RawMessage.fileName("filename", "reservation.ics"));
    }

    @Test
    void asciiAddress_isLeftAsGiven() {
        assertEquals("Plateforme <a@example.org>", RawMessage.address("Plateforme <a@example.org>"));
        assertEquals("a@example.org", RawMessage.address(" a@example.org\r\n"));
    }
}
