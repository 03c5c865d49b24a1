package fr.plateformecitoyens.local.inbox;

import static fr.plateformecitoyens.local.inbox.InboxFixtures.COMMUNE;
import static fr.plateformecitoyens.local.inbox.InboxViewsTest.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.local.inbox.InboxFixtures.Builder;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class InboxExportTest {

    @Test
    void export_isSemicolonCsvWithBom_quotingWhatNeedsIt_inParisTime(Api api) {
        String procedure = InboxFixtures.freshProcedure();
        CitizenRequest plain = new Builder(procedure).receivedAt(Instant.parse("2026-07-14T08:30:00Z"))
                .due(InboxFixtures.today().plusDays(5)).store(api);
        CitizenRequest tricky = new Builder(procedure).familyName("Dupont; \"dit Dudu\"")
                .receivedAt(Instant.parse("2026-07-15T08:30:00Z")).channel(Channel.PHONE).store(api);
        CitizenRequest formula = new Builder(procedure).givenName("=HYPERLINK(\"x\")")
                .receivedAt(Instant.parse("2026-07-16T08:30:00Z")).store(api);

        HttpResponse<byte[]> reply = bytes(api, COMMUNE + "/inbox/export?procedure=" + procedure, agent(api));

        assertEquals(200, reply.statusCode());
        assertTrue(reply.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(reply.headers().firstValue("content-disposition").orElse("").contains("attachment"));
        byte[] body = reply.body();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(body[0], body[1], body[2]), "UTF-8 BOM");
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"));
        List<List<String>> rows = parse(text);
        assertEquals(4, rows.size(), text);
        assertEquals("Référence", rows.get(0).get(0));
        assertEquals(List.of(plain.reference(), tricky.reference(), formula.reference()),
                List.of(rows.get(1).get(0), rows.get(2).get(0), rows.get(3).get(0)));
        assertEquals("14/07/2026 10:30", rows.get(1).get(4), "summer time in Paris");
        assertEquals(InboxFixtures.today().plusDays(5).format(java.time.format.DateTimeFormatter
                .ofPattern("dd/MM/yyyy")), rows.get(1).get(5));
        assertEquals("Camille Dupont; \"dit Dudu\"", rows.get(2).get(6));
        assertEquals("Téléphone", rows.get(2).get(3));
        assertEquals("'=HYPERLINK(\"x\") Essai", rows.get(3).get(6), "a spreadsheet must not take it for a formula");
        assertEquals(9, rows.get(2).size());
    }

    private static HttpResponse<byte[]> bytes(Api api, String path, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(api.builder(path, token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180 with ';' between fields. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
