package fr.plateformecitoyens.local.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import scala.jdk.javaapi.FutureConverters;

/**
 * The open-source AWS emulators of the local cloud, started together and stopped together.
 *
 * <table>
 * <caption>What runs where</caption>
 * <tr><th>Service</th><th>Emulator</th><th>How</th><th>State</th></tr>
 * <tr><td>DynamoDB</td><td>dynalite</td><td>node child process</td><td>memory</td></tr>
 * <tr><td>SQS</td><td>ElasticMQ</td><td>in this JVM</td><td>memory</td></tr>
 * <tr><td>S3</td><td>S3Proxy, transient backend, behind {@link S3EventProxy} (event notifications)</td>
 * <td>child JVM, proxy in this JVM</td><td>memory</td></tr>
 * <tr><td>Cognito</td><td>cognito-local</td><td>node child process</td><td>{@code stateDir/cognito/.cognito}</td></tr>
 * <tr><td>SES v2</td><td>aws-ses-v2-local</td><td>node child process</td><td>memory, see {@link SesMailbox}</td></tr>
 * </table>
 *
 * <p>Every emulator listens on 127.0.0.1 on a port picked at start, and accepts region {@value #REGION}, access key
 * {@value #ACCESS_KEY_ID} and secret {@value #SECRET_ACCESS_KEY} (only S3Proxy actually checks the signature).
 * Each child's stdout and stderr go to {@code stateDir/logs/<name>.log}; {@code npm.log} holds the output of the
 * {@code npm ci} that installs the node emulators when {@code node_modules} does not match the lock.
 *
 * <p>cognito-local prints confirmation codes on its console instead of sending them: they are relayed as e-mails
 * through the SES emulator (see {@link ConfirmationCodeRelay}) and kept for {@link #confirmationCodesFor(String)}.
 *
 * <p>{@link #close()} stops everything, child processes with all their descendants, and waits until every port is
 * free again. It also runs as a JVM shutdown hook, so Ctrl-C leaves no orphan behind.
 */
public final class Emulators implements AutoCloseable {

    public static final String REGION = "eu-west-3";
    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local-secret";

    private static final System.Logger LOG = System.getLogger(Emulators.class.getName());
    private static final String MODULE = "infrastructure/local";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final int OUTPUT_LINES_IN_ERRORS = 40;

    /** A child process serving HTTP on {@code port}; it is up once {@code GET probePath} gets any answer. */
    private record Server(ChildProcess process, int port, String probePath, long launchedAt) {
    }

    private final Endpoints endpoints;
    /** The port S3Proxy itself listens on; clients reach it through {@link #s3Events} at {@code endpoints.s3()}. */
    private final int s3ProxyPort;
    private final S3EventProxy s3Events;
    private final Path logs;
    private final ConfirmationCodeRelay relay;
    private final Thread shutdownHook = new Thread(this::close, "local-cloud-emulators-shutdown");
    private final List<Server> servers = new ArrayList<>();
    /** Guarded by {@code this}, like {@link #servers} and {@link #closed}: close() may run on the hook's thread. */
    private CompletableFuture<SQSRestServer> sqs;
    private long sqsLaunchedAt;
    private boolean closed;

    private Emulators(Endpoints endpoints, int s3ProxyPort, Path logs) {
        this.endpoints = endpoints;
        this.s3ProxyPort = s3ProxyPort;
        this.s3Events = new S3EventProxy(endpoints.s3().getPort(), s3ProxyPort, endpoints);
        this.logs = logs;
        this.relay = new ConfirmationCodeRelay(endpoints);
    }

    /**
     * Starts all the emulators concurrently and returns once each one answers.
     *
     * @param projectRoot the root of this repository (holding {@code infrastructure/local})
     * @param stateDir    where logs, S3Proxy's properties and cognito-local's data go; created if missing
     * @throws IllegalStateException when node or npm is missing, or an emulator dies or does not answer within 30 s
     *                               (the message then holds the end of its output); whatever started is stopped
     */
    public static Emulators start(Path projectRoot, Path stateDir) {
        Path module = projectRoot.toAbsolutePath().normalize().resolve(MODULE);
        Path state = stateDir.toAbsolutePath().normalize();
        Path logs = state.resolve("logs");
        Path s3proxyJar = module.resolve("target/emulators/s3proxy.jar");
        if (!Files.isRegularFile(s3proxyJar)) {
            throw new IllegalStateException("Missing " + s3proxyJar + ": build the module first (mvn -pl " + MODULE
                    + " generate-resources copies it there)");
        }
        createDirectories(logs);
        createDirectories(state.resolve("cognito"));
        int[] ports = Ports.pickFree(6);
        Emulators emulators = new Emulators(new Endpoints(local(ports[0]), local(ports[1]), local(ports[2]),
                local(ports[3]), local(ports[4]), REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY), ports[5], logs);
        Runtime.getRuntime().addShutdownHook(emulators.shutdownHook);
        try {
            // Slowest first: the JVM-based emulators start while npm checks (or installs) the node packages.
            emulators.launchS3Proxy(state, s3proxyJar, ports[5]);
            emulators.launchElasticMq(ports[1]);
            NodePackages.ensureInstalled(module, logs.resolve("npm.log"));
            emulators.launchNodeEmulators(module, state, ports[0], ports[3], ports[4]);
            emulators.awaitReady();
            return emulators;
        } catch (RuntimeException | Error e) {
            emulators.close();
            throw e;
        }
    }

