package fr.plateformecitoyens.benchmark.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.plateformecitoyens.adapters.dynamo.DynamoTenantDirectory;
import fr.plateformecitoyens.adapters.dynamo.RequestItems;
import fr.plateformecitoyens.benchmark.bookings.DynamoMeter.Scope;
import fr.plateformecitoyens.core.legal.Acknowledgement;
import fr.plateformecitoyens.core.legal.AcknowledgementWriter;
import fr.plateformecitoyens.core.procedure.DefaultCatalogue;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.References;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.AgentMembership.AgentRole;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import fr.plateformecitoyens.core.tenant.TenantKind;
import fr.plateformecitoyens.core.tenant.Territory;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The inbox benchmark ({@code inbox.sh}): requests loaded straight into the table with BatchWriteItem through
 * the store's own item mapping, across ten tenants; then, through the local gateway, the first and the next
 * page of an inbox and of a filtered view, submissions and transitions, at 10,000 and at 100,000 requests;
 * and the DynamoDB calls and capacity units of each, counted behind the gateway by {@link DynamoMeter}. It
 * sits beside the booking benchmark to share that meter and its local cloud.
 */
public final class InboxBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TENANTS = 10;
    private static final String SERVICE = "etat-civil";
    private static final String AGENT = "bench-inbox-agent";
    private static final int THREADS = 4;

    private final BookingCloud cloud;
    private final DynamoDbClient dynamo;
    private final String table;
    private final CitizenTokens tokens;
    private final String agentToken;
    private final int samples;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Procedure procedure = DefaultCatalogue.civilStatusCertificate("bench-00", SERVICE);
    private final Map<String, Latencies> latencies = new LinkedHashMap<>();
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<String> loads = new ArrayList<>();
    private long loaded;

    private InboxBenchmark(BookingCloud cloud, Path root, int samples) throws Exception {
        this.cloud = cloud;
        this.samples = samples;
        this.table = cloud.resource("MainTable");
        this.dynamo = DynamoDbClient.builder().endpointOverride(cloud.endpoint("dynamodb"))
                .region(Region.of(cloud.region())).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(cloud.accessKeyId(),
                        cloud.secretAccessKey()))).build();
        this.tokens = new CitizenTokens(root, cloud.issuer(), cloud.clientId());
        this.agentToken = tokens.citizen(AGENT);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long small = Long.parseLong(env("INBOX_SMALL", "10000"));
        long large = Long.parseLong(env("INBOX_LARGE", "100000"));
        Path report = root.resolve("infrastructure/benchmark/target/inbox.md");
        Files.createDirectories(report.getParent());
        PrintStream console = System.out;
        PrintStream functionLog = new PrintStream(new FileOutputStream(report.resolveSibling("inbox-functions.log")
                .toFile()), true, StandardCharsets.UTF_8);
        System.setOut(functionLog);
        Instant began = Instant.now();
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        StringBuilder md = new StringBuilder();
        try (BookingCloud cloud = BookingCloud.reuseOrStart(root, false)) {
            InboxBenchmark bench = new InboxBenchmark(cloud, root, samples);
            bench.setUp();
            for (long size : new long[] {small, large}) {
                bench.loadUpTo(size, console);
                bench.measureInbox(size, console);
            }
            bench.measureWrites(console);
            md.append(bench.report(began, load, Files.readString(Path.of("/proc/loadavg")).strip()));
        } finally {
            System.setOut(console);
            functionLog.close();
        }
        Files.writeString(report, md);
        console.println(md);
        console.println("Written to " + report);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** Ten tenants with a civil-status service, and one agent of all of them and of the demo commune. */
    private void setUp() {
        DynamoMeter.connect(dynamo, Thread.currentThread());
        List<String> tenants = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            tenants.add(tenant(t));
        }
        tenants.add(cloud.tenantId());
        for (String tenant : tenants) {
            dynamo.putItem(b -> b.tableName(table).item(DynamoTenantDirectory.item(new HandlingService(tenant, SERVICE,
                    "Service état civil", "Mairie", "02 47 00 00 01", "etat-civil@example.fr"))));
            dynamo.putItem(b -> b.tableName(table).item(DynamoTenantDirectory.item(new AgentMembership(tenant, AGENT,
                    "Agent de mesure", AgentRole.AGENT, List.of(SERVICE)))));
        }
    }

    private static String tenant(int t) {
        return String.format("bench-%02d", t);
    }

    /** Loads requests until the table holds {@code total}, spread evenly over the tenants, in parallel batches. */
    private void loadUpTo(long total, PrintStream console) throws Exception {
        long missing = total - loaded;
        if (missing <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        long perThread = (missing + THREADS - 1) / THREADS;
        for (int w = 0; w < THREADS; w++) {
            long from = loaded + w * perThread;
            long to = Math.min(loaded + missing, from + perThread);
            work.add(pool.submit(() -> {
                writeRange(from, to);
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        loads.add(String.format("%,d requests loaded in %.0f s (%,.0f items/s, %d threads of BatchWriteItem)",
                missing, seconds, missing / seconds, THREADS));
        console.println(loads.get(loads.size() - 1));
        loaded = total;
    }

    private void writeRange(long from, long to) {
        List<WriteRequest> batch = new ArrayList<>();
        for (long i = from; i < to; i++) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(RequestItems.toItem(request(i))).build()).build());
            if (batch.size() == 25 || i == to - 1) {
                Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> ask = pending;
                    var response = dynamo.batchWriteItem(b -> b.requestItems(ask));
                    pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                }
                batch.clear();
            }
        }
    }

    /** Request number {@code i}: its tenant, receipt over the last year, a third finished, as the store writes. */
    private CitizenRequest request(long i) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String tenantId = tenant((int) (i % TENANTS));
        Instant received = Instant.now().minus(Duration.ofMinutes(random.nextLong(365L * 24 * 60)));
        HandlingService service = new HandlingService(tenantId, SERVICE, "Service état civil", "Mairie",
                "02 47 00 00 01", "etat-civil@example.fr");
        Tenant tenant = new Tenant(tenantId, "Commune " + tenantId, TenantKind.COMMUNE, "37999",
                new Territory(47.39, 0.68, 0.65, 47.37, 0.72, 47.42));
        Acknowledgement ack = AcknowledgementWriter.write(tenant, procedure, service, received, received);
        List<Transition> history = new ArrayList<>();
        history.add(new Transition(received, "citizen", null, RequestStatus.SUBMITTED, ""));
        RequestStatus status = RequestStatus.SUBMITTED;
        if (i % 3 == 0) {
            status = RequestStatus.ACCEPTED;
            history.add(new Transition(received.plus(Duration.ofDays(3)), AGENT, RequestStatus.SUBMITTED, status,
                    "Votre acte vous sera envoyé par courrier."));
        }
        Channel channel = Channel.values()[(int) (i % 7 == 0 ? 1 + i % 3 : 0)];
        String family = "Nom" + Long.toString(i, 36);
        return new CitizenRequest(tenantId, References.random(received.atZone(java.time.ZoneOffset.UTC)
                .toLocalDate()), procedure.id(), 1, procedure.title(), SERVICE,
                new Applicant("citizen-" + i, "Camille", family, "citoyen-" + i + "@example.org"), channel,
                Map.of("typeActe", "naissance", "nomActe", family, "prenomsActe", "Camille", "dateActe", "1990-05-12",
                        "livraison", "telechargement"), status, received, received, ack,
                status.clockRuns() ? ack.implicitDecisionDate() : Optional.empty(), history, history.size(),
                "fingerprint-" + i);
    }

    /** First and next page of the inbox, and of the counter-channel view, of one tenant; then their cost. */
    private void measureInbox(long size, PrintStream console) throws Exception {
        String base = "/api/v1/tenants/" + tenant(3) + "/inbox?service=" + SERVICE + "&limit=25";
        Map<String, String> views = new LinkedHashMap<>();
        views.put("inbox, first page", base);
        views.put("inbox, by phone (sparse index)", base + "&channel=phone");
        views.put("inbox, démarche and phone (index + filter)", base + "&procedure=acte-etat-civil&channel=phone");
        views.put("inbox, due within 60 days, by due date", base + "&due=60&sort=due");
        for (int i = 0; i < samples / 3; i++) {
            get(base);
        }
        console.println("Measuring the inbox at " + size + " requests (" + samples + " of each)...");
        for (var view : views.entrySet()) {
            Latencies first = new Latencies();
            Latencies next = new Latencies();
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                JsonNode page = get(view.getValue());
                first.add(System.nanoTime() - t0);
                String cursor = page.path("nextCursor").asText(null);
                if (cursor != null) {
                    long t1 = System.nanoTime();
                    get(view.getValue() + "&cursor=" + cursor);
                    next.add(System.nanoTime() - t1);
                }
            }
            latencies.put(view.getKey() + " @ " + size, first);
            latencies.put(view.getKey() + ", next page @ " + size, next);
        }
        DynamoMeter.enable(true);
        try {
            for (var view : views.entrySet()) {
                DynamoMeter.take(Scope.HTTP);
                JsonNode page = get(view.getValue());
                tallies.put(view.getKey() + " @ " + size, DynamoMeter.take(Scope.HTTP));
                get(view.getValue() + "&cursor=" + page.path("nextCursor").asText(""));
                tallies.put(view.getKey() + ", next page @ " + size, DynamoMeter.take(Scope.HTTP));
            }
        } finally {
            DynamoMeter.enable(false);
        }
    }

    /** Submissions to the demo commune and one transition of each, through the gateway. */
    private void measureWrites(PrintStream console) throws Exception {
        console.println("Measuring " + samples + " submissions and transitions...");
        JsonNode sample = JSON.readTree(JSON.readTree(Files.readString(Path.of(System.getProperty("project.root", "."),
                "events/CitizenApiFunction.submit-civil-status-certificate.json"))).path("body").asText());
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("procedureId", "acte-etat-civil")
                .set("data", sample.path("data")));
        String commune = "/api/v1/tenants/" + cloud.tenantId();
        Latencies submit = new Latencies();
        Latencies transition = new Latencies();
        for (int i = 0; i < samples + 20; i++) {
            boolean counted = i == samples + 19;
            String citizen = tokens.citizen("bench-" + UUID.randomUUID());
            DynamoMeter.enable(counted);
            DynamoMeter.take(Scope.HTTP);
            long t0 = System.nanoTime();
            HttpResponse<String> filed = send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + commune
                    + "/requests")).header("Authorization", "Bearer " + citizen)
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
            long elapsed = System.nanoTime() - t0;
            if (counted) {
                tallies.put("submit (POST requests)", DynamoMeter.take(Scope.HTTP));
            }
            String reference = JSON.readTree(filed.body()).path("reference").asText();
            long t1 = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + commune + "/requests/" + reference
                    + "/transitions")).header("Authorization", "Bearer " + agentToken)
                    .header("Content-Type", "application/json").header("If-Match", "\"" + reference + "-v1\"")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"in_progress\"}")).build(), 200);
            long elapsedTransition = System.nanoTime() - t1;
            if (counted) {
                tallies.put("transition (POST transitions)", DynamoMeter.take(Scope.HTTP));
            }
            DynamoMeter.enable(false);
            if (i >= 20) {
                submit.add(elapsed);
                transition.add(elapsedTransition);
            }
        }
        latencies.put("submit (POST requests)", submit);
        latencies.put("transition (POST transitions)", transition);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path))
                .header("Authorization", "Bearer " + agentToken).GET().build(), 200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private String report(Instant began, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(began.truncatedTo(ChronoUnit.SECONDS)).append(" (")
                .append(Duration.between(began, Instant.now()).toSeconds()).append(" s), ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; load average before ")
                .append(loadBefore).append(", after ").append(loadAfter).append(".\n\n");
        loads.forEach(l -> md.append("- ").append(l).append('\n'));
        md.append("\n| Operation (through the local gateway) | n | p50 ms | p95 ms | p99 ms |\n")
                .append("|---|---|---|---|---|\n");
        latencies.forEach((name, l) -> md.append(String.format("| %s | %d | %.1f | %.1f | %.1f |%n", name, l.count(),
                l.percentile(50), l.percentile(95), l.percentile(99))));
        md.append("\n| Operation | DynamoDB calls | read units (reported) | write units (reported) | read units "
                + "(rules) | write units (rules: table + indexes) |\n|---|---|---|---|---|---|\n");
        tallies.forEach((name, t) -> md.append(String.format("| %s | %d (%s) | %.1f | %.1f | %.1f | %.1f + %.1f |%n",
                name, t.calls(), calls(t), t.reportedRead(), t.reportedWrite(), t.ruleRead(), t.ruleWriteTable(),
                t.ruleWriteIndexes())));
        return md.toString();
    }

    private static String calls(Tally t) {
        List<String> parts = new ArrayList<>();
        for (String op : List.of("GetItem", "Query", "PutItem", "UpdateItem", "BatchGetItem", "DeleteItem")) {
            if (t.calls(op) > 0) {
                parts.add(t.calls(op) + " " + op);
            }
        }
        return String.join(", ", parts);
    }
}
