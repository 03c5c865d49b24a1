package fr.plateformecitoyens.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves web/ as the S3 bucket behind CloudFront does: {@code index.html} for folders, the right media
 * types, and {@code /config.json} generated from the local stack. Adds the security headers the
 * production distribution is meant to carry.
 */
public final class StaticSite {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("ico", "image/x-icon"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("woff2", "font/woff2"));

    private final Path root;
    private final byte[] config;
    private final String policy;

    /**
     * @param documentOrigin the origin of the document store (the S3 emulator), which pages reach directly to
     *                       upload and download files through presigned requests
     */
    public StaticSite(Path root, String configJson, String documentOrigin) {
        this.root = root.toAbsolutePath().normalize();
        this.config = configJson.getBytes(StandardCharsets.UTF_8);
        this.policy = "default-src 'self'; img-src 'self' data: blob: " + documentOrigin + "; connect-src 'self' "
                + documentOrigin + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    }

    void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            Gateway.write(exchange, 405, new byte[0]);
            return;
        }
        securityHeaders(exchange);
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/config.json")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            Gateway.write(exchange, 200, config);
            return;
        }
        if (path.equals("/agents")) {
            exchange.getResponseHeaders().set("Location", "/agents/");
            Gateway.write(exchange, 301, new byte[0]);
            return;
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) {
            Gateway.write(exchange, 404, new byte[0]);
            return;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            Gateway.write(exchange, 404, "Page introuvable.".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = file.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        Gateway.write(exchange, 200, Files.readAllBytes(file));
    }

    private void securityHeaders(HttpExchange exchange) {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Security-Policy", policy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set("Permissions-Policy", "camera=(self), geolocation=(self), microphone=()");
    }
}
