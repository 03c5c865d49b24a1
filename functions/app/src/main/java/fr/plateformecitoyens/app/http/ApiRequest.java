package fr.plateformecitoyens.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an API Gateway HTTP API event (payload format 2.0) that handlers use. Header names are
 * lower-cased, as API Gateway delivers them.
 */
public record ApiRequest(String routeKey, String rawPath, String requestId, Map<String, String> pathParameters,
        Map<String, String> queryParameters, Map<String, String> headers, byte[] body, Map<String, String> claims) {

    public static ApiRequest from(JsonNode event) {
        JsonNode context = event.path("requestContext");
        byte[] body = new byte[0];
        if (event.hasNonNull("body")) {
            String text = event.get("body").asText();
            body = event.path("isBase64Encoded").asBoolean()
                    ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new HashMap<>();
        event.path("headers").fields()
                .forEachRemaining(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        return new ApiRequest(event.path("routeKey").asText(), event.path("rawPath").asText("/"),
                context.path("requestId").asText("none"),
                strings(event.path("pathParameters")), strings(event.path("queryStringParameters")), headers, body,
                strings(context.path("authorizer").path("jwt").path("claims")));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new HashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return values;
    }

    public String path(String name) {
        return pathParameters.getOrDefault(name, "");
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name)).filter(v -> !v.isBlank());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).filter(v -> !v.isBlank());
    }

    /** The longest {@code Idempotency-Key} taken. */
    public static final int MAX_IDEMPOTENCY_KEY = 255;

    /** The {@code Idempotency-Key} of a request that creates something, if any; 400 when it is too long. */
    public Optional<String> idempotencyKey() {
        Optional<String> key = header("idempotency-key");
        if (key.isPresent() && key.get().length() > MAX_IDEMPOTENCY_KEY) {
            throw new DomainException.BadRequest("L'en-tête Idempotency-Key ne doit pas dépasser "
                    + MAX_IDEMPOTENCY_KEY + " caractères.");
        }
        return key;
    }

    /**
     * The caller's subject, set by the JWT authorizer; routes that need it are never reached without. Only
     * ID tokens are taken: an access token carries neither name nor e-mail, so a request made with one
     * could not be acknowledged by e-mail.
     */
    public String subject() {
        String sub = claims.get("sub");
        if (sub == null || sub.isBlank()) {
            throw new DomainException.Forbidden("Vous devez être connecté.");
        }
        String use = claims.get("token_use");
        if (use != null && !use.equals("id")) {
            throw new DomainException.Forbidden("Présentez le jeton d'identité (ID token) de votre session.");
        }
        return sub;
    }

    public Optional<String> claim(String name) {
        return Optional.ofNullable(claims.get(name)).filter(v -> !v.isBlank());
    }

    public int intQuery(String name, int fallback) {
        return query(name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new DomainException.BadRequest("Le paramètre « " + name + " » doit être un nombre entier.");
            }
        }).orElse(fallback);
    }

    /** The body as a JSON object, after checking its media type and size. */
    public JsonNode jsonBody(int maxBytes) {
        String type = header("content-type").orElse("");
        if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new UnsupportedMediaType();
        }
        if (body.length > maxBytes) {
            throw new PayloadTooLarge(maxBytes);
        }
        if (body.length == 0) {
            throw new DomainException.BadRequest("Le corps de la requête est vide.");
        }
        JsonNode node = Json.parse(body);
        if (!node.isObject()) {
            throw new DomainException.BadRequest("Le corps de la requête doit être un objet JSON.");
        }
        return node;
    }

    /** The body is not JSON (415). */
    public static final class UnsupportedMediaType extends RuntimeException {
        UnsupportedMediaType() {
            super("unsupported media type");
        }
    }

    /** The body is over the route's limit (413). */
    public static final class PayloadTooLarge extends RuntimeException {
        private final int limit;

        PayloadTooLarge(int limit) {
            super("payload too large");
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }
}
