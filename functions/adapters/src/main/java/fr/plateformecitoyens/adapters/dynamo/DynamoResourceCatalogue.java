package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.string;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.json.ResourceCodec;
import fr.plateformecitoyens.core.booking.BlockedPeriod;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.booking.ResourceCatalogue;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Bookable resources ({@code TENANT#t} / {@code RESOURCE#<KIND>#id}, the definition as JSON) and the
 * periods blocked on them ({@code BLOCKED#t#resource} / {@code <start>#id}).
 */
public final class DynamoResourceCatalogue implements ResourceCatalogue {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoResourceCatalogue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static Map<String, AttributeValue> item(Resource resource) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(Keys.tenant(resource.tenantId()),
                "RESOURCE#" + resource.kind().name() + "#" + resource.id()));
        item.put("definition", s(Json.write(ResourceCodec.write(resource))));
        return item;
    }

    @Override
    public List<Resource> resources(String tenantId, Resource.Kind kind) {
        return queryAll(Keys.tenant(tenantId), "RESOURCE#" + kind.name() + "#").stream()
                .map(item -> ResourceCodec.read(Json.parse(string(item, "definition")))).toList();
    }

    @Override
    public Optional<Resource> resource(String tenantId, Resource.Kind kind, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        var item = dynamo.getItem(b -> b.tableName(table)
                .key(Attributes.key(Keys.tenant(tenantId), "RESOURCE#" + kind.name() + "#" + id))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(ResourceCodec.read(Json.parse(string(item, "definition"))));
    }

    @Override
    public List<BlockedPeriod> blocked(String tenantId, String resourceId) {
        return queryAll("BLOCKED#" + tenantId + "#" + resourceId, "").stream()
                .map(item -> new BlockedPeriod(tenantId, resourceId, string(item, "id"),
                        LocalDateTime.parse(string(item, "start")), LocalDateTime.parse(string(item, "end")),
                        string(item, "reason"), string(item, "createdBy")))
                .toList();
    }

    @Override
    public void block(BlockedPeriod p) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key("BLOCKED#" + p.tenantId() + "#"
                + p.resourceId(),
                p.start() + "#" + p.id()));
        item.put("id", s(p.id()));
        item.put("start", s(p.start().toString()));
        item.put("end", s(p.end().toString()));
        item.put("reason", s(p.reason()));
        item.put("createdBy", s(p.createdBy()));
        dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public void unblock(BlockedPeriod p) {
        dynamo.deleteItem(b -> b.tableName(table).key(Attributes.key("BLOCKED#" + p.tenantId() + "#" + p.resourceId(),
                p.start() + "#" + p.id())));
    }

    private List<Map<String, AttributeValue>> queryAll(String pk, String skPrefix) {
        return Queries.all(dynamo, table, pk, skPrefix);
    }
}
