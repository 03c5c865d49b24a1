package fr.plateformecitoyens.local.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The e-mails captured by the local SES emulator (aws-ses-v2-local 2.10.2), which keeps every message it is asked to
 * send in memory instead of delivering it.
 *
 * <p>{@code GET /store} answers, oldest message first:
 *
 * <pre>{@code
 * {"templates": {},
 *  "emails": [{"messageId": "ses-607758648", "from": "a@example.org", "replyTo": [],
 *              "destination": {"to": ["b@example.org"], "cc": [], "bcc": []},
 *              "subject": "Sujet", "body": {"text": "texte", "html": "<p>x</p>"},
 *              "attachments": [], "at": 1796323557}]}
 * }</pre>
 *
 * {@code at} is the epoch second of the send; {@code body.text} and {@code body.html} are absent when the message had
 * no such part; {@code GET /store?since=<epoch second>} filters on {@code at}. {@code POST /clear-store} empties
 * the store (and its templates). The emulator's web page at {@code /} shows the same mailbox to a human.
 */
public final class SesMailbox {

    /** One captured e-mail; {@code text} or {@code html} is null when the message had no such part. */
    public record Mail(String from, List<String> to, String subject, String text, String html) {

        public Mail {
            to = List.copyOf(to);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI ses;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    /** @param ses the emulator's endpoint, as in {@link Endpoints#ses()} */
    public SesMailbox(URI ses) {
        this.ses = ses;
    }

    /** Every e-mail captured since the start or the last {@link #clear()}, oldest first. */
    public List<Mail> messages() {
        JsonNode store;
        try {
            store = json.readTree(call(HttpRequest.newBuilder(ses.resolve("/store")).GET()));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable answer from " + ses + "/store", e);
        }
        List<Mail> mails = new ArrayList<>();
        for (JsonNode email : store.path("emails")) {
            List<String> to = new ArrayList<>();
            email.path("destination").path("to").forEach(address -> to.add(address.asText()));
            JsonNode body = email.path("body");
            mails.add(new Mail(email.path("from").asText(), to, email.path("subject").asText(),
                    textOrNull(body.path("text")), textOrNull(body.path("html"))));
        }
        return List.copyOf(mails);
    }

    /** Forgets every captured e-mail (and every e-mail template). */
    public void clear() {
        call(HttpRequest.newBuilder(ses.resolve("/clear-store")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private String call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The local SES answered " + response.statusCode() + " to "
                        + response.request().method() + " " + response.uri() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("The local SES at " + ses + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the local SES mailbox", e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
