package fr.plateformecitoyens.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.emulators.Emulators;
import fr.plateformecitoyens.local.emulators.Endpoints;
import fr.plateformecitoyens.local.gateway.Gateway;
import fr.plateformecitoyens.local.gateway.IdTokenCompletion;
import fr.plateformecitoyens.local.gateway.JwtAuthorizer;
import fr.plateformecitoyens.local.gateway.LocalControls;
import fr.plateformecitoyens.local.gateway.Route;
import fr.plateformecitoyens.local.gateway.StaticSite;
import fr.plateformecitoyens.local.runtime.FunctionHost;
import fr.plateformecitoyens.local.runtime.QueueWorker;
import fr.plateformecitoyens.local.runtime.ScheduleExpression;
import fr.plateformecitoyens.local.runtime.Scheduler;
import fr.plateformecitoyens.local.seed.DemoData;
import fr.plateformecitoyens.local.seed.DemoData.Account;
import fr.plateformecitoyens.local.template.FunctionSpec;
import fr.plateformecitoyens.local.template.HttpRoute;
import fr.plateformecitoyens.local.template.Provisioner;
import fr.plateformecitoyens.local.template.QueueSource;
import fr.plateformecitoyens.local.template.Schedule;
import fr.plateformecitoyens.local.template.Stack;
import fr.plateformecitoyens.local.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole platform on one machine: the emulators, the resources of template.yaml, the functions behind
 * one HTTP port (portal, back-office, API), the queue and schedule event sources, and demo data. What
 * scripts and tests need to reach it is written to {@code .local/cloud.json}.
 */
public final class LocalCloud implements AutoCloseable {

    private final Emulators emulators;
    private final Stack stack;
    private final Gateway gateway;
    private final List<QueueWorker> workers;
    private final Scheduler scheduler;
    private final List<Account> accounts;
    private final Map<String, FunctionHost> functions;
    private final ObjectNode description;

    private LocalCloud(Emulators emulators, Stack stack, Gateway gateway, List<QueueWorker> workers,
            Scheduler scheduler, List<Account> accounts, Map<String, FunctionHost> functions, ObjectNode description) {
        this.emulators = emulators;
        this.stack = stack;
        this.gateway = gateway;
        this.workers = workers;
        this.scheduler = scheduler;
        this.accounts = accounts;
        this.functions = functions;
        this.description = description;
    }

    /**
     * Starts everything and writes {@code .local/cloud.json} under the project root.
     *
     * @param port the HTTP port, 0 for any free one
     */
    public static LocalCloud start(Path projectRoot, int port) throws IOException {
        Path root = projectRoot.toAbsolutePath().normalize();
        return start(root, port, root.resolve(".local"));
    }

    /**
     * Starts everything, keeping the emulators' state and {@code cloud.json} in {@code state}; tests use a
     * folder of their own so that they never disturb a platform the developer is running.
     */
    public static LocalCloud start(Path projectRoot, int port, Path state) throws IOException {
        Path root = projectRoot.toAbsolutePath().normalize();
        int httpPort = port == 0 ? freePort() : port;
        String baseUrl = "http://localhost:" + httpPort;
        // Every emulator but Cognito keeps its data in memory; start Cognito afresh too, so that users,
        // pools and the table's items always belong to the same run.
        deleteTree(state.resolve("state").resolve("cognito"));
        Emulators emulators = Emulators.start(root, state.resolve("state"));
        Scheduler scheduler = new Scheduler();
        List<QueueWorker> workers = new ArrayList<>();
        try {
            Endpoints endpoints = emulators.endpoints();
            Stack stack = new Provisioner(endpoints).provision(Template.load(root.resolve("template.yaml")), Map.of(),
                    Map.of("WebDistribution.DomainName", "localhost:" + httpPort, "HttpApi", "local"));
            configureFunctions(stack, endpoints, baseUrl);
            // The S3 endpoint (in front of S3Proxy) announces created objects as the buckets' notifications say.
            emulators.s3Events().route(stack.bucketNotifications());
            Map<String, FunctionHost> hosts = new LinkedHashMap<>();
            for (FunctionSpec spec : stack.functions()) {
                hosts.put(spec.logicalId(), new FunctionHost(spec.logicalId(), spec.definition(), spec.memorySize(),
                        spec.timeoutSeconds()));
            }
            CompletableFuture<Void> warm = CompletableFuture.allOf(hosts.values().stream()
                    .map(h -> CompletableFuture.runAsync(h::warm)).toArray(CompletableFuture[]::new));
            DemoData demo = new DemoData(LocalAws.dynamoDb(endpoints), stack.ref("MainTable"),
                    LocalAws.cognito(endpoints), stack.userPoolId());
            List<Account> accounts = demo.seed();
            List<Route> routes = new ArrayList<>();
            var sqs = LocalAws.sqs(endpoints);
            for (FunctionSpec spec : stack.functions()) {
                FunctionHost host = hosts.get(spec.logicalId());
                for (HttpRoute r : spec.routes()) {
                    routes.add(new Route(r.method(), r.path(), r.authorized(), host));
                }
                for (QueueSource q : spec.queueSources()) {
                    workers.add(new QueueWorker(sqs, q.queueUrl(), stack.attribute(q.queueLogicalId(), "Arn"),
                            q.batchSize(), q.reportBatchItemFailures(), host));
                }
                for (Schedule s : spec.schedules()) {
                    scheduler.add(new Scheduler.Job(spec.logicalId(), s.eventName(),
                            ScheduleExpression.parse(s.expression()), s.enabled(), host));
                }
            }
            ObjectNode description = describe(baseUrl, endpoints, stack, accounts);
            // The S3 endpoint above is the one that sends event notifications; S3Proxy itself is behind it.
            ((ObjectNode) description.path("endpoints")).put("s3Backend", emulators.s3Backend().toString());
            description.put("open311ApiKey", demo.open311ApiKey());
            StaticSite site = new StaticSite(root.resolve("web"), Json.write(webConfig(baseUrl, endpoints, stack)),
                    origin(endpoints.s3()));
            Gateway gateway = new Gateway(httpPort, routes,
                    new JwtAuthorizer(stack.issuer(), List.of(stack.userPoolClientId()),
                            new IdTokenCompletion(LocalAws.cognito(endpoints), stack.userPoolId())), site,
                    new LocalControls(scheduler::runNow, endpoints.cognito()));
            warm.join();
            Files.createDirectories(state);
            Files.writeString(state.resolve("cloud.json"), Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(description));
            return new LocalCloud(emulators, stack, gateway, workers, scheduler, accounts, hosts, description);
        } catch (IOException | RuntimeException e) {
            workers.forEach(QueueWorker::close);
            scheduler.close();
            emulators.close();
            throw e;
        }
    }

