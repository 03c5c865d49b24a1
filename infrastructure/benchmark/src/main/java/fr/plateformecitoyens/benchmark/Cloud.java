package fr.plateformecitoyens.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.plateformecitoyens.adapters.dynamo.Attributes;
import fr.plateformecitoyens.adapters.dynamo.Keys;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.template.Template;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The local cloud the measured functions talk to: the one {@code .local/cloud.json} describes when it
 * answers, otherwise one started in this JVM (and stopped by {@link #close()}).
 *
 * <p>A cloud started here gets a private project root (a temporary directory linking to the real
 * {@code template.yaml}, {@code web} and {@code infrastructure}), so its {@code .local} state and
 * {@code cloud.json} never collide with a cloud that tests or {@code start.sh} run at the same time.
 */
final class Cloud implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode description;
    private final LocalCloud started;
    private final Path privateRoot;
    private final DynamoDbClient dynamo;

    private Cloud(JsonNode description, LocalCloud started, Path privateRoot) {
        this.description = description;
        this.started = started;
        this.privateRoot = privateRoot;
        this.dynamo = DynamoDbClient.builder().endpointOverride(endpoint("dynamodb"))
                .region(Region.of(description.path("region").asText()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        description.path("credentials").path("accessKeyId").asText(),
                        description.path("credentials").path("secretAccessKey").asText())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(5)))
                .build();
    }

    /**
     * The running cloud when it answers, a new one otherwise.
     *
     * @param reuse whether a running cloud described by {@code .local/cloud.json} may serve
     */
    static Cloud reuseOrStart(Path root, boolean reuse) throws IOException {
        Path file = root.resolve(".local/cloud.json");
        if (reuse && Files.isRegularFile(file)) {
            Cloud running = new Cloud(MAPPER.readTree(file.toFile()), null, null);
            if (running.answers()) {
                return running;
            }
            running.dynamo.close();
        }
        Path privateRoot = Files.createTempDirectory("cold-start-cloud");
        for (String entry : new String[] {"template.yaml", "web", "infrastructure"}) {
            Files.createSymbolicLink(privateRoot.resolve(entry), root.resolve(entry));
        }
        LocalCloud cloud;
        try {
            cloud = LocalCloud.start(privateRoot, 0);
        } catch (IOException | RuntimeException e) {
            Trees.delete(privateRoot);
            throw e;
        }
        try {
            return new Cloud(MAPPER.readTree(cloud.description().toString()), cloud, privateRoot);
        } catch (IOException | RuntimeException e) {
            cloud.close();
            Trees.delete(privateRoot);
            throw e;
        }
    }

    /** Both the DynamoDB and SQS emulators accept connections, and the table exists. */
    private boolean answers() {
        for (String service : new String[] {"dynamodb", "sqs"}) {
            URI uri = endpoint(service);
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 500);
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
        try {
            dynamo.describeTable(b -> b.tableName(resource("MainTable")));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    String origin() {
        return started != null ? "started in-process by the benchmark, stopped at the end"
                : "reused the running local cloud of `.local/cloud.json` (" + baseUrl() + ")";
    }

    String baseUrl() {
        return description.path("baseUrl").asText();
    }

    URI endpoint(String service) {
        return URI.create(description.path("endpoints").path(service).asText());
    }

    String resource(String logicalId) {
        return description.path("resources").path(logicalId).asText();
    }

    /** The sub of the first seeded account with this role in this tenant. */
    Optional<String> accountSub(String role, String tenantId) {
        for (JsonNode account : description.path("accounts")) {
            if (account.path("role").asText().equals(role) && account.path("tenantId").asText().equals(tenantId)) {
                return Optional.of(account.path("sub").asText());
            }
        }
        return Optional.empty();
    }

    boolean isSeededAccount(String sub) {
        for (JsonNode account : description.path("accounts")) {
            if (account.path("sub").asText().equals(sub)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The environment template.yaml gives a function, resolved against this cloud, plus what Lambda itself
     * sets (region, credentials) and the emulators' endpoints.
     */
    Map<String, String> environment(Template template, String definition) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MAIN_CLASS", "fr.plateformecitoyens.app.PlatformFunctions");
        env.put("SPRING_CLOUD_FUNCTION_DEFINITION", definition);
        env.put("STAGE", parameter(template, "Stage", "dev"));
        env.put("TABLE_NAME", resource("MainTable"));
        env.put("EVENTS_QUEUE_URL", resource("EventsQueue"));
        env.put("DOCUMENTS_BUCKET", resource("DocumentsBucket"));
        env.put("MAIL_SENDER", parameter(template, "SenderEmail", "no-reply@example.org"));
        env.put("PORTAL_URL", baseUrl());
        env.put("AWS_REGION", description.path("region").asText());
        env.put("AWS_ACCESS_KEY_ID", description.path("credentials").path("accessKeyId").asText());
        env.put("AWS_SECRET_ACCESS_KEY", description.path("credentials").path("secretAccessKey").asText());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint("dynamodb").toString());
        env.put("AWS_ENDPOINT_URL_SQS", endpoint("sqs").toString());
        env.put("AWS_ENDPOINT_URL_S3", endpoint("s3").toString());
        env.put("AWS_ENDPOINT_URL_SESV2", endpoint("ses").toString());
        return env;
    }

    private static String parameter(Template template, String name, String fallback) {
        Template.Parameter parameter = template.parameters().get(name);
        return parameter == null || parameter.defaultValue() == null ? fallback : parameter.defaultValue();
    }

    /** Forgets that the acknowledgement of this request was mailed, so that the next delivery mails it again. */
    void forgetAcknowledgement(String reference) {
        dynamo.deleteItem(b -> b.tableName(resource("MainTable"))
                .key(Attributes.key(Keys.request(reference), "MAIL#acknowledgement")));
    }

    /** Whether the acknowledgement of this request is marked as mailed. */
    boolean acknowledgementSent(String reference) {
        return dynamo.getItem(b -> b.tableName(resource("MainTable")).consistentRead(true)
                .key(Attributes.key(Keys.request(reference), "MAIL#acknowledgement"))).hasItem();
    }

    @Override
    public void close() throws IOException {
        dynamo.close();
        if (started != null) {
            started.close();
            Trees.delete(privateRoot);
        }
    }
}
