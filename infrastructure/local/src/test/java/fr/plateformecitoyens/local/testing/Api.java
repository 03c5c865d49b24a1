package fr.plateformecitoyens.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.seed.DemoData.Account;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An HTTP client of the local gateway for tests: JSON in and out, tokens of the demo accounts. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final LocalCloud cloud;

    Api(LocalCloud cloud) {
        this.cloud = cloud;
    }

    /** A response: status, headers and the body parsed as JSON (null when empty or not JSON). */
    public record Reply(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            String body = raw.body();
            return body == null || body.isBlank() ? null : Json.parse(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public LocalCloud cloud() {
        return cloud;
    }

    public Reply get(String path, String token) {
        return send(builder(path, token).GET().build());
    }

    public Reply post(String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return send(b.build());
    }

    public Reply post(String path, String token, String json) {
        return post(path, token, json, Map.of());
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    /** The demo account of that role (and tenant, for agents). */
    public Account account(String role, String tenantId) {
        return cloud.accounts().stream().filter(a -> a.role().equals(role) && a.tenantId().equals(tenantId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no demo " + role + " in " + tenantId));
    }

    /** An ID token of the account, through the Cognito emulator as the browser gets it. */
    public String token(Account account) {
        return TOKENS.computeIfAbsent(cloud.baseUrl() + account.username(), k -> signIn(account.username(),
                account.password()));
    }

    public String signIn(String username, String password) {
        String body = Json.write(Json.object().put("AuthFlow", "USER_PASSWORD_AUTH")
                .put("ClientId", cloud.stack().userPoolClientId())
                .set("AuthParameters", Json.object().put("USERNAME", username).put("PASSWORD", password)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/_local/cognito/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Reply reply = send(request);
        if (reply.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + reply.raw().body());
        }
        return reply.json().path("AuthenticationResult").path("IdToken").asText();
    }
}