    /**
     * The functions run in this JVM and read their settings as system properties (see the adapters'
     * Config): the template's resolved environment, plus the emulators' endpoints.
     */
    private static void configureFunctions(Stack stack, Endpoints endpoints, String baseUrl) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (FunctionSpec spec : stack.functions()) {
            spec.environment().forEach((name, value) -> {
                if (name.equals(FunctionSpec.DEFINITION_VARIABLE) || name.equals("JAVA_TOOL_OPTIONS")) {
                    return;
                }
                String previous = settings.putIfAbsent(name, value);
                if (previous != null && !previous.equals(value)) {
                    throw new IllegalStateException("functions disagree on " + name + ": the local cloud runs them "
                            + "in one JVM and needs one value");
                }
            });
        }
        settings.put("PORTAL_URL", baseUrl);
        settings.put("AWS_REGION", endpoints.region());
        settings.put("AWS_ACCESS_KEY_ID", endpoints.accessKeyId());
        settings.put("AWS_SECRET_ACCESS_KEY", endpoints.secretAccessKey());
        settings.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamodb().toString());
        settings.put("AWS_ENDPOINT_URL_SQS", endpoints.sqs().toString());
        settings.put("AWS_ENDPOINT_URL_S3", endpoints.s3().toString());
        settings.put("AWS_ENDPOINT_URL_SESV2", endpoints.ses().toString());
        settings.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", endpoints.cognito().toString());
        settings.forEach(System::setProperty);
    }

    private static ObjectNode describe(String baseUrl, Endpoints endpoints, Stack stack, List<Account> accounts) {
        ObjectNode node = Json.object();
        node.put("baseUrl", baseUrl);
        node.put("region", endpoints.region());
        node.putObject("endpoints").put("dynamodb", endpoints.dynamodb().toString())
                .put("sqs", endpoints.sqs().toString()).put("s3", endpoints.s3().toString())
                .put("cognito", endpoints.cognito().toString()).put("ses", endpoints.ses().toString());
        node.putObject("credentials").put("accessKeyId", endpoints.accessKeyId())
                .put("secretAccessKey", endpoints.secretAccessKey());
        node.putObject("cognito").put("userPoolId", stack.userPoolId()).put("clientId", stack.userPoolClientId())
                .put("issuer", stack.issuer());
        ObjectNode resources = node.putObject("resources");
        stack.resources().forEach((id, resource) -> resources.put(id, resource.ref()));
        node.put("tenantId", DemoData.COMMUNE);
        node.put("secondTenantId", DemoData.EPCI);
        ArrayNode list = node.putArray("accounts");
        accounts.forEach(a -> list.addObject().put("role", a.role()).put("username", a.username())
                .put("password", a.password()).put("tenantId", a.tenantId()).put("sub", a.sub()));
        return node;
    }

    private static ObjectNode webConfig(String baseUrl, Endpoints endpoints, Stack stack) {
        return Json.object().put("region", endpoints.region()).put("userPoolId", stack.userPoolId())
                .put("clientId", stack.userPoolClientId()).put("cognitoEndpoint", baseUrl + "/_local/cognito/")
                .put("apiBase", "/api/v1");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The origin ({@code scheme://host:port}) of an endpoint, as a Content-Security-Policy source. */
    private static String origin(java.net.URI endpoint) {
        return endpoint.getScheme() + "://" + endpoint.getAuthority();
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public String baseUrl() {
        return description.path("baseUrl").asText();
    }

    public ObjectNode description() {
        return description.deepCopy();
    }

    public Emulators emulators() {
        return emulators;
    }

    public Stack stack() {
        return stack;
    }

    public List<Account> accounts() {
        return accounts;
    }

    public FunctionHost function(String logicalId) {
        return functions.get(logicalId);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        gateway.close();
        workers.forEach(QueueWorker::close);
        scheduler.close();
        emulators.close();
    }

    /** Starts the platform, prints where to find it and its demo accounts, and runs until Ctrl-C. */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        int port = Integer.parseInt(System.getProperty("port", System.getenv().getOrDefault("PORT", "8080")));
        Path root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        LocalCloud cloud;
        try {
            cloud = start(root, port);
        } catch (IOException | RuntimeException e) {
            System.err.println("The local cloud could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "local-cloud-stop"));
        System.out.println(Banner.text(cloud, (System.nanoTime() - start) / 1_000_000));
        Thread.currentThread().join();
    }
}
