package fr.plateformecitoyens.local.booking;

import static fr.plateformecitoyens.local.booking.BookingFixtures.COMMUNE;
import static fr.plateformecitoyens.local.booking.BookingFixtures.appointment;
import static fr.plateformecitoyens.local.booking.BookingFixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The booking e-mails through the whole local cloud: the API publishes the event, the queue worker runs
 * the notification function, which sends a raw MIME message with the .ics through the SES emulator.
 * The emulator (aws-ses-v2-local) parses raw messages with mailparser and lists their attachments in
 * {@code GET /store} as {@code {filename, contentType, contentDisposition, content (base64), size}}.
 */
@ExtendWith(LocalCloudExtension.class)
class BookingEmailsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void bookingThenCancelling_mailsAnInvitationThenItsCancellation_withTheSameUid(Api api) throws Exception {
        String sub = "citoyen-" + UUID.randomUUID();
        String email = sub + "@example.org";
        String token = Tokens.citizen(api.cloud().stack().issuer(), api.cloud().stack().userPoolClientId(), sub);
        LocalDate day = BookingFixtures.freshWorkingDay();

        Api.Reply booked = api.post(COMMUNE + "/appointments", token,
                appointment("passeports-cni", "depot-cni", at(day, "10:00")));
        assertEquals(201, booked.status(), booked.raw().body());
        String id = booked.json().path("id").asText();

        JsonNode confirmed = mailTo(api, email, "Rendez-vous confirmé");
        assertTrue(confirmed.path("body").path("text").asText().contains("Numéro de réservation : " + id));
        JsonNode invitation = confirmed.path("attachments").get(0);
        assertEquals("rendez-vous.ics", invitation.path("filename").asText());
        assertEquals("text/calendar", invitation.path("contentType").asText());
        assertEquals("attachment", invitation.path("contentDisposition").asText());
        String request = ics(invitation);
        assertTrue(request.contains("METHOD:REQUEST\r\n"), request);
        assertTrue(request.contains("UID:" + id + "@plateforme-citoyens.fr\r\n"), request);
        String date = day.toString().replace("-", "");
        assertTrue(request.contains("DTSTART;TZID=Europe/Paris:" + date + "T100000\r\n"), request);
        assertTrue(request.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"), request);

        Api.Reply cancelled = api.send(api.builder("/api/v1/me/appointments/" + id, token).DELETE().build());
        assertTrue(cancelled.status() < 300, cancelled.raw().body());

        JsonNode cancellation = mailTo(api, email, "Rendez-vous annulé");
        String cancel = ics(cancellation.path("attachments").get(0));
        assertTrue(cancel.contains("METHOD:CANCEL\r\n"), cancel);
        assertTrue(cancel.contains("STATUS:CANCELLED\r\n"), cancel);
        assertTrue(cancel.contains("UID:" + id + "@plateforme-citoyens.fr\r\n"), cancel);
        assertTrue(sequence(cancel) > sequence(request), cancel);
    }

    /** The first e-mail to {@code to} whose subject starts with {@code subject}, waited for up to 20 s. */
    private static JsonNode mailTo(Api api, String to, String subject) throws Exception {
        URI store = api.cloud().emulators().endpoints().ses().resolve("/store");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            String body = HTTP.send(HttpRequest.newBuilder(store).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Optional<JsonNode> found = Optional.empty();
            for (JsonNode mail : JSON.readTree(body).path("emails")) {
                if (mail.path("destination").path("to").toString().contains(to)
                        && mail.path("subject").asText().startsWith(subject)) {
                    found = Optional.of(mail);
                }
            }
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no e-mail « " + subject + "… » to " + to + " within 20 s");
    }

    private static String ics(JsonNode attachment) {
        return new String(Base64.getDecoder().decode(attachment.path("content").asText()), StandardCharsets.UTF_8);
    }

    private static int sequence(String ics) {
        Matcher m = Pattern.compile("SEQUENCE:(\\d+)").matcher(ics);
        assertTrue(m.find(), ics);
        return Integer.parseInt(m.group(1));
    }
}
