package fr.plateformecitoyens.benchmark.bookings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts DynamoDB calls by operation and adds up their capacity units, both as the emulator reports them
 * ({@code ReturnConsumedCapacity TOTAL} is set on every request) and as {@link CapacityRules} computes them from
 * the items before and after each write (read with a separate client that is not counted).
 *
 * <p>Calls are attributed by thread: the benchmark's own thread (the use cases run in-process), the local
 * gateway's threads (the functions answering HTTP requests) and the queue workers' threads (what the events
 * cause afterwards). Other threads (schedules) are ignored. Instances either sit on one client explicitly or
 * are put on every client of the JVM by the SDK, when {@code bookings.sh} puts this class's name in the SDK's
 * global interceptor list ({@value #HOOK_RESOURCE}); while the meter is disabled, they do nothing at all.
 */
public final class DynamoMeter implements ExecutionInterceptor {

    /** Where the SDK looks for interceptors to put on every client. */
    static final String HOOK_RESOURCE = "software/amazon/awssdk/global/handlers/execution.interceptors";

    /** Whose calls these are. */
    enum Scope {
        /** The use cases run by the benchmark in its own thread. */
        DIRECT,
        /** A function behind the local gateway, while it answers an HTTP request. */
        HTTP,
        /** A function fed by a queue worker: what events cause after the response. */
        ASYNC
    }

    private static final ExecutionAttribute<Scope> SCOPE = new ExecutionAttribute<>("bookings-benchmark.scope");
    private static final ExecutionAttribute<Map<String, AttributeValue>> BEFORE =
            new ExecutionAttribute<>("bookings-benchmark.before");
    private static final Pattern PARTITION_VALUE = Pattern.compile("=\\s*(:[A-Za-z0-9_]+)");
    private static final ThreadLocal<Boolean> SHADOW = ThreadLocal.withInitial(() -> false);
    private static final Map<String, CapacityRules.Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<Scope, AtomicReference<Tally>> TALLIES = new EnumMap<>(Scope.class);

    private static volatile boolean enabled;
    private static volatile Thread directThread;
    private static volatile DynamoDbClient shadow;

    static {
        for (Scope scope : Scope.values()) {
            TALLIES.put(scope, new AtomicReference<>(new Tally()));
        }
    }

    /** For the SDK, which builds one instance per client from the global list. */
    public DynamoMeter() {
    }

    /** Whether the SDK will put this meter on every client built in this JVM. */
    static boolean onEveryClient() {
        try {
            for (URL url : Collections.list(DynamoMeter.class.getClassLoader().getResources(HOOK_RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(DynamoMeter.class.getName())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sets the client that reads items before and after writes (never counted) and the thread whose calls are
     * {@link Scope#DIRECT}.
     */
    static void connect(DynamoDbClient uncounted, Thread direct) {
        shadow = uncounted;
        directThread = direct;
    }

    static void enable(boolean on) {
        enabled = on;
    }

    /** What was counted in this scope since the last call, and a fresh start. */
    static Tally take(Scope scope) {
        return TALLIES.get(scope).getAndSet(new Tally());
    }

    private static Scope currentScope() {
        Thread thread = Thread.currentThread();
        if (thread == directThread) {
            return Scope.DIRECT;
        }
        String name = thread.getName();
        if (name.equals("gateway")) {
            return Scope.HTTP;
        }
        return name.startsWith("queue-") ? Scope.ASYNC : null;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!enabled || SHADOW.get() || shadow == null || !(context.request() instanceof DynamoDbRequest request)) {
            return;
        }
        Scope scope = currentScope();
        if (scope == null) {
            return;
        }
        attributes.putAttribute(SCOPE, scope);
        String table = table(request);
        Map<String, AttributeValue> key = writtenKey(request, table);
        if (key != null) {
            attributes.putAttribute(BEFORE, read(table, key));
        }
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (attributes.getAttribute(SCOPE) == null) {
            return request;
        }
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof ScanRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof PutItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof UpdateItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof DeleteItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Scope scope = attributes.getAttribute(SCOPE);
        if (scope == null) {
            return;
        }
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        String operation = operation(request);
        Tally.Call call;
        if (request instanceof GetItemRequest r && response instanceof GetItemResponse s) {
            Map<String, AttributeValue> item = s.hasItem() ? s.item() : Map.of();
            int bytes = CapacityRules.size(item);
            call = new Tally.Call(operation, describe(r.key(), r.tableName()), false, item.isEmpty() ? 0 : 1, bytes,
                    units(s.consumedCapacity()),
                    CapacityRules.readUnits(bytes, Boolean.TRUE.equals(r.consistentRead())), 0, false);
        } else if (request instanceof QueryRequest r && response instanceof QueryResponse s) {
            int bytes = s.items().stream().mapToInt(CapacityRules::size).sum();
            boolean consistent = r.indexName() == null && Boolean.TRUE.equals(r.consistentRead());
            call = new Tally.Call(operation, (r.indexName() == null ? "" : r.indexName() + " ")
                    + partition(r.keyConditionExpression(), r.expressionAttributeValues()), false, s.items().size(),
                    bytes, units(s.consumedCapacity()), CapacityRules.readUnits(bytes, consistent), 0, false);
        } else if (request instanceof ScanRequest r && response instanceof ScanResponse s) {
            int bytes = s.items().stream().mapToInt(CapacityRules::size).sum();
            call = new Tally.Call(operation, "whole table", false, s.items().size(), bytes,
                    units(s.consumedCapacity()),
                    CapacityRules.readUnits(bytes, Boolean.TRUE.equals(r.consistentRead())), 0, false);
        } else if (request instanceof DynamoDbRequest r && attributes.getAttribute(BEFORE) != null) {
            String table = table(r);
            Map<String, AttributeValue> key = writtenKey(r, table);
            Map<String, AttributeValue> before = attributes.getAttribute(BEFORE);
            Map<String, AttributeValue> after = read(table, key);
            CapacityRules.WriteCost cost = CapacityRules.write(schema(table), before, after);
            call = new Tally.Call(operation, describe(key, table), false, 1,
                    Math.max(CapacityRules.size(before), CapacityRules.size(after)), writeUnits(response),
                    cost.table(), cost.indexTotal(), true);
        } else {
            call = new Tally.Call(operation, "", false, 0, 0, 0, 0, 0, false);
        }
        TALLIES.get(scope).get().add(call);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Scope scope = attributes.getAttribute(SCOPE);
        if (scope == null) {
            return;
        }
        SdkRequest request = context.request();
        Throwable error = context.exception();
        while (error != null && !(error instanceof ConditionalCheckFailedException) && error.getCause() != error) {
            error = error.getCause();
        }
        Map<String, AttributeValue> before = attributes.getAttribute(BEFORE);
        if (error instanceof ConditionalCheckFailedException && before != null
                && request instanceof DynamoDbRequest r) {
            // The emulator answers a failed condition without any consumed capacity; DynamoDB charges it.
            Map<String, AttributeValue> proposed = request instanceof PutItemRequest put ? put.item() : null;
            CapacityRules.WriteCost cost = CapacityRules.failedWrite(before, proposed);
            String table = table(r);
            TALLIES.get(scope).get().add(new Tally.Call(operation(request), describe(writtenKey(r, table), table),
                    true, 0, Math.max(CapacityRules.size(before), CapacityRules.size(proposed)), 0, cost.table(), 0,
                    true));
        } else {
            TALLIES.get(scope).get().add(new Tally.Call(operation(request) + " (error)", String.valueOf(
                    context.exception()), false, 0, 0, 0, 0, 0, false));
        }
    }

    private static String operation(SdkRequest request) {
        String name = request.getClass().getSimpleName();
        return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
    }

    private static String table(DynamoDbRequest request) {
        return request.getValueForField("TableName", String.class).orElse("");
    }

    /** The key of the item a put, update or delete writes; null for other calls. */
    private static Map<String, AttributeValue> writtenKey(DynamoDbRequest request, String table) {
        if (request instanceof PutItemRequest r) {
            return schema(table).key(r.item());
        } else if (request instanceof UpdateItemRequest r) {
            return r.key();
        } else if (request instanceof DeleteItemRequest r) {
            return r.key();
        }
        return null;
    }

    private static double units(ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }

    private static double writeUnits(SdkResponse response) {
        if (response instanceof PutItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            return units(r.consumedCapacity());
        }
        return 0;
    }

    private static CapacityRules.Schema schema(String table) {
        return SCHEMAS.computeIfAbsent(table, t -> uncounted(() ->
                CapacityRules.Schema.of(shadow.describeTable(b -> b.tableName(t)).table())));
    }

    private static Map<String, AttributeValue> read(String table, Map<String, AttributeValue> key) {
        return uncounted(() -> {
            GetItemResponse found = shadow.getItem(b -> b.tableName(table).key(key).consistentRead(true));
            return found.hasItem() ? found.item() : Map.of();
        });
    }

    private static <T> T uncounted(java.util.function.Supplier<T> call) {
        boolean outer = SHADOW.get();
        SHADOW.set(true);
        try {
            return call.get();
        } finally {
            SHADOW.set(outer);
        }
    }

    private static String describe(Map<String, AttributeValue> key, String table) {
        if (key == null) {
            return "";
        }
        List<String> names = schema(table).tableKeys();
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            AttributeValue value = key.get(name);
            if (value != null) {
                text.append(text.length() == 0 ? "" : " / ").append(value.s() != null ? value.s() : value.n());
            }
        }
        return text.toString();
    }

    private static String partition(String condition, Map<String, AttributeValue> values) {
        if (condition == null) {
            return "";
        }
        Matcher m = PARTITION_VALUE.matcher(condition);
        if (m.find() && values != null && values.get(m.group(1)) != null) {
            return values.get(m.group(1)).s();
        }
        return condition;
    }
}
