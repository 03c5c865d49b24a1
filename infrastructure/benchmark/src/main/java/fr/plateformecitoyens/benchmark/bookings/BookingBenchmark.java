package fr.plateformecitoyens.benchmark.bookings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.plateformecitoyens.adapters.PlatformClock;
import fr.plateformecitoyens.adapters.dynamo.DynamoBookingStore;
import fr.plateformecitoyens.adapters.dynamo.DynamoLedger;
import fr.plateformecitoyens.adapters.dynamo.DynamoResourceCatalogue;
import fr.plateformecitoyens.benchmark.bookings.DynamoMeter.Scope;
import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.Bookings;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.request.Channel;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Booking benchmark: response times through the local gateway (availability of one service over four weeks,
 * booking, cancellation; sequential requests, each booking a distinct free slot for a distinct citizen), then
 * the DynamoDB calls and capacity units of each operation, counted behind the gateway (when the functions run
 * in this JVM), after it (what the events cause) and in the use cases run in-process. Prints a Markdown report
 * and writes it to {@code infrastructure/benchmark/target/bookings.md}. Run it with {@code bookings.sh}.
 */
public final class BookingBenchmark {

    static final String SERVICE = "passeports-cni";
    static final String TYPE = "depot-cni";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BookingCloud cloud;
    private final int samples;
    private final int warmup;
    private final int accounted;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final CitizenTokens tokens;
    private final String commune;
    private final LocalDate from;
    private final LocalDate to;
    private final SqsClient sqs;
    private final String eventsQueue;
    private final Deque<JsonNode> freeSlots = new ArrayDeque<>();
    private final List<Held> leftovers = new ArrayList<>();

    /** Results, by operation, for the report. */
    private final Map<String, Latencies> latencies = new LinkedHashMap<>();
    private final Map<String, String> latencyNotes = new LinkedHashMap<>();
    private final Map<String, Map<Scope, List<Tally>>> tallies = new LinkedHashMap<>();
    private final Map<String, Tally> async = new LinkedHashMap<>();
    private final Map<String, Integer> events = new LinkedHashMap<>();
    private final List<String> remarks = new ArrayList<>();

    /** A booking held by a citizen of the benchmark, to be cancelled. */
    private record Held(String id, String sub, String token) {
    }

