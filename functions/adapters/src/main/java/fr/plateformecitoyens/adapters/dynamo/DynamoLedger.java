package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;

import fr.plateformecitoyens.core.booking.Ledger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The ledger of places in DynamoDB: one item per grid cell that has ever been booked, in a partition per
 * resource and month ({@code LEDGER#<resource>#<yyyy-MM>}, sort key the cell's local time), holding the
 * count of places taken and the set of their holders. Four weeks of a resource are at most two queries.
 */
public final class DynamoLedger implements Ledger {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String partition(String ledgerKey, YearMonth month) {
        return "LEDGER#" + ledgerKey + "#" + month;
    }

    @Override
    public Take take(String ledgerKey, LocalDateTime cell, int capacity, String holderId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Attributes.key(partition(ledgerKey, YearMonth.from(cell)), cell.toString()))
                    .updateExpression("ADD taken :one, holders :holder")
                    .conditionExpression("(attribute_not_exists(taken) OR taken < :capacity) "
                            + "AND NOT contains(holders, :holderId)")
                    .expressionAttributeValues(Map.of(":one", Attributes.n(1), ":capacity", Attributes.n(capacity),
                            ":holder", AttributeValue.fromSs(java.util.List.of(holderId)), ":holderId", s(holderId)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Take.TAKEN;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item();
            if (old == null || old.isEmpty()) {
                old = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                        .key(Attributes.key(partition(ledgerKey, YearMonth.from(cell)), cell.toString()))).item();
            }
            AttributeValue holders = old == null ? null : old.get("holders");
            return holders != null && holders.hasSs() && holders.ss().contains(holderId) ? Take.ALREADY_HELD
                    : Take.FULL;
        }
    }

    @Override
    public void release(String ledgerKey, LocalDateTime cell, String holderId) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(Attributes.key(partition(ledgerKey, YearMonth.from(cell)), cell.toString()))
                    .updateExpression("ADD taken :minus DELETE holders :holder")
                    .conditionExpression("contains(holders, :holderId)")
                    .expressionAttributeValues(Map.of(":minus", Attributes.n(-1),
                            ":holder", AttributeValue.fromSs(java.util.List.of(holderId)), ":holderId", s(holderId))));
        } catch (ConditionalCheckFailedException e) {
            // Not held (already given back, or never taken): nothing to do.
        }
    }

    @Override
    public Map<LocalDateTime, Integer> taken(String ledgerKey, LocalDate from, LocalDate to) {
        Map<LocalDateTime, Integer> counts = new HashMap<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            String low = month.equals(YearMonth.from(from)) ? from.atStartOfDay().toString() : "0";
            String high = month.equals(YearMonth.from(to)) ? to.plusDays(1).atStartOfDay().toString() : "~";
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :p AND sk BETWEEN :low AND :high")
                        .expressionAttributeValues(Map.of(":p", s(partition(ledgerKey, month)), ":low", s(low),
                                ":high", s(high)))
                        .exclusiveStartKey(start).build());
                page.items().forEach(item -> counts.put(LocalDateTime.parse(item.get("sk").s()),
                        (int) Attributes.number(item, "taken")));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
        }
        return counts;
    }
}
