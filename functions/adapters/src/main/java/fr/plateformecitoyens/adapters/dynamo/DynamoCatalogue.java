package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.json.ProcedureCodec;
import fr.plateformecitoyens.core.port.Catalogue;
import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The published démarches of each tenant. Each démarche version is kept as an immutable item; the
 * catalogue partition holds a copy of the version currently published, so that listing a tenant's
 * catalogue is one query.
 */
public final class DynamoCatalogue implements Catalogue {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCatalogue(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Procedure> published(String tenantId) {
        List<Procedure> procedures = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var response = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s(Keys.catalogue(tenantId))))
                    .exclusiveStartKey(start).build());
            response.items().forEach(item -> procedures.add(read(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return procedures;
    }

    @Override
    public Optional<Procedure> published(String tenantId, String procedureId) {
        if (procedureId == null || procedureId.isBlank()) {
            return Optional.empty();
        }
        var item = dynamo.getItem(b -> b.tableName(table)
                .key(Attributes.key(Keys.catalogue(tenantId), Keys.procedure(procedureId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    @Override
    public Optional<Procedure> version(String tenantId, String procedureId, int version) {
        var item = dynamo.getItem(b -> b.tableName(table)
                .key(Attributes.key(Keys.tenant(tenantId), Keys.procedureVersion(procedureId, version)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(item));
    }

    /** The immutable item of one version of a démarche. */
    public static Map<String, AttributeValue> versionItem(Procedure procedure) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(Keys.tenant(procedure.tenantId()),
                Keys.procedureVersion(procedure.id(), procedure.version())));
        item.put("definition", s(Json.write(ProcedureCodec.write(procedure))));
        return item;
    }

    /** The catalogue item that publishes that version. */
    public static Map<String, AttributeValue> publishedItem(Procedure procedure) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(Keys.catalogue(procedure.tenantId()),
                Keys.procedure(procedure.id())));
        item.put("version", Attributes.n(procedure.version()));
        item.put("definition", s(Json.write(ProcedureCodec.write(procedure))));
        return item;
    }

    static Procedure read(Map<String, AttributeValue> item) {
        return ProcedureCodec.read(Json.parse(item.get("definition").s()));
    }
}
