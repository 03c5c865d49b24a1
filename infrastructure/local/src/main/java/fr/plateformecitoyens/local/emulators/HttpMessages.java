package fr.plateformecitoyens.local.emulators;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 messages off a stream and copies them to another one exactly as they came: the head, then a
 * body delimited by its {@code Content-Length} or its chunked encoding (chunk sizes, extensions and trailers
 * included). Nothing is decoded on the way, so signatures over the request still hold.
 */
final class HttpMessages {

    private static final int MAX_HEAD = 64 * 1024;

    /**
     * The head of a message.
     *
     * @param bytes     the head as received, up to and including the empty line
     * @param startLine the request line or status line
     * @param headers   the headers by lower-case name (the last value when repeated)
     */
    record Head(byte[] bytes, String startLine, Map<String, String> headers) {

        boolean chunked() {
            return headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked");
        }

        long contentLength() {
            String value = headers.get("content-length");
            return value == null ? -1 : Long.parseLong(value.trim());
        }

        /** The status code of a response's head. */
        int status() {
            String[] parts = startLine.split(" ", 3);
            return Integer.parseInt(parts[1]);
        }
    }

    private HttpMessages() {
    }

    /** The next head, or {@code null} when the stream ends between two messages. */
    static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        int last = 0;
        while (last != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of a message head");
            }
            if (head.size() == 0 && (b == '\r' || b == '\n')) {
                continue;
            }
            head.write(b);
            last = last << 8 | b;
            if (head.size() > MAX_HEAD) {
                throw new IOException("message head over " + MAX_HEAD + " bytes");
            }
        }
        byte[] bytes = head.toByteArray();
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Head(bytes, lines[0], headers);
    }

    /** Copies the body that follows {@code head}; {@code false} when it runs until the connection closes. */
    static boolean copyBody(Head head, InputStream in, OutputStream out, boolean isResponse) throws IOException {
        if (head.chunked()) {
            copyChunked(in, out);
            return true;
        }
        long length = head.contentLength();
        if (length >= 0) {
            copyFixed(in, out, length);
            return true;
        }
        if (!isResponse) {
            return true;
        }
        in.transferTo(out);
        return false;
    }

    private static void copyFixed(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("connection closed with " + left + " bytes of the body still to come");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = copyLine(in, out);
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                while (!copyLine(in, out).isEmpty()) {
                    // trailers, copied as they are
                }
                return;
            }
            copyFixed(in, out, size + 2);
        }
    }

    /** Copies one line with its CRLF; returns it without. */
    private static String copyLine(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(32);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed inside a chunked body");
            }
            out.write(b);
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            previous = b;
        }
    }
}
