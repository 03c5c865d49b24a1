package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.optionalString;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.string;

import fr.plateformecitoyens.core.person.Names;
import fr.plateformecitoyens.core.person.Person;
import fr.plateformecitoyens.core.person.PersonDirectory;
import fr.plateformecitoyens.core.person.PostalAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A tenant's directory of people in one partition, {@code PEOPLE#<tenant>}: for each person an entry
 * {@code PERSON#<kind>#<id>}, a name look-up {@code NAME#<FAMILY GIVEN>#<kind>#<id>} (normalised by
 * {@link Names}, so a prefix query finds « Lefèvre » from « lef »), and, with an address, an e-mail look-up
 * {@code EMAIL#<address>#<kind>#<id>}. Each look-up carries the whole person, so a search is one query.
 */
public final class DynamoPersonDirectory implements PersonDirectory {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPersonDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String partition(String tenantId) {
        return "PEOPLE#" + tenantId;
    }

    private static String suffix(Person.Kind kind, String id) {
        return kind.code() + "#" + id;
    }

    @Override
    public Optional<Person> find(String tenantId, Person.Kind kind, String id) {
        var item = dynamo.getItem(b -> b.tableName(table)
                .key(Attributes.key(partition(tenantId), "PERSON#" + suffix(kind, id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Person> byName(String tenantId, String nameStart, int limit) {
        return query(tenantId, "NAME#" + nameStart, limit);
    }

    @Override
    public List<Person> byEmail(String tenantId, String email, int limit) {
        return query(tenantId, "EMAIL#" + email + "#", limit);
    }

    private List<Person> query(String tenantId, String prefix, int limit) {
        var response = dynamo.query(b -> b.tableName(table).keyConditionExpression("pk = :p AND begins_with(sk, :s)")
                .expressionAttributeValues(Map.of(":p", s(partition(tenantId)), ":s", s(prefix))).limit(limit));
        return response.items().stream().map(DynamoPersonDirectory::fromItem).toList();
    }

    @Override
    public void save(Person person) {
        Optional<Person> before = find(person.tenantId(), person.kind(), person.id());
        if (before.isPresent() && before.get().equals(person)) {
            return;
        }
        List<String> lookups = lookups(person);
        before.ifPresent(old -> lookups(old).stream().filter(k -> !lookups.contains(k)).forEach(k ->
                dynamo.deleteItem(b -> b.tableName(table).key(Attributes.key(partition(old.tenantId()), k)))));
        dynamo.putItem(b -> b.tableName(table).item(item(person, "PERSON#" + suffix(person.kind(), person.id()))));
        for (String key : lookups) {
            dynamo.putItem(b -> b.tableName(table).item(item(person, key)));
        }
    }

    private static List<String> lookups(Person p) {
        List<String> keys = new ArrayList<>();
        String name = Names.sortName(p.familyName(), p.givenName());
        if (!name.isEmpty()) {
            keys.add("NAME#" + name + "#" + suffix(p.kind(), p.id()));
        }
        p.email().ifPresent(e -> keys.add("EMAIL#" + e + "#" + suffix(p.kind(), p.id())));
        return keys;
    }

    private static Map<String, AttributeValue> item(Person p, String sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(partition(p.tenantId())));
        item.put(Keys.SK, s(sk));
        item.put("tenantId", s(p.tenantId()));
        item.put("kind", s(p.kind().code()));
        item.put("personId", s(p.id()));
        item.put("givenName", s(p.givenName()));
        item.put("familyName", s(p.familyName()));
        item.put("email", s(p.email().orElse("")));
        item.put("phone", s(p.phone().orElse("")));
        p.address().ifPresent(a -> {
            item.put("street", s(a.street()));
            item.put("postcode", s(a.postcode()));
            item.put("city", s(a.city()));
        });
        return item;
    }

    private static Person fromItem(Map<String, AttributeValue> item) {
        Optional<PostalAddress> address = optionalString(item, "street").map(street -> new PostalAddress(street,
                string(item, "postcode"), string(item, "city")));
        return new Person(string(item, "tenantId"), Person.Kind.fromCode(string(item, "kind")),
                string(item, "personId"), string(item, "givenName"), string(item, "familyName"),
                optionalString(item, "email"), optionalString(item, "phone"), address);
    }
}
