package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.n;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;

import fr.plateformecitoyens.core.report.Report;
import fr.plateformecitoyens.core.report.ReportCategory;
import fr.plateformecitoyens.core.report.ReportPhoto;
import fr.plateformecitoyens.core.report.ReportStatus;
import fr.plateformecitoyens.core.report.ReportStore;
import fr.plateformecitoyens.core.request.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reports in the single table (keys in {@link ReportItems}); every read is a GetItem or a Query. */
public final class DynamoReportStore implements ReportStore {

    /** How many index pages a filtered listing reads at most to fill one page of results. */
    private static final int MAX_PAGES = 10;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<ReportCategory> categories(String tenantId) {
        return Queries.all(dynamo, table, Keys.tenant(tenantId), "REPORTCAT#").stream().map(ReportItems::category)
                .sorted(Comparator.comparing(ReportCategory::name)).toList();
    }

    @Override
    public Optional<ReportCategory> category(String tenantId, String code) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Attributes.key(Keys.tenant(tenantId),
                "REPORTCAT#" + code))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ReportItems.category(item));
    }

    @Override
    public Optional<Report> createIfAbsent(Report report) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(ReportItems.toItem(report))
                    .conditionExpression("attribute_not_exists(pk)"));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return Optional.of(find(report.id()).orElseThrow(() ->
                    new IllegalStateException("report " + report.id() + " exists but cannot be read")));
        }
    }

    @Override
    public Optional<Report> find(String reportId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key(ReportItems.reportKey(reportId), "REPORT"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ReportItems.fromItem(item));
    }

    /** An UpdateItem of the attributes a change rewrites, so that the photo count is never overwritten. */
    @Override
    public boolean replace(Report report, long expectedVersion) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (var e : ReportItems.mutable(report).entrySet()) {
            names.put("#a" + i, e.getKey());
            values.put(":a" + i, e.getValue());
            sets.add("#a" + i + " = :a" + i);
            i++;
        }
        String update = "SET " + String.join(", ", sets) + (report.status().open() ? "" : " REMOVE gsi3pk, gsi3sk");
        names.put("#v", "version");
        values.put(":expected", n(expectedVersion));
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Attributes.key(ReportItems.reportKey(report.id()), "REPORT"))
                    .updateExpression(update).conditionExpression("#v = :expected")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Page<Report> byReporter(String reporterId, Optional<String> cursor, int limit) {
        return page(Keys.GSI1, "gsi1pk", "gsi1sk", "REPORTER#" + reporterId, Optional.empty(), Map.of(), Map.of(),
                cursor, limit);
    }

    @Override
    public Page<Report> byTenant(String tenantId, boolean open, Query query, Optional<String> cursor, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        in("categoryCode", query.categories(), conditions, names, values);
        in("status", query.statuses().stream().map(ReportStatus::code).collect(java.util.stream.Collectors.toSet()),
                conditions, names, values);
        in("serviceId", query.services(), conditions, names, values);
        String range = null;
        if (query.from().isPresent() && query.to().isPresent()) {
            range = "gsi2sk BETWEEN :from AND :to";
        } else if (query.from().isPresent()) {
            range = "gsi2sk >= :from";
        } else if (query.to().isPresent()) {
            range = "gsi2sk < :to";
        }
        query.from().ifPresent(f -> values.put(":from", s(f.toString())));
        query.to().ifPresent(t -> values.put(":to", s(t.toString())));
        return page(Keys.GSI2, "gsi2pk", "gsi2sk", ReportItems.tenantReports(tenantId, open),
                Optional.ofNullable(range),
                names, values, cursor, limit, conditions.isEmpty() ? null : String.join(" AND ", conditions));
    }

    private static void in(String attribute, Set<String> accepted, List<String> conditions, Map<String, String> names,
            Map<String, AttributeValue> values) {
        if (accepted.isEmpty()) {
            return;
        }
        String name = "#f" + names.size();
        names.put(name, attribute);
        List<String> placeholders = new ArrayList<>();
        for (String value : accepted) {
            String placeholder = ":f" + values.size();
            values.put(placeholder, s(value));
            placeholders.add(placeholder);
        }
        conditions.add(name + " IN (" + String.join(", ", placeholders) + ")");
    }

    @Override
    public List<Report> openInCells(String tenantId, Set<String> cells, int limit) {
        List<Report> found = new ArrayList<>();
        for (String cell : cells) {
            Map<String, AttributeValue> start = null;
            do {
                QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).indexName(Keys.GSI3)
                        .keyConditionExpression("gsi3pk = :p AND begins_with(gsi3sk, :cell)")
                        .expressionAttributeValues(Map.of(":p", s(ReportItems.geoPartition(tenantId, cell)),
                                ":cell", s(cell)))
                        .exclusiveStartKey(start).build());
                response.items().forEach(item -> found.add(ReportItems.fromItem(item)));
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null && found.size() < limit);
            if (found.size() >= limit) {
                break;
            }
        }
        return found;
    }

    private Page<Report> page(String index, String partitionKey, String sortKey, String partition,
            Optional<String> range, Map<String, String> names, Map<String, AttributeValue> values,
            Optional<String> cursor, int limit) {
        return page(index, partitionKey, sortKey, partition, range, names, values, cursor, limit, null);
    }

    /**
     * Newest first. With a filter, DynamoDB applies the limit before filtering, so this reads index pages
     * until it has one item more than asked (there is a next page) or {@link #MAX_PAGES} pages.
     */
    private Page<Report> page(String index, String partitionKey, String sortKey, String partition,
            Optional<String> range, Map<String, String> names, Map<String, AttributeValue> values,
            Optional<String> cursor, int limit, String filter) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#p", partitionKey);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":p", s(partition));
        String condition = "#p = :p" + range.map(r -> " AND " + r).orElse("");
        Map<String, AttributeValue> start = cursor.map(c -> Cursors.decode(c, partitionKey, partition, sortKey))
                .orElse(null);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> last = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index)
                    .keyConditionExpression(condition).expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues).scanIndexForward(false).limit(limit + 1)
                    .exclusiveStartKey(start);
            if (filter != null) {
                query.filterExpression(filter);
            }
            QueryResponse response = dynamo.query(query.build());
            items.addAll(response.items());
            last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            if (items.size() > limit || last == null) {
                break;
            }
            start = last;
        }
        if (items.size() > limit) {
            items = items.subList(0, limit);
            return new Page<>(items.stream().map(ReportItems::fromItem).toList(),
                    Cursors.encode(items.get(limit - 1), sortKey));
        }
        return new Page<>(items.stream().map(ReportItems::fromItem).toList(), Cursors.encode(last, sortKey));
    }

    @Override
    public List<ReportPhoto> photos(String reportId) {
        return Queries.all(dynamo, table, ReportItems.reportKey(reportId), "PHOTO#").stream()
                .map(ReportItems::photo).sorted(Comparator.comparing(ReportPhoto::createdAt)).toList();
    }

    @Override
    public boolean reservePhoto(String reportId, int max) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Attributes.key(ReportItems.reportKey(reportId), "REPORT"))
                    .updateExpression("ADD photoCount :one")
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(photoCount) "
                            + "OR photoCount < :max)")
                    .expressionAttributeValues(Map.of(":one", n(1), ":max", n(max))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void addPhoto(ReportPhoto photo) {
        dynamo.putItem(b -> b.tableName(table).item(ReportItems.photoItem(photo))
                .conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public void linkRequest(String requestReference, String reportId, String tenantId) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(Keys.PK, s(Keys.request(requestReference)),
                Keys.SK, s("REPORT#" + reportId), "reportId", s(reportId), "tenantId", s(tenantId))));
    }
}
