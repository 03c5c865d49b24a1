package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.n;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.json.ProcedureCodec;
import fr.plateformecitoyens.core.port.DefinitionStore;
import fr.plateformecitoyens.core.procedure.Draft;
import fr.plateformecitoyens.core.procedure.Procedure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Definitions in the single table, beside the tenant: drafts at {@code TENANT#t / DRAFT#id} (with a revision
 * guarding edits), versions at {@code TENANT#t / PROCEDURE#id#V0001} written once, and the catalogue copy at
 * {@code CATALOGUE#t / PROCEDURE#id}. Every read is a GetItem or a Query on the tenant's partition.
 */
public final class DynamoDefinitionStore implements DefinitionStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDefinitionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Draft> drafts(String tenantId) {
        List<Draft> drafts = new ArrayList<>();
        query(Keys.tenant(tenantId), "DRAFT#").forEach(item -> drafts.add(draftOf(item)));
        return drafts;
    }

    @Override
    public Optional<Draft> draft(String tenantId, String procedureId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key(Keys.tenant(tenantId), Keys.draft(procedureId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(draftOf(item));
    }

    @Override
    public boolean createDraft(Draft draft) {
        return put(draftItem(draft), "attribute_not_exists(pk)", Map.of());
    }

    @Override
    public boolean replaceDraft(Draft draft, long expectedRevision) {
        return put(draftItem(draft), "revision = :expected", Map.of(":expected", n(expectedRevision)));
    }

    @Override
    public boolean deleteDraft(String tenantId, String procedureId, long expectedRevision) {
        try {
            dynamo.deleteItem(b -> b.tableName(table)
                    .key(Attributes.key(Keys.tenant(tenantId), Keys.draft(procedureId)))
                    .conditionExpression("revision = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(expectedRevision))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<Procedure> versions(String tenantId) {
        List<Procedure> versions = new ArrayList<>();
        query(Keys.tenant(tenantId), "PROCEDURE#").forEach(item -> versions.add(DynamoCatalogue.read(item)));
        return versions;
    }

    @Override
    public List<Procedure> versions(String tenantId, String procedureId) {
        List<Procedure> versions = new ArrayList<>();
        query(Keys.tenant(tenantId), Keys.procedure(procedureId) + "#V")
                .forEach(item -> versions.add(DynamoCatalogue.read(item)));
        return versions;
    }

    @Override
    public Optional<Procedure> version(String tenantId, String procedureId, int version) {
        return new DynamoCatalogue(dynamo, table).version(tenantId, procedureId, version);
    }

    @Override
    public boolean addVersion(Procedure procedure) {
        return put(DynamoCatalogue.versionItem(procedure), "attribute_not_exists(pk)", Map.of());
    }

    @Override
    public Map<String, Integer> published(String tenantId) {
        Map<String, Integer> published = new LinkedHashMap<>();
        for (var item : query(Keys.catalogue(tenantId), "PROCEDURE#")) {
            published.put(item.get("sk").s().substring("PROCEDURE#".length()),
                    (int) Attributes.number(item, "version"));
        }
        return published;
    }

    @Override
    public void publish(Procedure procedure) {
        dynamo.putItem(b -> b.tableName(table).item(DynamoCatalogue.publishedItem(procedure)));
    }

    @Override
    public void unpublish(String tenantId, String procedureId) {
        dynamo.deleteItem(b -> b.tableName(table)
                .key(Attributes.key(Keys.catalogue(tenantId), Keys.procedure(procedureId))));
    }

    private static Map<String, AttributeValue> draftItem(Draft draft) {
        Procedure p = draft.definition();
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(Keys.tenant(p.tenantId()), Keys.draft(p.id())));
        item.put("definition", s(Json.write(ProcedureCodec.write(p))));
        item.put("revision", n(draft.revision()));
        item.put("updatedAt", s(draft.updatedAt().toString()));
        item.put("updatedBy", s(draft.updatedBy()));
        return item;
    }

    private static Draft draftOf(Map<String, AttributeValue> item) {
        return new Draft(DynamoCatalogue.read(item), Attributes.number(item, "revision"),
                Instant.parse(Attributes.string(item, "updatedAt")), Attributes.string(item, "updatedBy"));
    }

    private boolean put(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(item).conditionExpression(condition);
                if (!values.isEmpty()) {
                    b.expressionAttributeValues(values);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private List<Map<String, AttributeValue>> query(String pk, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var response = dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                    .expressionAttributeValues(Map.of(":p", s(pk), ":s", s(prefix)))
                    .exclusiveStartKey(start).build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}
