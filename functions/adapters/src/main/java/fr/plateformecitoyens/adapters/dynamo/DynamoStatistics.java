package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.n;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;

import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import fr.plateformecitoyens.core.stats.MonthFigures;
import fr.plateformecitoyens.core.stats.ProcessingTimes;
import fr.plateformecitoyens.core.stats.StatisticsStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Monthly counters per tenant, one item each ({@code STATS#t} / {@code MONTH#yyyy-MM}), raised with
 * {@code UpdateItem ADD} as events arrive. Attributes: {@code submitted}, {@code p#<démarche>},
 * {@code c#<channel>}, {@code decided}, {@code implicit} and {@code h#<bucket>} (see {@link ProcessingTimes}).
 *
 * <p>Counting a version first claims a marker item ({@code REQUEST#ref} / {@code STATS#v<version>}) with
 * {@code attribute_not_exists}: a redelivered event finds the claim and counts nothing. If the counter
 * update then fails, the claim is given back so that the retry counts it.
 */
public final class DynamoStatistics implements StatisticsStore {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoStatistics(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean count(CitizenRequest request, long version) {
        int index = (int) version - 1;
        if (index < 0 || index >= request.history().size()) {
            return false;
        }
        Transition change = request.history().get(index);
        boolean filing = index == 0;
        if (!filing && (change.keepsStatus() || !change.to().isFinal())) {
            return false;
        }
        Map<String, AttributeValue> marker = Attributes.key(Keys.request(request.reference()), "STATS#v" + version);
        try {
            dynamo.putItem(b -> b.tableName(table).item(marker).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
        try {
            if (filing) {
                add(request.tenantId(), request.receivedAt(), Map.of("submitted", 1L,
                        "p#" + request.procedureId(), 1L, "c#" + request.channel().code(), 1L));
            } else {
                Map<String, Long> counters = new LinkedHashMap<>();
                counters.put("decided", 1L);
                RequestStatus outcome = change.to();
                if (outcome == RequestStatus.IMPLICITLY_ACCEPTED || outcome == RequestStatus.IMPLICITLY_REJECTED) {
                    counters.put("implicit", 1L);
                }
                counters.put("h#" + ProcessingTimes.bucketOf(Duration.between(request.receivedAt(), change.at())), 1L);
                add(request.tenantId(), change.at(), counters);
            }
            return true;
        } catch (RuntimeException e) {
            dynamo.deleteItem(b -> b.tableName(table).key(marker));
            throw e;
        }
    }

    private void add(String tenantId, Instant at, Map<String, Long> counters) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> parts = new ArrayList<>();
        counters.forEach((name, amount) -> {
            String n = "#a" + names.size();
            String v = ":a" + values.size();
            names.put(n, name);
            values.put(v, n(amount));
            parts.add(n + " " + v);
        });
        YearMonth month = YearMonth.from(at.atZone(PARIS));
        dynamo.updateItem(b -> b.tableName(table).key(Attributes.key(Keys.statistics(tenantId), "MONTH#" + month))
                .updateExpression("ADD " + String.join(", ", parts))
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }

    @Override
    public List<MonthFigures> months(String tenantId, YearMonth from, YearMonth to) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            keys.add(Attributes.key(Keys.statistics(tenantId), "MONTH#" + m));
        }
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        // BatchGetItem takes up to 100 keys; the API bounds the range well below that.
        Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
        while (!pending.isEmpty()) {
            Map<String, KeysAndAttributes> ask = pending;
            var response = dynamo.batchGetItem(b -> b.requestItems(ask));
            response.responses().getOrDefault(table, List.of()).forEach(item -> found.put(item.get(Keys.SK).s(), item));
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        List<MonthFigures> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(figures(m, found.getOrDefault("MONTH#" + m, Map.of())));
        }
        return months;
    }

    private static MonthFigures figures(YearMonth month, Map<String, AttributeValue> item) {
        Map<String, Long> procedures = new HashMap<>();
        Map<String, Long> channels = new HashMap<>();
        ProcessingTimes times = new ProcessingTimes();
        item.forEach((name, value) -> {
            if (value.n() == null) {
                return;
            }
            long count = Long.parseLong(value.n());
            if (name.startsWith("p#")) {
                procedures.put(name.substring(2), count);
            } else if (name.startsWith("c#")) {
                channels.put(name.substring(2), count);
            } else if (name.startsWith("h#")) {
                int bucket = Integer.parseInt(name.substring(2));
                if (bucket < ProcessingTimes.buckets()) {
                    times.add(bucket, count);
                }
            }
        });
        return new MonthFigures(month, Attributes.number(item, "submitted"), procedures, channels,
                Attributes.number(item, "decided"), Attributes.number(item, "implicit"), times);
    }

    @Override
    public long dueBy(String tenantId, LocalDate today, LocalDate day) {
        // The implicit-decision calendar (gsi3) holds a partition per day; the tenant's part of it is a
        // prefix of the sort key. Requests already due before today are decided by the nightly job.
        long count = 0;
        for (LocalDate d = today; !d.isAfter(day); d = d.plusDays(1)) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponseCount page = countDay(tenantId, d, start);
                count += page.count;
                start = page.next;
            } while (start != null);
        }
        return count;
    }

    private QueryResponseCount countDay(String tenantId, LocalDate day, Map<String, AttributeValue> start) {
        var response = dynamo.query(QueryRequest.builder().tableName(table).indexName(Keys.GSI3)
                .keyConditionExpression("gsi3pk = :p AND begins_with(gsi3sk, :t)")
                .expressionAttributeValues(Map.of(":p", s(Keys.due(day)), ":t", s(tenantId + "#")))
                .select(Select.COUNT).exclusiveStartKey(start).build());
        return new QueryResponseCount(response.count(), response.hasLastEvaluatedKey()
                && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null);
    }

    private record QueryResponseCount(int count, Map<String, AttributeValue> next) {
    }
}
