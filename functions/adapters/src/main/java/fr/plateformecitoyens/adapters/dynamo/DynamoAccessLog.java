package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.optionalString;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.string;

import fr.plateformecitoyens.core.access.AccessEntry;
import fr.plateformecitoyens.core.access.AccessLog;
import fr.plateformecitoyens.core.request.Page;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The access journal: one item per read, in the tenant's month partition {@code ACCESS#<tenant>#<yyyy-MM>}
 * (UTC) sorted by {@code <instant>#<id>}; gsi1 {@code ACCESS#<tenant>#REQUEST#<reference>} lists a request's
 * readers and gsi2 {@code ACCESS#<tenant>#AGENT#<sub>} an agent's reads, with the same sort key. Every list
 * reads newest first and only as far back as it is asked ({@code sk >= since}); the month partitions let the
 * purge delete what is past the retention period with a few queries.
 */
public final class DynamoAccessLog implements AccessLog {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccessLog(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String month(String tenantId, YearMonth month) {
        return "ACCESS#" + tenantId + "#" + month;
    }

    static String ofRequest(String tenantId, String reference) {
        return "ACCESS#" + tenantId + "#REQUEST#" + reference;
    }

    static String ofAgent(String tenantId, String agentId) {
        return "ACCESS#" + tenantId + "#AGENT#" + agentId;
    }

    @Override
    public void record(AccessEntry e) {
        Map<String, AttributeValue> item = new HashMap<>();
        String sort = e.at() + "#" + e.id();
        item.put(Keys.PK, s(month(e.tenantId(), YearMonth.from(e.at().atOffset(ZoneOffset.UTC)))));
        item.put(Keys.SK, s(sort));
        e.reference().ifPresent(r -> {
            item.put("gsi1pk", s(ofRequest(e.tenantId(), r)));
            item.put("gsi1sk", s(sort));
            item.put("reference", s(r));
        });
        item.put("gsi2pk", s(ofAgent(e.tenantId(), e.agentId())));
        item.put("gsi2sk", s(sort));
        item.put("tenantId", s(e.tenantId()));
        item.put("entryId", s(e.id()));
        item.put("at", s(e.at().toString()));
        item.put("agentId", s(e.agentId()));
        item.put("agentName", s(e.agentName()));
        item.put("action", s(e.action().code()));
        e.personId().ifPresent(p -> item.put("personId", s(p)));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Page<AccessEntry> byReference(String tenantId, String reference, Instant since, Optional<String> cursor,
            int limit) {
        return query(Keys.GSI1, "gsi1pk", "gsi1sk", ofRequest(tenantId, reference), since, cursor, limit);
    }

    @Override
    public Page<AccessEntry> byAgent(String tenantId, String agentId, Instant since, Optional<String> cursor,
            int limit) {
        return query(Keys.GSI2, "gsi2pk", "gsi2sk", ofAgent(tenantId, agentId), since, cursor, limit);
    }

    @Override
    public Page<AccessEntry> byMonth(String tenantId, YearMonth month, Instant since, Optional<String> cursor,
            int limit) {
        return query(null, Keys.PK, Keys.SK, month(tenantId, month), since, cursor, limit);
    }

    @Override
    public int purge(String tenantId, YearMonth month, Instant before) {
        int purged = 0;
        Map<String, AttributeValue> start = null;
        do {
            var response = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :p AND sk < :before")
                    .expressionAttributeValues(Map.of(":p", s(month(tenantId, month)), ":before", s(before.toString())))
                    .projectionExpression("pk, sk").exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> key : response.items()) {
                dynamo.deleteItem(b -> b.tableName(table).key(key));
                purged++;
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return purged;
    }

    private Page<AccessEntry> query(String index, String partitionKey, String sortKey, String partition,
            Instant since, Optional<String> cursor, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#p = :p AND #s >= :since")
                .expressionAttributeNames(Map.of("#p", partitionKey, "#s", sortKey))
                .expressionAttributeValues(Map.of(":p", s(partition), ":since", s(since.toString())))
                .scanIndexForward(false)
                .limit(limit + 1);
        // On the table itself the partition named in the cursor is overwritten by the one asked for, as on an index.
        cursor.ifPresent(c -> query.exclusiveStartKey(Cursors.decode(c, partitionKey, partition, sortKey)));
        QueryResponse response = dynamo.query(query.build());
        List<Map<String, AttributeValue>> items = response.items();
        Optional<String> next;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            next = Cursors.encode(items.get(limit - 1), sortKey);
        } else {
            next = Optional.empty();
        }
        return new Page<>(items.stream().map(DynamoAccessLog::fromItem).toList(), next);
    }

    private static AccessEntry fromItem(Map<String, AttributeValue> item) {
        return new AccessEntry(string(item, "tenantId"), string(item, "entryId"), Instant.parse(string(item, "at")),
                string(item, "agentId"), string(item, "agentName"), AccessEntry.Action.fromCode(string(item, "action")),
                optionalString(item, "reference"), optionalString(item, "personId"));
    }
}
