package fr.plateformecitoyens.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.plateformecitoyens.adapters.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The local cloud's single HTTP port: the portal at {@code /}, the back-office at {@code /agents/}, the
 * HTTP API under {@code /api/}, as CloudFront and API Gateway serve them on AWS, plus local-only
 * controls under {@code /_local/}.
 *
 * <p>An API request is matched against the routes of template.yaml, checked by the JWT authorizer when
 * the route is guarded, turned into a payload 2.0 event and handed to the function's Lambda entry
 * point; the function's output becomes the HTTP response. Errors that API Gateway itself would produce
 * (401, 404 on no route, 413, 500 on a crashed function) have its bodies.
 */
public final class Gateway implements AutoCloseable {

    /** API Gateway's own limit on a request body. */
    static final int MAX_BODY = 10 * 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService workers;
    private final List<Route> routes;
    private final JwtAuthorizer authorizer;
    private final StaticSite site;
    private final LocalControls controls;

    static {
        // The JDK's HTTP server writes the headers and the body of a response separately; with Nagle's
        // algorithm on, the body then waits for the client's delayed acknowledgement (about 40 ms on Linux).
        defaultProperty("sun.net.httpserver.nodelay", "true");
        // Past 200 idle keep-alive connections (its default) the server closes each connection that goes idle,
        // and a client that reuses one of them at that moment gets no answer at all: hundreds of concurrent
        // clients (the contention tests, a browser and its tabs) must keep theirs.
        defaultProperty("sun.net.httpserver.maxIdleConnections", "2000");
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    public Gateway(int port, List<Route> routes, JwtAuthorizer authorizer, StaticSite site, LocalControls controls)
            throws IOException {
        this.routes = new ArrayList<>(routes);
        this.routes.sort(Comparator.comparingInt(Route::specificity).reversed());
        this.authorizer = authorizer;
        this.site = site;
        this.controls = controls;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        this.workers = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "gateway");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/api/") || path.startsWith("/open311/")) {
                api(exchange);
            } else if (path.startsWith("/_local/")) {
                controls.handle(exchange);
            } else {
                site.serve(exchange);
            }
        } catch (RuntimeException e) {
            System.err.println("gateway: " + e);
            try {
                send(exchange, 500, Json.object().put("message", "Internal Server Error"));
            } catch (IOException | RuntimeException ignored) {
                // The response had already started; the client sees a cut connection.
            }
        }
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Route route = null;
        Map<String, String> parameters = Map.of();
        for (Route candidate : routes) {
            Optional<Map<String, String>> match = candidate.match(method, path);
            if (match.isPresent()) {
                route = candidate;
                parameters = match.get();
                break;
            }
        }
        if (route == null) {
            send(exchange, 404, Json.object().put("message", "Not Found"));
            return;
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            send(exchange, 413, Json.object().put("message", "Request Entity Too Large"));
            return;
        }
        Map<String, String> claims = null;
        if (route.authorized()) {
            Optional<Map<String, String>> granted = authorizer.authorize(exchange.getRequestHeaders()
                    .getFirst("Authorization"));
            if (granted.isEmpty()) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                send(exchange, 401, Json.object().put("message", "Unauthorized"));
                return;
            }
            claims = granted.get();
        }
        ObjectNode event = ApiEvents.build(exchange, route, parameters, claims, body);
        byte[] output;
        try {
            output = route.function().invoke(Json.writeBytes(event));
        } catch (RuntimeException e) {
            System.err.println("function " + route.function().logicalId() + " failed: " + e);
            send(exchange, 500, Json.object().put("message", "Internal Server Error"));
            return;
        }
        respond(exchange, output);
    }

    /** Writes the function's output as API Gateway does for payload format 2.0. */
    private static void respond(HttpExchange exchange, byte[] output) throws IOException {
        JsonNode result = Json.parse(output);
        if (!result.isObject() || !result.has("statusCode")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            write(exchange, 200, output);
            return;
        }
        result.path("headers").fields().forEachRemaining(h -> exchange.getResponseHeaders().set(h.getKey(),
                h.getValue().asText()));
        result.path("cookies").forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c.asText()));
        String body = result.path("body").asText("");
        byte[] bytes = result.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        write(exchange, result.path("statusCode").asInt(200), bytes);
    }

    static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        write(exchange, status, Json.writeBytes(body));
    }

    static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD") || status == 204
                || status == 304;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The body, or null when it is over {@link #MAX_BODY}. */
    static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : bytes;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
