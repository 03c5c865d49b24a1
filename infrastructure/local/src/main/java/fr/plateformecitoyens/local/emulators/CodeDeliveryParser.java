package fr.plateformecitoyens.local.emulators;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads cognito-local's console, line by line, and recognises the code deliveries it prints instead of sending
 * e-mails or text messages.
 *
 * <p>cognito-local 5.3.0 ({@code lib/services/messageDelivery/consoleMessageSender.js}) logs each delivery through
 * pino-pretty as a "boxen" box, colour codes aside:
 *
 * <pre>
 * [1796323372445] INFO: 14f665b9 SignUp ╭────────╮ (the box is drawn wider)
 * │                                                       │
 * │   Confirmation Code Delivery                          │
 * │                                                       │
 * │   Username:    d1f27df0-2c9c-4b1e-a147-b80a69c95a87   │
 * │   Destination: jean@example.org                       │
 * │   Code:        371010                                 │
 * │                                                       │
 * ╰────────╯ {"reqId":"14f665b9","target":"SignUp"}
 * </pre>
 *
 * The destination is the user's {@code email} attribute for e-mail deliveries, or {@code phone_number} for SMS.
 * "Email Subject", "Email Message" and "SMS Message" lines follow only when a CustomMessage trigger is configured,
 * and a message may span several lines, so only the first occurrence of each field is kept. Boxen wraps lines
 * wider than the terminal; {@link Emulators} sets {@code COLUMNS} wide enough for that never to happen.
 *
 * <p>Not thread-safe: one parser per output stream.
 */
final class CodeDeliveryParser {

    /** A code that cognito-local would have sent to {@code destination}. */
    record CodeDelivery(String username, String destination, String code) {

        boolean isEmail() {
            return destination.contains("@");
        }
    }

    private static final String TITLE = "Confirmation Code Delivery";
    private static final char BOTTOM_LEFT_CORNER = '╰';
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][A-Za-z ]*):\\s+(.*)$");

    private Map<String, String> fields;

    /** Feeds one line of output (without colour codes); returns the delivery that this line completes, if any. */
    Optional<CodeDelivery> accept(String line) {
        if (line.contains(TITLE)) {
            fields = new LinkedHashMap<>();
            return Optional.empty();
        }
        if (fields == null) {
            return Optional.empty();
        }
        if (line.indexOf(BOTTOM_LEFT_CORNER) >= 0) {
            Map<String, String> complete = fields;
            fields = null;
            String destination = complete.get("Destination");
            String code = complete.get("Code");
            if (destination == null || code == null) {
                return Optional.empty();
            }
            return Optional.of(new CodeDelivery(complete.getOrDefault("Username", ""), destination, code));
        }
        Matcher field = FIELD.matcher(stripBorder(line));
        if (field.matches()) {
            fields.putIfAbsent(field.group(1), field.group(2).strip());
        }
        return Optional.empty();
    }

    /** Removes the box's vertical borders and padding around the content of a line. */
    private static String stripBorder(String line) {
        String content = line.strip();
        if (content.startsWith("│")) {
            content = content.substring(1);
        }
        if (content.endsWith("│")) {
            content = content.substring(0, content.length() - 1);
        }
        return content.strip();
    }
}
