package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;

import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.BookingStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Bookings in the single table (see {@link BookingItems} for the keys). */
public final class DynamoBookingStore implements BookingStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBookingStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean create(Booking booking) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(BookingItems.toItem(booking))
                    .conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Booking> find(String id) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key("BOOKING#" + id, "BOOKING"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(BookingItems.fromItem(item));
    }

    @Override
    public boolean replace(Booking booking, long expectedVersion) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(BookingItems.toItem(booking))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", Attributes.n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<Booking> byHolder(String holderId) {
        return query(Keys.GSI1, "gsi1pk", "HOLDER#" + holderId, null, null, false);
    }

    @Override
    public List<Booking> agenda(String tenantId, String resourceId, LocalDate from, LocalDate to) {
        List<Booking> found = new ArrayList<>();
        for (var kind : fr.plateformecitoyens.core.booking.Resource.Kind.values()) {
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                found.addAll(query(Keys.GSI2, "gsi2pk", BookingItems.agendaPartition(tenantId, kind, resourceId, m),
                        from.atStartOfDay().toString(), to.plusDays(1).atStartOfDay().toString(), true));
            }
        }
        found.sort(java.util.Comparator.comparing(Booking::start));
        return found;
    }

    @Override
    public List<Booking> remindersDue(Instant hour) {
        return query(Keys.GSI3, "gsi3pk", BookingItems.reminderPartition(hour), null, null, true).stream()
                .filter(b -> b.status() == Booking.Status.CONFIRMED).toList();
    }

    @Override
    public List<Booking> stalePlacings(Instant olderThan) {
        return query(Keys.GSI3, "gsi3pk", "PLACING", null, olderThan.toString(), true).stream()
                .filter(b -> b.status() == Booking.Status.PLACING).toList();
    }

    private List<Booking> query(String index, String partitionKey, String partition, String low, String high,
            boolean ascending) {
        String sortKey = partitionKey.replace("pk", "sk");
        StringBuilder condition = new StringBuilder(partitionKey).append(" = :p");
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":p", s(partition)));
        if (low != null && high != null) {
            condition.append(" AND ").append(sortKey).append(" BETWEEN :low AND :high");
            values.put(":low", s(low));
            values.put(":high", s(high));
        } else if (high != null) {
            condition.append(" AND ").append(sortKey).append(" < :high");
            values.put(":high", s(high));
        }
        List<Booking> bookings = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(QueryRequest.builder().tableName(table).indexName(index)
                    .keyConditionExpression(condition.toString()).expressionAttributeValues(values)
                    .scanIndexForward(ascending).exclusiveStartKey(start).build());
            page.items().forEach(item -> bookings.add(BookingItems.fromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return bookings;
    }
}
