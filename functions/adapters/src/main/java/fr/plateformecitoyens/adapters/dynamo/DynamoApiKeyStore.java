package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.optionalString;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.string;

import fr.plateformecitoyens.core.report.ApiKey;
import fr.plateformecitoyens.core.report.ApiKeyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Open311 keys: pk {@code APIKEY#keyId}, sk {@code APIKEY}, with the digest of the secret;
 * gsi1 {@code APIKEYS#t} / {@code createdAt#keyId} lists a tenant's keys.
 */
public final class DynamoApiKeyStore implements ApiKeyStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoApiKeyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static Map<String, AttributeValue> item(ApiKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s("APIKEY#" + key.keyId()));
        item.put(Keys.SK, s("APIKEY"));
        item.put("gsi1pk", s("APIKEYS#" + key.tenantId()));
        item.put("gsi1sk", s(key.createdAt() + "#" + key.keyId()));
        item.put("tenantId", s(key.tenantId()));
        item.put("keyId", s(key.keyId()));
        item.put("name", s(key.name()));
        item.put("secretHash", s(key.secretHash()));
        item.put("createdAt", s(key.createdAt().toString()));
        item.put("createdBy", s(key.createdBy()));
        key.revokedAt().ifPresent(at -> item.put("revokedAt", s(at.toString())));
        return item;
    }

    private static ApiKey fromItem(Map<String, AttributeValue> item) {
        return new ApiKey(string(item, "tenantId"), string(item, "keyId"), string(item, "name"),
                string(item, "secretHash"), Instant.parse(string(item, "createdAt")), string(item, "createdBy"),
                optionalString(item, "revokedAt").map(Instant::parse));
    }

    @Override
    public void create(ApiKey key) {
        dynamo.putItem(b -> b.tableName(table).item(item(key)).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<ApiKey> find(String keyId) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Attributes.key("APIKEY#" + keyId, "APIKEY"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<ApiKey> byTenant(String tenantId) {
        return dynamo.query(QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p",
                        s("APIKEYS#" + tenantId)))
                .scanIndexForward(false).limit(100).build()).items().stream().map(DynamoApiKeyStore::fromItem).toList();
    }

    @Override
    public boolean revoke(String tenantId, String keyId, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(Attributes.key("APIKEY#" + keyId, "APIKEY"))
                    .updateExpression("SET revokedAt = if_not_exists(revokedAt, :at)")
                    .conditionExpression("tenantId = :t")
                    .expressionAttributeValues(Map.of(":at", s(at.toString()), ":t", s(tenantId))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
