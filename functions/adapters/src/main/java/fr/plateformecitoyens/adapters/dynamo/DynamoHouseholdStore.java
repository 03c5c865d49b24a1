package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.n;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.household.Household;
import fr.plateformecitoyens.core.household.HouseholdMember;
import fr.plateformecitoyens.core.household.HouseholdStore;
import fr.plateformecitoyens.core.household.Relationship;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Each citizen's household as one item, {@code CITIZEN#sub / HOUSEHOLD}, replaced under its version. */
public final class DynamoHouseholdStore implements HouseholdStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoHouseholdStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Household> find(String citizenId) {
        var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Attributes.key(Keys.citizen(citizenId), Keys.household()))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        List<HouseholdMember> members = new ArrayList<>();
        for (JsonNode m : Json.parse(Attributes.string(item, "members"))) {
            members.add(new HouseholdMember(m.path("id").asText(), m.path("givenNames").asText(),
                    m.path("familyName").asText(), LocalDate.parse(m.path("birthDate").asText()),
                    Relationship.fromCode(m.path("relationship").asText()).orElse(Relationship.OTHER)));
        }
        return Optional.of(new Household(citizenId, members, Attributes.number(item, "version")));
    }

    @Override
    public boolean save(Household household, long expectedVersion) {
        ArrayNode members = Json.array();
        household.members().forEach(m -> members.add(Json.toTree(m.asAnswer())));
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(Keys.citizen(household.citizenId()),
                Keys.household()));
        item.put("members", s(Json.write(members)));
        item.put("version", n(household.version()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression(expectedVersion == 0 ? "attribute_not_exists(pk)" : "#v = :expected")
                    .expressionAttributeNames(expectedVersion == 0 ? null : Map.of("#v", "version"))
                    .expressionAttributeValues(expectedVersion == 0 ? null : Map.of(":expected", n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
