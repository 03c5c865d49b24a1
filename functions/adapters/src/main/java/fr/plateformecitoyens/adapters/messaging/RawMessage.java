package fr.plateformecitoyens.adapters.messaging;

import fr.plateformecitoyens.core.port.Attachment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole e-mail in MIME (RFC 5322, 2045 to 2047, 2183, 2231), for SES's raw sending, which is the only
 * way to attach files through SES.
 *
 * <p>Its shape is the one mail clients expect for a message with files:
 *
 * <pre>
 * multipart/mixed
 * ├── multipart/alternative
 * │   ├── text/plain; charset=UTF-8
 * │   └── text/html; charset=UTF-8
 * └── one part per attachment (Content-Disposition: attachment)
 * </pre>
 *
 * <p>Every body is base64, in lines of 76 characters; every line ends with CRLF; the whole message is
 * 7-bit ASCII. Non-ASCII header text (the subject, a display name) is written as RFC 2047 encoded words.
 * The boundaries contain '_', which base64 never produces, so no body can contain one. A text/calendar
 * attachment is labelled with its iTIP method (read from its METHOD line, REQUEST when it has none) and
 * its charset, which some clients need to offer "add to calendar".
 */
final class RawMessage {

    private static final String CRLF = "\r\n";
    /** Bytes of UTF-8 per encoded word, so that "Subject: " and one word stay within 78 characters. */
    private static final int WORD_BYTES = 42;
    private static final Pattern METHOD = Pattern.compile("(?m)^METHOD:([A-Za-z-]+)\\r?$");
    private static final Pattern DISPLAY_NAME = Pattern.compile("\\s*\"?([^\"<]*?)\"?\\s*<([^>]+)>\\s*");
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private RawMessage() {
    }

    /** The message as bytes ready for SES, dated {@code date}. */
    static byte[] build(String from, String to, String subject, String text, String html,
            List<Attachment> attachments, Instant date) {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        String mixed = "mixed_" + id;
        String alternative = "alternative_" + id;
        StringBuilder out = new StringBuilder(1024 + text.length() * 2 + html.length() * 2);
        header(out, "From", address(from));
        header(out, "To", address(to));
        header(out, "Subject", encodedWords(subject));
        header(out, "Date", DATE.format(date));
        header(out, "MIME-Version", "1.0");
        header(out, "Content-Type", "multipart/mixed; boundary=\"" + mixed + "\"");
        out.append(CRLF);
        out.append("This is a multi-part message in MIME format.").append(CRLF);

        out.append("--").append(mixed).append(CRLF);
        header(out, "Content-Type", "multipart/alternative; boundary=\"" + alternative + "\"");
        out.append(CRLF);
        out.append("--").append(alternative).append(CRLF);
        part(out, "text/plain; charset=UTF-8", null, crlf(text).getBytes(StandardCharsets.UTF_8));
        out.append("--").append(alternative).append(CRLF);
        part(out, "text/html; charset=UTF-8", null, html.getBytes(StandardCharsets.UTF_8));
        out.append("--").append(alternative).append("--").append(CRLF);

        for (Attachment attachment : attachments) {
            out.append(CRLF).append("--").append(mixed).append(CRLF);
            byte[] content = attachment.content();
            part(out, contentType(attachment.contentType(), attachment.fileName(), content),
                    "attachment; " + fileName("filename", attachment.fileName()), content);
        }
        out.append("--").append(mixed).append("--").append(CRLF);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void header(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append(CRLF);
    }

    private static void part(StringBuilder out, String contentType, String disposition, byte[] content) {
        header(out, "Content-Type", contentType);
        if (disposition != null) {
            header(out, "Content-Disposition", disposition);
        }
        header(out, "Content-Transfer-Encoding", "base64");
        out.append(CRLF);
        if (content.length > 0) {
            out.append(Base64.getMimeEncoder().encodeToString(content)).append(CRLF);
        }
    }

    /**
     * The attachment's Content-Type: the caller's, plus a charset for text, the iTIP method for a
     * calendar, and the file's name (which older clients read from here rather than the disposition).
     */
    static String contentType(String given, String fileName, byte[] content) {
        String type = oneLine(given).strip();
        String base = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        String parameters = type.toLowerCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(type);
        if (base.startsWith("text/") && !parameters.contains("charset=")) {
            result.append("; charset=UTF-8");
        }
        if (base.equals("text/calendar") && !parameters.contains("method=")) {
            Matcher method = METHOD.matcher(new String(content, StandardCharsets.UTF_8));
            result.append("; method=").append(method.find() ? method.group(1).toUpperCase(Locale.ROOT) : "REQUEST");
        }
        return result.append("; ").append(fileName("name", fileName)).toString();
    }

    /**
     * A file name parameter: quoted when it is plain printable ASCII, else in RFC 2231's
     * {@code name*=UTF-8''percent-encoded} form.
     */
    static String fileName(String parameter, String fileName) {
        String name = oneLine(fileName);
        if (name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\')) {
            return parameter + "=\"" + name + "\"";
        }
        StringBuilder encoded = new StringBuilder(parameter).append("*=UTF-8''");
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x7f && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return encoded.toString();
    }

    /**
     * An address header's value: as given when it is ASCII; with its display name encoded when it has a
     * non-ASCII one ({@code Mairie de Sèvres <x@y>}).
     */
    static String address(String address) {
        String value = oneLine(address).strip();
        if (isAscii(value)) {
            return value;
        }
        Matcher named = DISPLAY_NAME.matcher(value);
        if (named.matches() && isAscii(named.group(2))) {
            return encodedWords(named.group(1).strip()) + " <" + named.group(2).strip() + ">";
        }
        return value;
    }

    /**
     * Text as RFC 2047 "B" encoded words of UTF-8, one per folded line, never splitting a character
     * between two words.
     */
    static String encodedWords(String text) {
        String value = oneLine(text);
        if (value.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        while (start < value.length()) {
            int end = start;
            int bytes = 0;
            while (end < value.length()) {
                int codePoint = value.codePointAt(end);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (bytes + size > WORD_BYTES) {
                    break;
                }
                bytes += size;
                end += Character.charCount(codePoint);
            }
            if (out.length() > 0) {
                out.append(CRLF).append(' ');
            }
            byte[] chunk = value.substring(start, end).getBytes(StandardCharsets.UTF_8);
            out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(chunk)).append("?=");
            start = end;
        }
        return out.toString();
    }

    /** Plain text with CRLF line breaks, as MIME's canonical form of text requires. */
    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", CRLF);
    }

    /** A header value can never break the header block: line breaks become spaces. */
    private static String oneLine(String value) {
        return value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    private static boolean isAscii(String value) {
        return value.chars().allMatch(c -> c < 0x80);
    }
}
