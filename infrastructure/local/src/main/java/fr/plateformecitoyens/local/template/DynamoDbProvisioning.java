package fr.plateformecitoyens.local.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates {@code AWS::DynamoDB::Table} resources on dynalite: keys, attribute definitions, global and local
 * secondary indexes, billing mode and throughput. Backups, TTL, encryption, streams and tags are not applied
 * (dynalite has no such features, or the local cloud does not need them) and are logged as skipped.
 */
final class DynamoDbProvisioning {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbProvisioning.class);
    private static final Map<String, String> SKIP_REASONS = Map.of(
            "PointInTimeRecoverySpecification", "dynalite has no backups",
            "TimeToLiveSpecification", "dynalite has no TTL; retention runs as a scheduled job",
            "SSESpecification", "in memory",
            "StreamSpecification", "no stream consumer runs locally",
            "DeletionProtectionEnabled", "the emulators are fresh at each start");
    private static final long ACTIVE_TIMEOUT_MILLIS = 10_000;

    private DynamoDbProvisioning() {
    }

    /** Creates the table, waits until it is active and gives its name ({@code Ref}), Arn and StreamArn. */
    static ProvisionedResource createTable(ProvisioningClients clients, ResourceProperties properties) {
        DynamoDbClient dynamoDb = clients.dynamoDb();
        String name = properties.string("TableName", properties.generatedName(false));
        boolean provisioned = !"PAY_PER_REQUEST".equals(properties.string("BillingMode", "PROVISIONED"));
        Map<String, Object> throughput = properties.map("ProvisionedThroughput");
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
                .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST)
                .keySchema(keySchema(properties.raw("KeySchema"), properties.logicalId() + ".KeySchema"))
                .attributeDefinitions(properties.maps("AttributeDefinitions").stream()
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(ResourceProperties.string(a, "AttributeName"))
                                .attributeType(ResourceProperties.string(a, "AttributeType")).build())
                        .toList());
        if (provisioned) {
            request.provisionedThroughput(throughput(throughput, properties.logicalId()));
        }
        List<Map<String, Object>> globalIndexes = properties.maps("GlobalSecondaryIndexes");
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes.stream().map(index -> {
                String where = properties.logicalId() + ".GlobalSecondaryIndexes." + index.get("IndexName");
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                        .indexName(ResourceProperties.string(index, "IndexName"))
                        .keySchema(keySchema(index.get("KeySchema"), where)).projection(projection(index, where));
                if (provisioned) {
                    gsi.provisionedThroughput(throughput(asMap(index.get("ProvisionedThroughput"), where), where));
                }
                return gsi.build();
            }).toList());
        }
        List<Map<String, Object>> localIndexes = properties.maps("LocalSecondaryIndexes");
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes.stream().map(index -> {
                String where = properties.logicalId() + ".LocalSecondaryIndexes." + index.get("IndexName");
                return LocalSecondaryIndex.builder().indexName(ResourceProperties.string(index, "IndexName"))
                        .keySchema(keySchema(index.get("KeySchema"), where)).projection(projection(index, where))
                        .build();
            }).toList());
        }
        properties.logSkipped(LOG, SKIP_REASONS);
        dynamoDb.createTable(request.build());
        TableDescription table = awaitActive(dynamoDb, name);
        Map<String, String> attributes = new HashMap<>();
        attributes.put("Arn", table.tableArn());
        if (table.latestStreamArn() != null) {
            attributes.put("StreamArn", table.latestStreamArn());
        }
        return new ProvisionedResource(properties.logicalId(), properties.type(), name, attributes);
    }

    private static TableDescription awaitActive(DynamoDbClient dynamoDb, String name) {
        long deadline = System.currentTimeMillis() + ACTIVE_TIMEOUT_MILLIS;
        while (true) {
            TableDescription table = dynamoDb.describeTable(r -> r.tableName(name)).table();
            if (table.tableStatus() == TableStatus.ACTIVE) {
                return table;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("table " + name + " is still " + table.tableStatusAsString()
                        + "; start dynalite with --createTableMs 0");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + name, e);
            }
        }
    }

    private static List<KeySchemaElement> keySchema(Object value, String where) {
        return ResourceProperties.maps(value, where).stream()
                .map(k -> KeySchemaElement.builder().attributeName(ResourceProperties.string(k, "AttributeName"))
                        .keyType(ResourceProperties.string(k, "KeyType")).build())
                .toList();
    }

    private static Projection projection(Map<String, Object> index, String where) {
        Map<String, Object> projection = asMap(index.get("Projection"), where + ".Projection");
        Projection.Builder builder = Projection.builder()
                .projectionType(ResourceProperties.string(projection, "ProjectionType"));
        List<String> nonKey = ResourceProperties.strings(projection.get("NonKeyAttributes"));
        if (!nonKey.isEmpty()) {
            builder.nonKeyAttributes(nonKey);
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(Map<String, Object> throughput, String where) {
        Integer read = ResourceProperties.integer(throughput, "ReadCapacityUnits", where);
        Integer write = ResourceProperties.integer(throughput, "WriteCapacityUnits", where);
        return ProvisionedThroughput.builder().readCapacityUnits(read == null ? 5L : read)
                .writeCapacityUnits(write == null ? 5L : write).build();
    }

    private static Map<String, Object> asMap(Object value, String where) {
        return value == null ? Map.of() : Template.asMap(value, where);
    }
}