    private BookingBenchmark(BookingCloud cloud, Path root, int samples, int warmup, int accounted) throws IOException {
        this.cloud = cloud;
        this.samples = samples;
        this.warmup = warmup;
        this.accounted = accounted;
        this.tokens = new CitizenTokens(root, cloud.issuer(), cloud.clientId());
        this.commune = "/api/v1/tenants/" + cloud.tenantId();
        this.sqs = SqsClient.builder().endpointOverride(cloud.endpoint("sqs")).region(Region.of(cloud.region()))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
        this.eventsQueue = cloud.resource("EventsQueue");
        LocalDate start = LocalDate.now(PARIS).plusDays(1);
        if (YearMonth.from(start).equals(YearMonth.from(start.plusDays(27)))) {
            start = start.plusDays(4); // four weeks across two months: the ledger's worst case
        }
        this.from = start;
        this.to = start.plusDays(27);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmup = Integer.parseInt(env("BOOKINGS_WARMUP", "100"));
        int accounted = Integer.parseInt(env("BOOKINGS_ACCOUNTED", "20"));
        boolean reuse = !env("BOOKINGS_CLOUD", "auto").equals("start");
        Path report = Path.of(env("BOOKINGS_REPORT", root.resolve("infrastructure/benchmark/target/bookings.md")
                .toString())).toAbsolutePath();
        Path log = report.resolveSibling("bookings-functions.log");
        Files.createDirectories(report.getParent());

        // The functions log one JSON line per event on standard output: keep them out of the report.
        PrintStream console = System.out;
        PrintStream functionLog = new PrintStream(new FileOutputStream(log.toFile()), true, StandardCharsets.UTF_8);
        System.setOut(functionLog);
        String loadBefore = loadAverage();
        Instant began = Instant.now();
        String text;
        try (BookingCloud cloud = BookingCloud.reuseOrStart(root, reuse)) {
            console.println("Local cloud " + cloud.origin() + "; gateway " + cloud.baseUrl());
            BookingBenchmark benchmark = new BookingBenchmark(cloud, root, samples, warmup, accounted);
            try {
                benchmark.run(console);
            } finally {
                benchmark.cancelLeftovers();
                benchmark.sqs.close();
            }
            text = benchmark.report(began, loadBefore, loadAverage());
        } finally {
            System.setOut(console);
            functionLog.close();
        }
        Files.writeString(report, text);
        console.println();
        console.println(text);
        console.println("Written to " + report + " (the functions' logs: " + log + ")");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    // ---------------------------------------------------------------------------------------------- phases

    private void run(PrintStream console) throws Exception {
        collectFreeSlots();
        console.println(freeSlots.size() + " free slots of " + SERVICE + " to book, up to "
                + LocalDate.now(PARIS).plusDays(59) + "; availability window " + from + " to " + to);

        console.println("Warm-up: " + warmup + " availability requests, " + warmup / 2 + " bookings and cancellations");
        for (int i = 0; i < warmup; i++) {
            expect(200, get(availabilityPath()));
        }
        for (int i = 0; i < warmup / 2; i++) {
            Held held = book(nextSlot(1), citizen(), null);
            cancel(held, null);
        }
        // Each booking and cancellation sends an e-mail from the queue's function, in this JVM: let it finish
        // between phases, so that a phase is not slowed by the previous one's e-mails (on AWS, another Lambda).
        drain();

        console.println("Measuring " + samples + " of each operation through the gateway...");
        measureAvailability("Availability, 4 weeks (before the bookings)");
        List<Held> booked = new ArrayList<>();
        Latencies booking = new Latencies();
        List<String[]> citizens = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String sub = "bench-" + UUID.randomUUID();
            citizens.add(new String[] {sub, tokens.citizen(sub)});
        }
        int taken = 0;
        for (String[] c : citizens) {
            Held held = null;
            while (held == null) {
                JsonNode slot = nextSlot(1);
                long t0 = System.nanoTime();
                HttpResponse<String> response = post(commune + "/appointments", c[1], appointment(slot));
                long elapsed = System.nanoTime() - t0;
                if (response.statusCode() == 409) {
                    taken++; // taken by someone else since the inventory (a shared cloud): not this measurement
                    continue;
                }
                expect(201, response);
                booking.add(elapsed);
                held = new Held(JSON.readTree(response.body()).path("id").asText(), c[0], c[1]);
            }
            booked.add(held);
            leftovers.add(held);
        }
        latencies.put("Booking (POST appointments)", booking);
        if (taken > 0) {
            latencyNotes.put("Booking (POST appointments)", taken + " slots taken by others meanwhile, skipped");
        }
        drain();
        measureAvailability("Availability, 4 weeks (with the " + samples + " bookings)");
        Latencies cancellation = new Latencies();
        for (Held held : booked) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = delete("/api/v1/me/appointments/" + held.id(), held.token());
            cancellation.add(System.nanoTime() - t0);
            expect(200, response);
            leftovers.remove(held);
        }
        latencies.put("Cancellation (DELETE me/appointments/{id})", cancellation);
        drain();
        console.println("Measuring " + samples + " of each use case in-process, without the gateway...");
        measureUseCases();
        console.println("Measuring the references: the gateway alone, one call to each emulator...");
        measureReferences();

