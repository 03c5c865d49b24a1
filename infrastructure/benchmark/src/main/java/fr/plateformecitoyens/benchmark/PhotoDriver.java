package fr.plateformecitoyens.benchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.aws.AwsClients;
import fr.plateformecitoyens.adapters.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs in the measured JVM (heap capped as on Lambda): builds PhotoProcessingFunction's handler as the Lambda
 * Java runtime does ({@link FunctionInvoker}, the function taken from the environment), then, for each run,
 * writes a pending photo item and its upload as the reports API and the browser would, and hands the handler
 * the SQS event that S3's notification makes. Only the handler call is timed. Prints one JSON line with the
 * times, the heap figures and the garbage collections.
 *
 * <p>Arguments: the photo file, the number of measured runs, the number of warm-up runs.
 */
public final class PhotoDriver {

    static final String RESULT_PREFIX = "photo-benchmark ";

    private PhotoDriver() {
    }

    public static void main(String[] args) throws Exception {
        byte[] photo = Files.readAllBytes(Path.of(args[0]));
        int runs = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        String table = System.getenv("TABLE_NAME");
        String bucket = System.getenv("DOCUMENTS_BUCKET");
        long start = System.nanoTime();
        FunctionInvoker invoker = new FunctionInvoker();
        long built = System.nanoTime();
        ObjectNode result = Json.object();
        result.put("handlerBuiltMs", (built - start) / 1e6);
        ArrayNode times = result.putArray("runsMs");
        ArrayNode warm = result.putArray("warmupMs");
        long maxUsedAfterRun = 0;
        long maxAfterGc = 0;
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(); S3Client s3 = AwsClients.s3()) {
            for (int i = 0; i < warmup + runs; i++) {
                String id = UUID.randomUUID().toString();
                String key = "uploads/reports/benchmark/R-" + id + "/P-" + id;
                dynamo.putItem(b -> b.tableName(table).item(Map.of(
                        "pk", AttributeValue.fromS("REPORT#R-" + id), "sk", AttributeValue.fromS("PHOTO#P-" + id),
                        "status", AttributeValue.fromS("pending"), "tenantId", AttributeValue.fromS("benchmark"),
                        "createdAt", AttributeValue.fromS(Instant.now().toString()),
                        "uploadKey", AttributeValue.fromS(key))));
                s3.putObject(b -> b.bucket(bucket).key(key).contentType("image/jpeg"), RequestBody.fromBytes(photo));
                byte[] event = Json.writeBytes(event(bucket, key, photo.length));
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                long t0 = System.nanoTime();
                invoker.handleRequest(new ByteArrayInputStream(event), output,
                        new BenchmarkContext("photoProcessing"));
                double ms = (System.nanoTime() - t0) / 1e6;
                maxUsedAfterRun = Math.max(maxUsedAfterRun,
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                maxAfterGc = Math.max(maxAfterGc, heapAfterLastGc());
                if (Json.parse(output.toByteArray()).path("batchItemFailures").size() != 0) {
                    throw new IllegalStateException("the function reported a failure: " + output);
                }
                Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                        .key(Map.of("pk", AttributeValue.fromS("REPORT#R-" + id),
                                "sk", AttributeValue.fromS("PHOTO#P-" + id)))).item();
                if (!"ready".equals(item.get("status").s())) {
                    throw new IllegalStateException("the photo is not ready: " + item);
                }
                result.put("web", item.get("width").n() + "×" + item.get("height").n());
                (i < warmup ? warm : times).add(ms);
            }
        }
        long peakPools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakPools += pool.getPeakUsage().getUsed();
            }
        }
        long gcCount = 0;
        long gcMs = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMs += Math.max(0, gc.getCollectionTime());
        }
        result.put("peakHeapMb", peakPools / (1024.0 * 1024));
        result.put("maxUsedAfterRunMb", maxUsedAfterRun / (1024.0 * 1024));
        result.put("maxAfterGcMb", maxAfterGc / (1024.0 * 1024));
        result.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024.0 * 1024));
        result.put("gcCount", gcCount);
        result.put("gcMs", gcMs);
        System.out.println(RESULT_PREFIX + Json.write(result));
        System.out.flush();
        System.exit(0);
    }

    /** What the heap held right after the latest collection: the live data plus what was not yet collected. */
    private static long heapAfterLastGc() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                total += pool.getCollectionUsage().getUsed();
            }
        }
        return total;
    }

    /** The SQS event Lambda hands the function for S3's notification of this upload. */
    private static ObjectNode event(String bucket, String key, long size) {
        ObjectNode record = Json.object().put("eventVersion", "2.1").put("eventSource", "aws:s3")
                .put("awsRegion", "eu-west-3").put("eventTime", Instant.now().toString())
                .put("eventName", "ObjectCreated:Put");
        ObjectNode s3 = record.putObject("s3");
        s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        s3.putObject("object").put("key", key).put("size", size);
        ObjectNode notification = Json.object();
        notification.putArray("Records").add(record);
        ObjectNode event = Json.object();
        ObjectNode message = event.putArray("Records").addObject();
        message.put("messageId", UUID.randomUUID().toString()).put("receiptHandle", "benchmark")
                .put("body", Json.write(notification)).put("eventSource", "aws:sqs");
        message.putObject("attributes").put("ApproximateReceiveCount", "1");
        return event;
    }
}
