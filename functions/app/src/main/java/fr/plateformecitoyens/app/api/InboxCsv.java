package fr.plateformecitoyens.app.api;

import fr.plateformecitoyens.core.inbox.InboxEntry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An inbox view as CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark and {@code ;} between
 * fields, which is what Excel set to French expects (it takes {@code ,} as the decimal mark); CRLF line
 * ends; a field holding {@code ;}, a quote or a line break is quoted, its quotes doubled. A field that a
 * spreadsheet would take for a formula ({@code = + - @} first) gets a leading apostrophe. Dates are in
 * Europe/Paris.
 */
final class InboxCsv {

    static final String BOM = "\uFEFF";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(PARIS);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final List<String> HEADER = List.of("Référence", "Démarche", "Statut", "Canal", "Reçue le",
            "Décision implicite le", "Usager", "Agent attribué", "Service");

    private final StringBuilder out = new StringBuilder(BOM);

    InboxCsv() {
        row(HEADER);
    }

    InboxCsv add(InboxEntry e) {
        row(List.of(e.reference(), e.procedureTitle(), e.status().label(), channel(e.channel().code()),
                DATE_TIME.format(e.receivedAt()), e.implicitDecisionDate().map(DATE::format).orElse(""),
                e.citizenName(), e.assigneeId().orElse(""), e.serviceId()));
        return this;
    }

    String text() {
        return out.toString();
    }

    private void row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String raw) {
        String value = raw == null ? "" : raw;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(';') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static String channel(String code) {
        return switch (code) {
            case "web" -> "En ligne";
            case "counter" -> "Guichet";
            case "phone" -> "Téléphone";
            case "post" -> "Courrier";
            default -> code;
        };
    }

    static String fileName(String tenantId, String serviceLabel, LocalDate today) {
        return "demandes-" + tenantId + (serviceLabel == null ? "" : "-" + serviceLabel) + "-" + today + ".csv";
    }
}
