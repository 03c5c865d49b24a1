package fr.plateformecitoyens.local.emulators;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local S3 endpoint: a forwarding proxy in front of S3Proxy that adds what S3Proxy lacks, S3 event
 * notifications. Every request and every response passes byte for byte (the {@code Host} header included, so
 * signatures made for this endpoint, presigned URLs too, still verify; S3Proxy's CORS answers come back as they
 * are). When S3Proxy answers 2xx to a request that creates an object (a PUT, a PUT with
 * {@code x-amz-copy-source}, a POST completing a multipart upload), the proxy sends to each matching queue the
 * event notification AWS would send: {@code Records[].s3.bucket.name}, the URL-encoded {@code object.key}, its
 * {@code size} and {@code eTag}, {@code eventName} such as {@code ObjectCreated:Put}. The routes come from the
 * buckets' {@code NotificationConfiguration} in template.yaml, with their prefix and suffix filters; when they
 * are set, each queue gets the {@code s3:TestEvent} S3 sends when a notification is configured.
 *
 * <p>One thread relays requests and one relays responses per connection, so {@code Expect: 100-continue}
 * works as it does with S3Proxy itself. Browser form uploads (POST to the bucket) are forwarded but announce
 * nothing (see docs/architecture.md).
 */
public final class S3EventProxy implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(S3EventProxy.class.getName());
    private static final Set<String> NOT_OBJECT_WRITES = Set.of("uploadId", "partNumber", "acl", "tagging",
            "retention", "legal-hold", "restore", "select");

    /** A request sent upstream, waiting for its response. */
    private record Exchange(String method, String target, Map<String, String> headers) {
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final Endpoints endpoints;
    private final ExecutorService threads;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() << 16);
    private final AtomicLong published = new AtomicLong();
    private volatile List<S3EventRoute> routes = List.of();
    private volatile SqsClient sqs;
    private volatile S3Client s3;

    /** Listens on {@code port} of the loopback address and forwards to S3Proxy on {@code upstreamPort}. */
    S3EventProxy(int port, int upstreamPort, Endpoints endpoints) {
        this.upstreamPort = upstreamPort;
        this.endpoints = endpoints;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "s3-event-proxy-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(Ports.LOOPBACK, port), 128);
        } catch (IOException e) {
            throw new IllegalStateException("The S3 endpoint could not listen on port " + port + ": " + e, e);
        }
        threads.execute(this::accept);
    }

    /**
     * Sets where created objects are announced, and sends each queue its {@code s3:TestEvent}.
     *
     * @param newRoutes the queue configurations of every bucket
     */
    public void route(List<S3EventRoute> newRoutes) {
        if (!newRoutes.isEmpty() && sqs == null) {
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(endpoints.accessKeyId(),
                    endpoints.secretAccessKey()));
            sqs = SqsClient.builder().endpointOverride(endpoints.sqs()).region(Region.of(endpoints.region()))
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
            s3 = S3Client.builder().endpointOverride(URI.create("http://" + Ports.HOST + ":" + upstreamPort))
                    .forcePathStyle(true).region(Region.of(endpoints.region())).credentialsProvider(credentials)
                    .httpClient(UrlConnectionHttpClient.create()).build();
        }
        routes = List.copyOf(newRoutes);
        Set<String> tested = new HashSet<>();
        for (S3EventRoute route : routes) {
            if (tested.add(route.bucket() + " " + route.queueUrl())) {
                ObjectNode test = Json.object().put("Service", "Amazon S3").put("Event", "s3:TestEvent")
                        .put("Time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
                        .put("Bucket", route.bucket()).put("RequestId", requestId()).put("HostId", "local");
                sqs.sendMessage(b -> b.queueUrl(route.queueUrl()).messageBody(Json.write(test)));
            }
        }
    }

    /** How many event notifications were sent so far (test events excluded). */
    public long published() {
        return published.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.WARNING, "S3 endpoint: accept failed", e);
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = new Socket();
        sockets.add(client);
        sockets.add(upstream);
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(new InetSocketAddress(Ports.LOOPBACK, upstreamPort), 5_000);
            BlockingQueue<Exchange> pending = new LinkedBlockingQueue<>();
            Future<?> responses = threads.submit(() -> relayResponses(upstream, client, pending));
            relayRequests(client, upstream, pending);
            upstream.shutdownOutput();
            responses.get();
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException e) {
            // A client or S3Proxy that went away: nothing more to relay on this connection.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(client);
            close(upstream);
        }
    }

    private void relayRequests(Socket client, Socket upstream, BlockingQueue<Exchange> pending) throws IOException {
        InputStream in = new BufferedInputStream(client.getInputStream(), 64 * 1024);
        OutputStream out = new BufferedOutputStream(upstream.getOutputStream(), 64 * 1024);
        while (true) {
            HttpMessages.Head head = HttpMessages.readHead(in);
            if (head == null) {
                return;
            }
            String[] line = head.startLine().split(" ", 3);
            pending.add(new Exchange(line[0], line.length > 1 ? line[1] : "/", head.headers()));
            out.write(head.bytes());
            // Sent at once: with Expect: 100-continue the client waits for S3Proxy's 100 before the body.
            out.flush();
            HttpMessages.copyBody(head, in, out, false);
            out.flush();
        }
    }

    private void relayResponses(Socket upstream, Socket client, BlockingQueue<Exchange> pending) {
        try {
            InputStream in = new BufferedInputStream(upstream.getInputStream(), 64 * 1024);
            OutputStream out = new BufferedOutputStream(client.getOutputStream(), 64 * 1024);
            while (true) {
                HttpMessages.Head head = HttpMessages.readHead(in);
                if (head == null) {
                    return;
                }
                int status = head.status();
                out.write(head.bytes());
                if (status >= 100 && status < 200) {
                    out.flush();
                    continue;
                }
                Exchange exchange = pending.poll();
                boolean bodiless = exchange != null && exchange.method().equals("HEAD") || status == 204
                        || status == 304;
                boolean open = bodiless || HttpMessages.copyBody(head, in, out, true);
                // Announced before the client has the end of its answer: once its PUT returns, the event is on
                // the queue (S3 sends it a little later; nothing here relies on the difference).
                if (exchange != null && status >= 200 && status < 300) {
                    announce(exchange, head.headers());
                }
                out.flush();
                if (!open) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The connection ended; serve() closes both sockets.
        } finally {
            close(client);
        }
    }

    /** Sends the event notifications of a successful request, if it created an object. */
    private void announce(Exchange exchange, Map<String, String> responseHeaders) {
        List<S3EventRoute> current = routes;
        if (current.isEmpty()) {
            return;
        }
        String target = exchange.target();
        int question = target.indexOf('?');
        String path = question >= 0 ? target.substring(0, question) : target;
        Set<String> parameters = new HashSet<>();
        if (question >= 0) {
            for (String parameter : target.substring(question + 1).split("&")) {
                parameters.add(percentDecode(parameter.split("=", 2)[0]));
            }
        }
        int slash = path.indexOf('/', 1);
        if (slash < 0 || slash == path.length() - 1) {
            return;
        }
        String bucket = percentDecode(path.substring(1, slash));
        String key = percentDecode(path.substring(slash + 1));
        String eventName;
        if (exchange.method().equals("PUT") && parameters.stream().noneMatch(NOT_OBJECT_WRITES::contains)) {
            boolean copy = exchange.headers().containsKey("x-amz-copy-source");
            eventName = copy ? "ObjectCreated:Copy" : "ObjectCreated:Put";
        } else if (exchange.method().equals("POST") && parameters.contains("uploadId")) {
            eventName = "ObjectCreated:CompleteMultipartUpload";
        } else {
            return;
        }
        List<S3EventRoute> matching = current.stream().filter(r -> r.matches(bucket, eventName, key)).toList();
        if (matching.isEmpty()) {
            return;
        }
        try {
            HeadObjectResponse object = s3.headObject(b -> b.bucket(bucket).key(key));
            for (S3EventRoute route : matching) {
                String body = Json.write(event(route, eventName, bucket, key, object, responseHeaders));
                sqs.sendMessage(b -> b.queueUrl(route.queueUrl()).messageBody(body));
                published.incrementAndGet();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "S3 endpoint: could not announce " + eventName + " of " + bucket + "/" + key, e);
        }
    }

    private ObjectNode event(S3EventRoute route, String eventName, String bucket, String key,
            HeadObjectResponse object, Map<String, String> responseHeaders) {
        ObjectNode record = Json.object();
        record.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", endpoints.region())
                .put("eventTime", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString()).put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", "AWS:" + endpoints.accessKeyId());
        record.putObject("requestParameters").put("sourceIPAddress", Ports.HOST);
        record.putObject("responseElements")
                .put("x-amz-request-id", responseHeaders.getOrDefault("x-amz-request-id", requestId()))
                .put("x-amz-id-2", responseHeaders.getOrDefault("x-amz-id-2", "local"));
        ObjectNode s3Node = record.putObject("s3");
        s3Node.put("s3SchemaVersion", "1.0").put("configurationId", route.configurationId());
        ObjectNode bucketNode = s3Node.putObject("bucket");
        bucketNode.put("name", bucket).putObject("ownerIdentity").put("principalId", Endpoints.ACCOUNT_ID);
        bucketNode.put("arn", "arn:aws:s3:::" + bucket);
        String eTag = object.eTag() == null ? "" : object.eTag().replace("\"", "");
        s3Node.putObject("object").put("key", encodeKey(key)).put("size", object.contentLength())
                .put("eTag", eTag).put("sequencer", Long.toHexString(sequencer.incrementAndGet()).toUpperCase());
        ObjectNode event = Json.object();
        event.putArray("Records").add(record);
        return event;
    }

    /** A key as S3 writes it in events: URL-encoded, a space as {@code +}, slashes kept. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** Decodes the %XX escapes of a URL path segment ({@code +} stays a plus, as in paths). */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    }

    private void close(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all we wanted.
        }
    }

    /** Stops listening and closes every open connection. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Already closed.
        }
        List.copyOf(sockets).forEach(this::close);
        threads.shutdownNow();
        if (sqs != null) {
            sqs.close();
            s3.close();
        }
    }
}