        if (cloud.inProcess() && DynamoMeter.onEveryClient()) {
            console.println("Counting the DynamoDB calls behind the gateway (" + accounted + " of each)...");
            countBehindTheGateway();
        } else {
            remarks.add(cloud.inProcess() ? "The SDK hook was not on the class path (run `bookings.sh`): only the "
                    + "use cases run in-process were counted."
                    : "The functions run in another process (a reused cloud): only the use cases run in-process were "
                    + "counted, not the API layer around them nor what the events cause.");
        }
        console.println("Counting the DynamoDB calls of the use cases in-process (" + accounted + " of each)...");
        countUseCases();
    }

    private void measureAvailability(String label) throws Exception {
        Latencies availability = new Latencies();
        HttpResponse<String> last = null;
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            last = get(availabilityPath());
            availability.add(System.nanoTime() - t0);
            expect(200, last);
        }
        latencies.put(label, availability);
        int slots = 0;
        int placesTaken = 0;
        for (JsonNode slot : JSON.readTree(last.body()).path("items")) {
            slots++;
            placesTaken += 3 - slot.path("remaining").asInt();
        }
        latencyNotes.put(label, slots + " slots in the answer, " + placesTaken + " places taken in the window");
    }

    /**
     * The same use cases called in this thread on a client of the benchmark's own: what the domain and DynamoDB
     * take, without the gateway, the authorizer, the function's event and the JSON.
     */
    private void measureUseCases() {
        try (DynamoDbClient client = dynamo(false)) {
            Bookings bookings = useCases(client);
            String tenant = cloud.tenantId();
            for (int i = 0; i < warmup; i++) {
                bookings.availability(bookings.resource(tenant, Resource.Kind.APPOINTMENT_SERVICE, SERVICE), 15, from,
                        to);
            }
            Latencies availability = new Latencies();
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                bookings.availability(bookings.resource(tenant, Resource.Kind.APPOINTMENT_SERVICE, SERVICE), 15, from,
                        to);
                availability.add(System.nanoTime() - t0);
            }
            latencies.put("Availability, 4 weeks: use case in-process", availability);
            latencyNotes.put("Availability, 4 weeks: use case in-process", "`Bookings.resource` + `availability`");
            Latencies booking = new Latencies();
            List<Booking> booked = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                JsonNode slot = nextSlot(1);
                long t0 = System.nanoTime();
                Booking b = bookDirect(bookings, slot);
                booking.add(System.nanoTime() - t0);
                booked.add(b);
            }
            latencies.put("Booking: use case in-process", booking);
            latencyNotes.put("Booking: use case in-process", "`Bookings.bookAppointment`");
            Latencies cancellation = new Latencies();
            for (Booking b : booked) {
                long t0 = System.nanoTime();
                bookings.cancel(b.id(), b.holderId(), Resource.Kind.APPOINTMENT_SERVICE);
                cancellation.add(System.nanoTime() - t0);
            }
            latencies.put("Cancellation: use case in-process", cancellation);
            latencyNotes.put("Cancellation: use case in-process", "`Bookings.cancel`");
        }
    }

    /**
     * What the operations above are made of: a function that calls no AWS service, behind the same gateway;
     * one small GetItem from the emulated DynamoDB; one SendMessage to the emulated SQS (a private cloud only:
     * to its dead-letter queue, purged afterwards).
     */
    private void measureReferences() throws Exception {
        Latencies health = new Latencies();
        for (int i = 0; i < warmup + samples; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = get("/api/v1/health");
            if (i >= warmup) {
                health.add(System.nanoTime() - t0);
            }
            expect(200, response);
        }
        latencies.put("Reference: GET /api/v1/health through the gateway", health);
        latencyNotes.put("Reference: GET /api/v1/health through the gateway",
                "gateway + function, no AWS call");
        try (DynamoDbClient client = dynamo(false)) {
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("TENANT#" + cloud.tenantId()),
                    "sk", AttributeValue.fromS("RESOURCE#APPOINTMENT_SERVICE#" + SERVICE));
            Latencies getItem = new Latencies();
            for (int i = 0; i < warmup + samples; i++) {
                long t0 = System.nanoTime();
                client.getItem(b -> b.tableName(cloud.resource("MainTable")).key(key));
                if (i >= warmup) {
                    getItem.add(System.nanoTime() - t0);
                }
            }
            latencies.put("Reference: one DynamoDB GetItem (dynalite)", getItem);
            latencyNotes.put("Reference: one DynamoDB GetItem (dynalite)", "the service's item, 1.5 KB");
        }
        if (cloud.inProcess()) {
            String queue = cloud.resource("EventsDeadLetterQueue");
            Latencies send = new Latencies();
            for (int i = 0; i < warmup + samples; i++) {
                long t0 = System.nanoTime();
                sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"benchmark\":true}"));
                if (i >= warmup) {
                    send.add(System.nanoTime() - t0);
                }
            }
            sqs.purgeQueue(b -> b.queueUrl(queue));
            latencies.put("Reference: one SQS SendMessage (ElasticMQ)", send);
            latencyNotes.put("Reference: one SQS SendMessage (ElasticMQ)", "what publishing an event costs");
        }
    }

    private Bookings useCases(DynamoDbClient client) {
        String table = cloud.resource("MainTable");
        return new Bookings(new DynamoResourceCatalogue(client, table), new DynamoLedger(client, table),
                new DynamoBookingStore(client, table), event -> { }, new PlatformClock());
    }

    /** The same operations through the gateway, with every DynamoDB client of the functions counted. */
    private void countBehindTheGateway() throws Exception {
        try (DynamoDbClient uncounted = dynamo(false)) {
            DynamoMeter.connect(uncounted, Thread.currentThread());
            drain();
            DynamoMeter.enable(true);
            try {
                discardAll();
                for (int i = 0; i < accounted; i++) {
                    expect(200, get(availabilityPath()));
                    record("availability", Scope.HTTP);
                }
                List<Held> booked = new ArrayList<>();
                for (int i = 0; i < accounted; i++) {
                    booked.add(book(nextSlot(1), citizen(), null));
                    record("booking", Scope.HTTP);
                }
                drain();
                async.put("booking", DynamoMeter.take(Scope.ASYNC));
                events.put("booking", accounted);

                DynamoMeter.enable(false);
                JsonNode full = nextSlot(3);
                List<Held> fillers = new ArrayList<>();
                for (int i = 0; i < full.path("remaining").asInt(); i++) {
                    fillers.add(book(full, citizen(), null));
                }
                drain();
                DynamoMeter.enable(true);
                discardAll();
                String[] c = citizen();
                expect(409, post(commune + "/appointments", c[1], appointment(full)));
                record("refused", Scope.HTTP);
                drain();
                async.put("refused", DynamoMeter.take(Scope.ASYNC));
                events.put("refused", 1);

                for (Held held : booked) {
                    cancel(held, null);
                    record("cancellation", Scope.HTTP);
                }
                drain();
                async.put("cancellation", DynamoMeter.take(Scope.ASYNC));
                events.put("cancellation", accounted);
                DynamoMeter.enable(false);
                for (Held held : fillers) {
                    cancel(held, null);
                }
                drain();
            } finally {
                DynamoMeter.enable(false);
            }
        }
    }

    /** The use cases themselves, in this thread, on a DynamoDB client of the benchmark's own. */
    private void countUseCases() {
        boolean hooked = DynamoMeter.onEveryClient();
        try (DynamoDbClient counted = dynamo(!hooked); DynamoDbClient uncounted = dynamo(false)) {
            DynamoMeter.connect(uncounted, Thread.currentThread());
            Bookings bookings = useCases(counted);
            String tenant = cloud.tenantId();
            DynamoMeter.enable(true);
            try {
                discardAll();
                for (int i = 0; i < accounted; i++) {
                    Resource service = bookings.resource(tenant, Resource.Kind.APPOINTMENT_SERVICE, SERVICE);
                    bookings.availability(service, 15, from, to);
                    record("availability", Scope.DIRECT);
                }
                List<Booking> booked = new ArrayList<>();
                for (int i = 0; i < accounted; i++) {
                    booked.add(bookDirect(bookings, nextSlot(1)));
                    record("booking", Scope.DIRECT);
                }
                DynamoMeter.enable(false);
                JsonNode full = nextSlot(3);
                List<Booking> fillers = new ArrayList<>();
                for (int i = 0; i < full.path("remaining").asInt(); i++) {
                    fillers.add(bookDirect(bookings, full));
                }
                DynamoMeter.enable(true);
                discardAll();
                try {
                    bookDirect(bookings, full);
                    throw new IllegalStateException("a full slot was booked");
                } catch (DomainException.Unavailable expected) {
                    record("refused", Scope.DIRECT);
                }
                for (Booking b : booked) {
                    bookings.cancel(b.id(), b.holderId(), b.kind());
                    record("cancellation", Scope.DIRECT);
                }
                DynamoMeter.enable(false);
                fillers.forEach(b -> bookings.cancel(b.id(), b.holderId(), b.kind()));
            } finally {
                DynamoMeter.enable(false);
            }
        }
    }

    private Booking bookDirect(Bookings bookings, JsonNode slot) {
        String sub = "bench-" + UUID.randomUUID();
        LocalDateTime start = OffsetDateTime.parse(slot.path("start").asText()).atZoneSameInstant(PARIS)
                .toLocalDateTime();
        return bookings.bookAppointment(cloud.tenantId(), SERVICE, TYPE, start,
                new Bookings.Holder(sub, "Essai " + sub, sub + "@example.org"), Channel.WEB,
                Optional.of(UUID.randomUUID().toString()));
    }

    private void record(String operation, Scope scope) {
        tallies.computeIfAbsent(operation, o -> new LinkedHashMap<>()).computeIfAbsent(scope, s -> new ArrayList<>())
                .add(DynamoMeter.take(scope));
    }

    private static void discardAll() {
        for (Scope scope : Scope.values()) {
            DynamoMeter.take(scope);
        }
    }

    /**
     * Waits until the events queue is empty and nothing is in flight: what the events cause is done (on a
     * reused cloud, whose queue others may feed, for five minutes at most).
     */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int quiet = 0;
        while (quiet < 3) {
            if (System.nanoTime() > deadline) {
                if (cloud.inProcess()) {
                    throw new IllegalStateException("the events queue did not drain in 5 minutes");
                }
                return; // a shared cloud's queue may never be empty
            }
            Thread.sleep(300);
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(eventsQueue).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
            boolean empty = a.values().stream().allMatch("0"::equals);
            quiet = empty ? quiet + 1 : 0;
        }
    }

    private void cancelLeftovers() {
        for (Held held : List.copyOf(leftovers)) {
            try {
                delete("/api/v1/me/appointments/" + held.id(), held.token());
            } catch (Exception e) {
                System.err.println("could not cancel booking " + held.id() + ": " + e);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private String availabilityPath() {
        return commune + "/appointment-services/" + SERVICE + "/slots?type=" + TYPE + "&from=" + from + "&to=" + to;
    }

    /**
     * Every slot with a place left, from the availability window's first day (at least two days ahead, for the
     * 24-hour cancellation cut-off) to the 60-day limit: the bookings fill the window that is measured.
     */
    private void collectFreeSlots() throws Exception {
        LocalDate first = LocalDate.now(PARIS).plusDays(2).isAfter(from) ? LocalDate.now(PARIS).plusDays(2) : from;
        LocalDate last = LocalDate.now(PARIS).plusDays(59);
        for (LocalDate start = first; !start.isAfter(last); start = start.plusDays(35)) {
            LocalDate end = start.plusDays(34).isAfter(last) ? last : start.plusDays(34);
            HttpResponse<String> response = get(commune + "/appointment-services/" + SERVICE + "/slots?type=" + TYPE
                    + "&from=" + start + "&to=" + end);
            expect(200, response);
            for (JsonNode slot : JSON.readTree(response.body()).path("items")) {
                if (slot.path("remaining").asInt() > 0) {
                    freeSlots.add(slot);
                }
            }
        }
    }

    /** The next free slot with at least {@code places} places left (the ones skipped are dropped). */
    private JsonNode nextSlot(int places) {
        while (!freeSlots.isEmpty()) {
            JsonNode slot = freeSlots.poll();
            if (slot.path("remaining").asInt() >= places) {
                return slot;
            }
        }
        throw new IllegalStateException("no free slot left for the benchmark: fewer samples, or a quieter cloud");
    }

    private String[] citizen() {
        String sub = "bench-" + UUID.randomUUID();
        return new String[] {sub, tokens.citizen(sub)};
    }

    private Held book(JsonNode slot, String[] citizen, Latencies into) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = post(commune + "/appointments", citizen[1], appointment(slot));
        if (into != null) {
            into.add(System.nanoTime() - t0);
        }
        expect(201, response);
        Held held = new Held(JSON.readTree(response.body()).path("id").asText(), citizen[0], citizen[1]);
        leftovers.add(held);
        return held;
    }

    private void cancel(Held held, Latencies into) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = delete("/api/v1/me/appointments/" + held.id(), held.token());
        if (into != null) {
            into.add(System.nanoTime() - t0);
        }
        expect(200, response);
        leftovers.remove(held);
    }

    private static String appointment(JsonNode slot) {
        return "{\"serviceId\":\"" + SERVICE + "\",\"typeId\":\"" + TYPE + "\",\"start\":\""
                + slot.path("start").asText() + "\"}";
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .header("idempotency-key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(cloud.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + ": expected "
                    + status + ", got " + response.statusCode() + " " + response.body());
        }
    }

    private StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(cloud.accessKeyId(),
                cloud.secretAccessKey()));
    }

    /** A DynamoDB client on the cloud's emulator, with the meter on it when {@code metered}. */
    private DynamoDbClient dynamo(boolean metered) {
        return DynamoDbClient.builder().endpointOverride(cloud.endpoint("dynamodb")).region(Region.of(cloud.region()))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> {
                    if (metered) {
                        c.addExecutionInterceptor(new DynamoMeter());
                    }
                }).build();
    }

    // ---------------------------------------------------------------------------------------------- report

    private String report(Instant began, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(began.truncatedTo(ChronoUnit.SECONDS)).append(" (")
                .append(Duration.between(began, Instant.now()).toSeconds()).append(" s): ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpuModel()).append("), ")
                .append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append(", JVM flags `")
                .append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X")).toList())).append("`; load average ")
                .append(loadBefore).append(" before, ").append(loadAfter).append(" after. Local cloud ")
                .append(cloud.origin()).append(". Code: ").append(System.getProperty("bench.commit", "unknown"))
                .append(".\n\n");

        md.append("Through the local gateway (`java.net.http`, one request at a time, after ").append(warmup)
                .append(" availability requests and ").append(warmup / 2).append(" bookings and cancellations of "
                + "warm-up); availability of `").append(SERVICE).append("` (type `").append(TYPE)
                .append("`, 3 desks, 15-minute grid) from ").append(from).append(" to ").append(to)
                .append("; each booking a distinct free slot for a distinct citizen; percentiles by nearest rank.\n\n");
        md.append("| Operation | Samples | p50 | p95 | p99 | max | Target | Notes |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|---|\n");
        latencies.forEach((label, l) -> {
            boolean gateway = !label.contains("in-process") && !label.startsWith("Reference");
            String target = !gateway ? "" : label.startsWith("Availability") ? "p95 ≤ 40 ms"
                    : label.startsWith("Booking") ? "p95 ≤ 60 ms" : "";
            md.append("| ").append(label).append(" | ").append(l.count()).append(" | ").append(ms(l.percentile(50)))
                    .append(" | ").append(ms(l.percentile(95))).append(" | ").append(ms(l.percentile(99))).append(" | ")
                    .append(ms(l.max())).append(" | ").append(target).append(" | ")
                    .append(latencyNotes.getOrDefault(label, "")).append(" |\n");
        });

        md.append("\nDynamoDB per operation (mean of ").append(accounted).append(", min–max when they differ). "
                + "*Emulator*: the `ConsumedCapacity` dynalite returns (`ReturnConsumedCapacity TOTAL` set on every "
                + "request). *DynamoDB rules*: the same calls costed from the items before and after each write, "
                + "table + global secondary indexes, failed conditions and empty reads included (see below).\n\n");
        md.append("| Operation | Counted | Calls | Queries | Items read | RCU emulator | WCU emulator "
                + "| RCU DynamoDB rules | WCU DynamoDB rules (table + indexes) |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---|\n");
        Map<String, String> names = Map.of("availability", "Availability, 4 weeks", "booking", "Booking",
                "refused", "Booking refused (slot full, 409)", "cancellation", "Cancellation");
        for (String operation : List.of("availability", "booking", "refused", "cancellation")) {
            Map<Scope, List<Tally>> byScope = tallies.getOrDefault(operation, Map.of());
            for (Scope scope : List.of(Scope.HTTP, Scope.DIRECT)) {
                List<Tally> list = byScope.get(scope);
                if (list == null || list.isEmpty()) {
                    continue;
                }
                md.append("| ").append(names.get(operation)).append(" | ")
                        .append(scope == Scope.HTTP ? "behind the gateway" : "use case in-process").append(" | ")
                        .append(callsByOperation(list)).append(" | ")
                        .append(stat(list, t -> (double) t.calls("Query"))).append(" | ")
                        .append(stat(list, t -> (double) t.itemsRead())).append(" | ")
                        .append(stat(list, Tally::reportedRead)).append(" | ")
                        .append(stat(list, Tally::reportedWrite)).append(" | ")
                        .append(stat(list, Tally::ruleRead)).append(" | ")
                        .append(stat(list, t -> t.ruleWriteTable() + t.ruleWriteIndexes())).append(" (")
                        .append(stat(list, Tally::ruleWriteTable)).append(" + ")
                        .append(stat(list, Tally::ruleWriteIndexes)).append(") |\n");
            }
            Tally after = async.get(operation);
            if (after != null) {
                int n = events.get(operation);
                md.append("| ").append(names.get(operation)).append(" | its events, after the response (per ")
                        .append(operation.equals("refused") ? "refusal" : operation).append(") | ")
                        .append(after.byOperation().isEmpty() ? "none" : perOperation(after, n)).append(" | ")
                        .append(num((double) after.calls("Query") / n)).append(" | ")
                        .append(num((double) after.itemsRead() / n)).append(" | ")
                        .append(num(after.reportedRead() / n)).append(" | ").append(num(after.reportedWrite() / n))
                        .append(" | ").append(num(after.ruleRead() / n)).append(" | ")
                        .append(num((after.ruleWriteTable() + after.ruleWriteIndexes()) / n)).append(" |\n");
            }
        }

        for (String operation : List.of("availability", "booking", "refused", "cancellation")) {
            Map<Scope, List<Tally>> byScope = tallies.getOrDefault(operation, Map.of());
            List<Tally> list = byScope.containsKey(Scope.HTTP) ? byScope.get(Scope.HTTP) : byScope.get(Scope.DIRECT);
            if (list == null || list.isEmpty()) {
                continue;
            }
            md.append("\nThe calls of one ").append(names.get(operation).toLowerCase(Locale.ROOT)).append(" (")
                    .append(byScope.containsKey(Scope.HTTP) ? "behind the gateway" : "use case in-process")
                    .append("):\n\n");
            md.append("| # | Call | Key or partition | Items | Bytes | Emulator | DynamoDB rules |\n");
            md.append("|---:|---|---|---:|---:|---:|---|\n");
            int i = 1;
            for (Tally.Call call : list.get(0).trace()) {
                appendCall(md, i++, call);
            }
        }
        for (String operation : List.of("booking", "cancellation")) {
            Tally after = async.get(operation);
            int n = events.getOrDefault(operation, 0);
            if (after == null || n == 0 || after.calls() == 0) {
                continue;
            }
            md.append("\nWhat the event of one ").append(operation).append(" causes (the queue's function):\n\n");
            md.append("| # | Call | Key or partition | Items | Bytes | Emulator | DynamoDB rules |\n");
            md.append("|---:|---|---|---:|---:|---:|---|\n");
            List<Tally.Call> calls = after.trace();
            for (int i = 0; i < calls.size() / n; i++) {
                appendCall(md, i + 1, calls.get(i));
            }
        }
        if (!remarks.isEmpty()) {
            md.append('\n');
            remarks.forEach(r -> md.append("- ").append(r).append('\n'));
        }
        return md.toString();
    }

    private static void appendCall(StringBuilder md, int number, Tally.Call call) {
        md.append("| ").append(number).append(" | ").append(call.operation())
                .append(call.failed() ? " (condition failed)" : "").append(" | `").append(call.target())
                .append("` | ").append(call.items()).append(" | ").append(call.bytes()).append(" | ")
                .append(num(call.reported())).append(call.write() ? " WCU" : " RCU").append(" | ")
                .append(num(call.ruleTable() + call.ruleIndexes())).append(call.write() ? " WCU" : " RCU")
                .append(call.ruleIndexes() > 0 ? " (" + num(call.ruleTable()) + " table + "
                        + num(call.ruleIndexes()) + " indexes)" : "").append(" |\n");
    }

    private static String callsByOperation(List<Tally> list) {
        Map<String, List<Double>> counts = new LinkedHashMap<>();
        for (Tally t : list) {
            t.byOperation().keySet().forEach(op -> counts.putIfAbsent(op, new ArrayList<>()));
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((op, values) -> {
            String n = stat(list, t -> (double) t.calls(op));
            text.append(text.length() == 0 ? "" : ", ").append(n).append(' ').append(op);
        });
        int failed = list.stream().mapToInt(Tally::failedConditions).max().orElse(0);
        if (failed > 0) {
            text.append(" (").append(stat(list, t -> (double) t.failedConditions())).append(" condition failed)");
        }
        return text.toString();
    }

    private static String perOperation(Tally tally, int n) {
        StringBuilder text = new StringBuilder();
        tally.byOperation().forEach((op, count) -> text.append(text.length() == 0 ? "" : ", ")
                .append(num((double) count / n)).append(' ').append(op));
        return text.toString();
    }

    private static String stat(List<Tally> list, java.util.function.ToDoubleFunction<Tally> f) {
        double min = list.stream().mapToDouble(f).min().orElse(0);
        double max = list.stream().mapToDouble(f).max().orElse(0);
        double mean = list.stream().mapToDouble(f).average().orElse(0);
        return min == max ? num(mean) : num(mean) + " (" + num(min) + "–" + num(max) + ")";
    }

    private static String num(double value) {
        if (value == Math.rint(value)) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value).replaceAll("0+$", "");
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    private static String loadAverage() {
        return read(() -> {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        });
    }

    private static String cpuModel() {
        return read(() -> Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElse("unknown CPU"));
    }

    private interface IoSupplier {
        String get() throws IOException;
    }

    private static String read(IoSupplier supplier) {
        try {
            return supplier.get();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
