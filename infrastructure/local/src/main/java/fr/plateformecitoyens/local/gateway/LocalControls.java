package fr.plateformecitoyens.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import fr.plateformecitoyens.adapters.PlatformClock;
import fr.plateformecitoyens.adapters.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Local-only endpoints, never deployed:
 * <ul>
 * <li>{@code POST /_local/schedules/{LogicalId}} runs a scheduled function now and returns its output;</li>
 * <li>{@code GET|POST /_local/clock} reads or moves the platform's clock ({@code {"instant": "…"}} or
 * {@code {"offset": "P30D"}}, {@code {"offset": "PT0S"}} to reset);</li>
 * <li>{@code POST /_local/cognito/} forwards to the Cognito emulator, so that the browser signs in on the
 * page's own origin as it would call Cognito's public endpoint on AWS.</li>
 * </ul>
 */
public final class LocalControls {

    private final Function<String, Optional<byte[]>> schedules;
    private final URI cognito;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param schedules runs the schedule of the function (or event) with that logical id; empty if unknown
     */
    public LocalControls(Function<String, Optional<byte[]>> schedules, URI cognito) {
        this.schedules = schedules;
        this.cognito = cognito;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/_local/schedules/") && method.equals("POST")) {
            String id = path.substring("/_local/schedules/".length());
            Optional<byte[]> output = schedules.apply(id);
            if (output.isEmpty()) {
                Gateway.send(exchange, 404, Json.object().put("message", "no schedule named " + id));
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                Gateway.write(exchange, 200, output.get());
            }
        } else if (path.equals("/_local/clock")) {
            clock(exchange);
        } else if (path.equals("/_local/cognito/") || path.equals("/_local/cognito")) {
            cognito(exchange);
        } else {
            Gateway.send(exchange, 404, Json.object().put("message", "Not Found"));
        }
    }

    private void clock(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            JsonNode body = Json.parse(exchange.getRequestBody().readAllBytes());
            try {
                Duration offset;
                if (body.hasNonNull("instant")) {
                    offset = Duration.between(Instant.now(), Instant.parse(body.get("instant").asText()));
                } else if (body.hasNonNull("offset")) {
                    offset = Duration.parse(body.get("offset").asText());
                } else {
                    Gateway.send(exchange, 400, Json.object().put("message", "give \"instant\" or \"offset\""));
                    return;
                }
                System.setProperty(PlatformClock.OFFSET_SETTING, offset.toString());
            } catch (DateTimeParseException e) {
                Gateway.send(exchange, 400, Json.object().put("message", "unreadable instant or offset"));
                return;
            }
        }
        Gateway.send(exchange, 200, Json.object().put("now", new PlatformClock().instant().toString())
                .put("offset", System.getProperty(PlatformClock.OFFSET_SETTING, "PT0S")));
    }

    private void cognito(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            Gateway.write(exchange, 405, new byte[0]);
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        HttpRequest request = HttpRequest.newBuilder(cognito.resolve("/"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target == null ? "" : target)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling Cognito", e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        Gateway.write(exchange, response.statusCode(), response.body());
    }
}
