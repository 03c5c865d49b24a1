package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.decimal;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.string;

import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import fr.plateformecitoyens.core.tenant.TenantKind;
import fr.plateformecitoyens.core.tenant.Territory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Tenants, services and agent memberships in the single table (see {@link Keys}). */
public final class DynamoTenantDirectory implements TenantDirectory {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTenantDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Tenant> tenants() {
        return queryAll(Keys.tenants(), "TENANT#").stream().map(DynamoTenantDirectory::tenant).toList();
    }

    @Override
    public Optional<Tenant> tenant(String tenantId) {
        return get(Keys.tenants(), "TENANT#" + tenantId).map(DynamoTenantDirectory::tenant);
    }

    @Override
    public Optional<HandlingService> service(String tenantId, String serviceId) {
        return get(Keys.tenant(tenantId), Keys.service(serviceId)).map(DynamoTenantDirectory::service);
    }

    @Override
    public List<HandlingService> services(String tenantId) {
        return queryAll(Keys.tenant(tenantId), "SERVICE#").stream().map(DynamoTenantDirectory::service).toList();
    }

    @Override
    public Optional<AgentMembership> membership(String tenantId, String agentId) {
        return get(Keys.tenant(tenantId), Keys.agent(agentId)).map(DynamoTenantDirectory::membership);
    }

    @Override
    public List<AgentMembership> memberships(String agentId) {
        List<AgentMembership> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            var response = dynamo.query(QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("gsi1pk = :p")
                    .expressionAttributeValues(Map.of(":p", s(Keys.agent(agentId))))
                    .exclusiveStartKey(start).build());
            response.items().forEach(item -> found.add(membership(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    /** The items to store for a tenant, its services and its agents (used by provisioning and seeding). */
    public static Map<String, AttributeValue> item(Tenant t) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(Keys.tenants(), "TENANT#" + t.id()));
        item.put("id", s(t.id()));
        item.put("name", s(t.name()));
        item.put("kind", s(t.kind().code()));
        item.put("inseeCode", s(t.inseeCode()));
        Territory area = t.territory();
        item.put("centreLat", Attributes.n(area.centreLat()));
        item.put("centreLong", Attributes.n(area.centreLong()));
        item.put("minLong", Attributes.n(area.minLong()));
        item.put("minLat", Attributes.n(area.minLat()));
        item.put("maxLong", Attributes.n(area.maxLong()));
        item.put("maxLat", Attributes.n(area.maxLat()));
        return item;
    }

    public static Map<String, AttributeValue> item(HandlingService service) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(Keys.tenant(service.tenantId()),
                Keys.service(service.id())));
        item.put("tenantId", s(service.tenantId()));
        item.put("id", s(service.id()));
        item.put("name", s(service.name()));
        item.put("address", s(service.address()));
        item.put("phone", s(service.phone()));
        item.put("email", s(service.email()));
        return item;
    }

    public static Map<String, AttributeValue> item(AgentMembership m) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(Keys.tenant(m.tenantId()),
                Keys.agent(m.agentId())));
        item.put("gsi1pk", s(Keys.agent(m.agentId())));
        item.put("gsi1sk", s(Keys.tenant(m.tenantId())));
        item.put("tenantId", s(m.tenantId()));
        item.put("agentId", s(m.agentId()));
        item.put("displayName", s(m.displayName()));
        item.put("role", s(m.role().code()));
        item.put("serviceIds", AttributeValue.fromL(m.serviceIds().stream().map(Attributes::s).toList()));
        return item;
    }

    private static Tenant tenant(Map<String, AttributeValue> item) {
        return new Tenant(string(item, "id"), string(item, "name"), TenantKind.fromCode(string(item, "kind")),
                string(item, "inseeCode"), new Territory(decimal(item, "centreLat"), decimal(item, "centreLong"),
                        decimal(item, "minLong"), decimal(item, "minLat"), decimal(item, "maxLong"),
                        decimal(item, "maxLat")));
    }

    private static HandlingService service(Map<String, AttributeValue> item) {
        return new HandlingService(string(item, "tenantId"), string(item, "id"), string(item, "name"),
                string(item, "address"), string(item, "phone"), string(item, "email"));
    }

    private static AgentMembership membership(Map<String, AttributeValue> item) {
        List<String> services = item.containsKey("serviceIds")
                ? item.get("serviceIds").l().stream().map(AttributeValue::s).toList() : List.of();
        return new AgentMembership(string(item, "tenantId"), string(item, "agentId"), string(item, "displayName"),
                AgentMembership.AgentRole.valueOf(string(item, "role").toUpperCase(java.util.Locale.ROOT)), services);
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        var item = dynamo.getItem(b -> b.tableName(table).key(Attributes.key(pk, sk))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private List<Map<String, AttributeValue>> queryAll(String pk, String skPrefix) {
        return Queries.all(dynamo, table, pk, skPrefix);
    }
}
