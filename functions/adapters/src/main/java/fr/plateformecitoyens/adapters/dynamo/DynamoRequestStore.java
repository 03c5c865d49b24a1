package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.n;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;

import fr.plateformecitoyens.core.port.RequestStore;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Page;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Requests in the single table: one item each, written with conditions, read by key or index query. */
public final class DynamoRequestStore implements RequestStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRequestStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<CitizenRequest> createIfAbsent(CitizenRequest request) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(RequestItems.toItem(request))
                    .conditionExpression("attribute_not_exists(pk)"));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return Optional.of(find(request.reference()).orElseThrow(() ->
                    new IllegalStateException("request " + request.reference() + " exists but cannot be read")));
        }
    }

    @Override
    public Optional<CitizenRequest> find(String reference) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key(Keys.request(reference), "REQUEST"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RequestItems.fromItem(item));
    }

    @Override
    public boolean replace(CitizenRequest request, long expectedVersion) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(RequestItems.toItem(request))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Page<CitizenRequest> byApplicant(String applicantId, Optional<String> cursor, int limit) {
        return query(Keys.GSI1, "gsi1pk", "gsi1sk", Keys.citizen(applicantId), false, cursor, limit);
    }

    @Override
    public Page<CitizenRequest> inbox(String tenantId, String serviceId, boolean open, Optional<String> cursor,
            int limit) {
        return query(Keys.GSI2, "gsi2pk", "gsi2sk", Keys.inbox(tenantId, serviceId, open), open, cursor, limit);
    }

    @Override
    public Page<CitizenRequest> dueOn(LocalDate day, Optional<String> cursor, int limit) {
        return query(Keys.GSI3, "gsi3pk", "gsi3sk", Keys.due(day), true, cursor, limit);
    }

    private Page<CitizenRequest> query(String index, String partitionKey, String sortKey, String partition,
            boolean ascending, Optional<String> cursor, int limit) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", partitionKey))
                .expressionAttributeValues(Map.of(":p", s(partition)))
                .scanIndexForward(ascending)
                .limit(limit + 1);
        cursor.ifPresent(c -> query.exclusiveStartKey(Cursors.decode(c, partitionKey, partition, sortKey)));
        QueryResponse response = dynamo.query(query.build());
        List<Map<String, AttributeValue>> items = response.items();
        if (items.size() > limit) {
            // One more than asked for: there is a next page, and it starts after the last item shown.
            items = items.subList(0, limit);
            return new Page<>(items.stream().map(RequestItems::fromItem).toList(),
                    Cursors.encode(items.get(limit - 1), sortKey));
        }
        return new Page<>(items.stream().map(RequestItems::fromItem).toList(),
                Cursors.encode(response.lastEvaluatedKey(), sortKey));
    }
}
