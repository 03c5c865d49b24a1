package fr.plateformecitoyens.adapters.dynamo;

import fr.plateformecitoyens.core.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque page cursors. A cursor carries the position in the index (table key and index sort key) but
 * never the partition being read: that is rebuilt from the caller's identity, so a forged cursor cannot
 * reach into somebody else's partition.
 */
public final class Cursors {

    private static final char SEPARATOR = '\u001f';

    private Cursors() {
    }

    /** A cursor positioned after {@code lastKey}: a LastEvaluatedKey or a whole item of the index. */
    public static Optional<String> encode(Map<String, AttributeValue> lastKey, String indexSortKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return Optional.empty();
        }
        String raw = lastKey.get(Keys.PK).s() + SEPARATOR + lastKey.get(Keys.SK).s() + SEPARATOR
                + lastKey.get(indexSortKey).s();
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The ExclusiveStartKey for a query of {@code partition} on the index with those key names. */
    public static Map<String, AttributeValue> decode(String cursor, String indexPartitionKey, String partition,
            String indexSortKey) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = raw.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw invalid();
        }
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(Keys.PK, Attributes.s(parts[0]));
        key.put(Keys.SK, Attributes.s(parts[1]));
        key.put(indexPartitionKey, Attributes.s(partition));
        key.put(indexSortKey, Attributes.s(parts[2]));
        return key;
    }

    private static DomainException invalid() {
        return new DomainException.BadRequest("Le curseur de pagination n'est pas valide.");
    }
}