    /** Where each emulator listens, with the region and credentials that all of them accept. */
    public Endpoints endpoints() {
        return endpoints;
    }

    /**
     * The local S3 endpoint in front of S3Proxy, which sends the buckets' event notifications once
     * {@link S3EventProxy#route routes} are set.
     */
    public S3EventProxy s3Events() {
        return s3Events;
    }

    /** S3Proxy's own address, behind the S3 endpoint; requests sent there are announced to no queue. */
    public URI s3Backend() {
        return local(s3ProxyPort);
    }

    /** The e-mails the SES emulator captured, confirmation codes relayed from Cognito included. */
    public SesMailbox mailbox() {
        return new SesMailbox(endpoints.ses());
    }

    /** Where each emulator's output goes ({@code <name>.log}). */
    public Path logDirectory() {
        return logs;
    }

    /**
     * The confirmation codes cognito-local issued for this e-mail address (sign-up, attribute verification,
     * forgotten password...), oldest first; the address is compared ignoring case.
     */
    public List<String> confirmationCodesFor(String email) {
        return relay.codesFor(email);
    }

    /**
     * Stops every emulator and waits (up to 10 s each) until its port is free. Codes still being relayed are
     * e-mailed before the SES emulator stops. Idempotent; also run by the JVM shutdown hook.
     */
    @Override
    public void close() {
        List<Server> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = List.copyOf(servers);
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running or about to, and will find us closed.
            }
        }
        // The SES emulator stops last: the relay may still be sending the last codes through it.
        int sesPort = endpoints.ses().getPort();
        List<Server> others = running.stream().filter(server -> server.port() != sesPort).toList();
        s3Events.close();
        others.forEach(server -> server.process().terminate());
        stopElasticMq();
        others.forEach(server -> server.process().awaitExit());
        relay.close();
        running.stream().filter(server -> server.port() == sesPort).forEach(server -> server.process().awaitExit());
        for (URI endpoint : List.of(endpoints.dynamodb(), endpoints.sqs(), endpoints.s3(), endpoints.cognito(),
                endpoints.ses(), local(s3ProxyPort))) {
            if (!Ports.awaitFree(endpoint.getPort(), STOP_TIMEOUT)) {
                LOG.log(Level.WARNING, "Port " + endpoint.getPort() + " (" + endpoint + ") is still in use after "
                        + STOP_TIMEOUT.toSeconds() + " s");
            }
        }
    }

    private void launchS3Proxy(Path state, Path jar, int port) {
        Path properties = state.resolve("s3proxy.properties");
        // PutBucketCors is not implemented by S3Proxy: browsers' uploads with presigned URLs need CORS set here.
        Map<String, String> settings = new LinkedHashMap<>();
        // S3Proxy listens on its own port; clients use endpoints.s3(), the S3EventProxy that forwards to it.
        settings.put("s3proxy.endpoint", local(port).toString());
        settings.put("s3proxy.authorization", "aws-v2-or-v4");
        settings.put("s3proxy.identity", ACCESS_KEY_ID);
        settings.put("s3proxy.credential", SECRET_ACCESS_KEY);
        settings.put("s3proxy.cors-allow-origins", "*");
        settings.put("s3proxy.cors-allow-methods", "GET PUT POST HEAD");
        settings.put("s3proxy.cors-allow-headers", "*");
        settings.put("jclouds.provider", "transient");
        settings.put("jclouds.identity", ACCESS_KEY_ID);
        settings.put("jclouds.credential", SECRET_ACCESS_KEY);
        StringBuilder text = new StringBuilder("# Written by ").append(Emulators.class.getName())
                .append(" at each start.\n");
        settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        write(properties, text.toString());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and the serial collector: S3Proxy starts faster and takes less CPU from the other emulators.
        launch(ChildProcess.Spec.inMemory("s3proxy", state, java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-jar", jar.toString(), "--properties", properties.toString()), port, "/");
    }

    private synchronized void launchElasticMq(int port) {
        if (closed) {
            throw new IllegalStateException("The local cloud was stopped while ElasticMQ was starting");
        }
        sqsLaunchedAt = System.nanoTime();
        sqs = CompletableFuture.supplyAsync(() -> {
            SQSRestServer server = SQSRestServerBuilder.withInterface(Ports.HOST).withPort(port)
                    .withServerAddress(new NodeAddress("http", Ports.HOST, port, ""))
                    .withAWSRegion(REGION)
                    .withAWSAccountId(Endpoints.ACCOUNT_ID)
                    .start();
            try {
                server.waitUntilStarted();
            } catch (RuntimeException e) {
                stop(server);
                throw e;
            }
            return server;
        }, runnable -> {
            Thread thread = new Thread(runnable, "elasticmq-start");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private void launchNodeEmulators(Path module, Path state, int dynamodbPort, int cognitoPort, int sesPort) {
        String packages = module.resolve("node_modules") + "/";
        String host = Ports.HOST;
        launch(ChildProcess.Spec.inMemory("dynalite", module, "node", packages + "dynalite/cli.js", "--host", host,
                "--port", Integer.toString(dynamodbPort), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0"), dynamodbPort, "/");
        launch(ChildProcess.Spec.inMemory("ses", module, "node", packages + "aws-ses-v2-local/dist/cli.js", "--host",
                host, "--port", Integer.toString(sesPort)), sesPort, "/health-check");
        // cognito-local reads its port and host from the environment, and keeps its data in ./.cognito.
        // COLUMNS keeps its boxed code deliveries on one line per field (see CodeDeliveryParser).
        Map<String, String> environment = Map.of("PORT", Integer.toString(cognitoPort), "HOST", host,
                "COLUMNS", "1000", "AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE", "1");
        launch(new ChildProcess.Spec("cognito", List.of("node", packages + "cognito-local/lib/bin/start.js"),
                state.resolve("cognito"), environment, relay, true), cognitoPort, "/health");
    }

    private void launch(ChildProcess.Spec spec, int port, String probePath) {
        long launchedAt = System.nanoTime();
        ChildProcess child = ChildProcess.start(spec, logs.resolve(spec.name() + ".log"));
        synchronized (this) {
            if (!closed) {
                servers.add(new Server(child, port, probePath, launchedAt));
                return;
            }
        }
        child.awaitExit();
        throw new IllegalStateException("The local cloud was stopped while " + spec.name() + " was starting");
    }

    /** Polls every emulator until it answers, failing fast when one dies, or lasts over 30 s since its launch. */
    private void awaitReady() {
        List<Server> pending;
        CompletableFuture<SQSRestServer> sqsStart;
        long sqsStartedAt;
        synchronized (this) {
            pending = new ArrayList<>(servers);
            sqsStart = sqs;
            sqsStartedAt = sqsLaunchedAt;
        }
        while (!pending.isEmpty()) {
            for (Server server : List.copyOf(pending)) {
                if (Ports.answersHttp(server.port(), server.probePath())) {
                    pending.remove(server);
                } else if (!server.process().isAlive()) {
                    throw failure(server, "exited before answering");
                } else if (System.nanoTime() - server.launchedAt() > START_TIMEOUT.toNanos()) {
                    throw failure(server, "did not answer within " + START_TIMEOUT.toSeconds() + " s");
                }
            }
            if (!pending.isEmpty()) {
                Ports.sleep(Duration.ofMillis(25));
            }
        }
        long left = START_TIMEOUT.toNanos() - (System.nanoTime() - sqsStartedAt);
        try {
            sqsStart.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("ElasticMQ (SQS) did not start within " + START_TIMEOUT.toSeconds()
                    + " s on " + endpoints.sqs(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ElasticMQ (SQS) could not start on " + endpoints.sqs() + ": "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ElasticMQ was starting", e);
        }
    }

    private IllegalStateException failure(Server server, String what) {
        ChildProcess child = server.process();
        String exit = child.isAlive() ? "" : " (exit code " + exitCode(child) + ")";
        return new IllegalStateException(child.name() + " " + what + exit + " on http://" + Ports.HOST + ":"
                + server.port() + server.probePath() + "; the end of its output (" + child.log() + "):"
                + System.lineSeparator() + child.outputTail(OUTPUT_LINES_IN_ERRORS));
    }

    private static String exitCode(ChildProcess child) {
        return child.exitCode().map(String::valueOf).orElse("unknown");
    }

    private void stopElasticMq() {
        CompletableFuture<SQSRestServer> sqsStart;
        synchronized (this) {
            sqsStart = sqs;
        }
        if (sqsStart == null) {
            return;
        }
        try {
            stop(sqsStart.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            // It never started, or never will: nothing to stop that we can reach.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unbinds ElasticMQ's port and terminates its actor system, waiting a bounded time. */
    private static void stop(SQSRestServer server) {
        try {
            FutureConverters.asJava(server.stopAndGetFuture().apply()).toCompletableFuture()
                    .get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.log(Level.WARNING, "ElasticMQ did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static URI local(int port) {
        return URI.create("http://" + Ports.HOST + ":" + port);
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
