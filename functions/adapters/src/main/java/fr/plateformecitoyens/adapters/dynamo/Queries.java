package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Reads a whole (small) partition of the table, page after page. */
final class Queries {

    private Queries() {
    }

    /** Every item of partition {@code pk} whose sort key starts with {@code skPrefix} (any, when empty). */
    static List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, String table, String pk, String skPrefix) {
        boolean prefixed = !skPrefix.isEmpty();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var response = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression(prefixed ? "pk = :p AND begins_with(sk, :s)" : "pk = :p")
                    .expressionAttributeValues(prefixed ? Map.of(":p", s(pk), ":s", s(skPrefix)) : Map.of(":p", s(pk)))
                    .exclusiveStartKey(start).build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}
