package fr.plateformecitoyens.benchmark.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.plateformecitoyens.local.LocalCloud;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The local cloud to measure: the one {@code .local/cloud.json} describes when its gateway answers, otherwise
 * one started in this JVM (and stopped by {@link #close()}).
 *
 * <p>A cloud started here gets a private project root (a temporary directory linking to the real
 * {@code template.yaml}, {@code web} and {@code infrastructure}), so that its {@code .local} state (Cognito's
 * files, {@code cloud.json}) never touches a cloud that tests or {@code start.sh} run at the same time.
 */
final class BookingCloud implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode description;
    private final LocalCloud started;
    private final Path privateRoot;

    private BookingCloud(JsonNode description, LocalCloud started, Path privateRoot) {
        this.description = description;
        this.started = started;
        this.privateRoot = privateRoot;
    }

    /** The running cloud when {@code reuse} and its gateway answers, a new one in this JVM otherwise. */
    static BookingCloud reuseOrStart(Path root, boolean reuse) throws IOException {
        Path file = root.resolve(".local/cloud.json");
        if (reuse && Files.isRegularFile(file)) {
            JsonNode description = MAPPER.readTree(file.toFile());
            if (answers(description)) {
                return new BookingCloud(description, null, null);
            }
        }
        Path privateRoot = Files.createTempDirectory("bookings-benchmark-cloud");
        try {
            for (String entry : new String[] {"template.yaml", "web", "infrastructure"}) {
                Files.createSymbolicLink(privateRoot.resolve(entry), root.resolve(entry));
            }
            LocalCloud cloud = LocalCloud.start(privateRoot, 0);
            try {
                return new BookingCloud(MAPPER.readTree(cloud.description().toString()), cloud, privateRoot);
            } catch (IOException | RuntimeException e) {
                cloud.close();
                throw e;
            }
        } catch (Throwable e) {
            deleteTree(privateRoot);
            throw e;
        }
    }

    /** The gateway lists the demo commune's appointment services. */
    private static boolean answers(JsonNode description) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(description.path("baseUrl")
                    .asText() + "/api/v1/tenants/" + description.path("tenantId").asText() + "/appointment-services"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the functions run in this JVM (so that their own DynamoDB calls can be counted). */
    boolean inProcess() {
        return started != null;
    }

    String origin() {
        return started != null ? "started in-process by the benchmark (private state), stopped at the end"
                : "reused the running local cloud of `.local/cloud.json` (" + baseUrl() + ")";
    }

    String baseUrl() {
        return description.path("baseUrl").asText();
    }

    String tenantId() {
        return description.path("tenantId").asText();
    }

    String issuer() {
        return description.path("cognito").path("issuer").asText();
    }

    String clientId() {
        return description.path("cognito").path("clientId").asText();
    }

    String region() {
        return description.path("region").asText();
    }

    String accessKeyId() {
        return description.path("credentials").path("accessKeyId").asText();
    }

    String secretAccessKey() {
        return description.path("credentials").path("secretAccessKey").asText();
    }

    URI endpoint(String service) {
        return URI.create(description.path("endpoints").path(service).asText());
    }

    String resource(String logicalId) {
        return description.path("resources").path(logicalId).asText();
    }

    @Override
    public void close() throws IOException {
        if (started != null) {
            started.close();
            deleteTree(privateRoot);
        }
    }

    /** Deletes a directory tree; symbolic links are deleted, never followed. */
    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
