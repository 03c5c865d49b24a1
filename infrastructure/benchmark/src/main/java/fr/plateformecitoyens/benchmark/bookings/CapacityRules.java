package fr.plateformecitoyens.benchmark.bookings;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * DynamoDB's published rules for item sizes and capacity units, applied to the items before and after each
 * call, so that the emulator's own figures can be checked and what it leaves out (index writes, failed
 * conditions, empty reads) can be added.
 *
 * <ul>
 *   <li>Item size: the UTF-8 length of every attribute name plus its value (strings in UTF-8 bytes, numbers about
 *       one byte per two significant digits plus one, lists and maps 3 bytes plus 1 per element).</li>
 *   <li>Writes: 1 unit per started KB of the larger of the item before and after; a failed condition still costs
 *       that much. Each global secondary index the write touches costs its own units for the projected entry:
 *       one write to add or remove an entry or to update one in place, two (a delete and a put) when the index's
 *       key changes.</li>
 *   <li>Reads: 1 unit per started 4 KB for a strongly consistent read, half for an eventually consistent one (GSI
 *       reads always are); a query adds up the sizes of the items of a page before rounding, and costs at least
 *       the minimum unit even when it finds nothing; reading a missing item costs the minimum too.</li>
 * </ul>
 */
final class CapacityRules {

    private CapacityRules() {
    }

    /** The keys of a table and of its global secondary indexes, with what each index projects. */
    record Schema(List<String> tableKeys, List<Index> indexes) {

        static Schema of(TableDescription table) {
            List<Index> indexes = new ArrayList<>();
            if (table.hasGlobalSecondaryIndexes()) {
                for (GlobalSecondaryIndexDescription gsi : table.globalSecondaryIndexes()) {
                    ProjectionType type = gsi.projection() == null ? ProjectionType.ALL
                            : gsi.projection().projectionType();
                    Set<String> included = gsi.projection() == null || !gsi.projection().hasNonKeyAttributes()
                            ? Set.of() : Set.copyOf(gsi.projection().nonKeyAttributes());
                    indexes.add(new Index(gsi.indexName(), keys(gsi.keySchema()), type, included));
                }
            }
            return new Schema(keys(table.keySchema()), indexes);
        }

        private static List<String> keys(List<KeySchemaElement> schema) {
            List<String> keys = new ArrayList<>();
            schema.stream().filter(k -> k.keyType() == KeyType.HASH).forEach(k -> keys.add(k.attributeName()));
            schema.stream().filter(k -> k.keyType() == KeyType.RANGE).forEach(k -> keys.add(k.attributeName()));
            return List.copyOf(keys);
        }

        /** The item's primary key. */
        Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> key = new HashMap<>();
            tableKeys.forEach(k -> key.put(k, item.get(k)));
            return key;
        }
    }

    /** A global secondary index: its key attributes and its projection. */
    record Index(String name, List<String> keys, ProjectionType projection, Set<String> included) {

        /** The index's entry for this item, or null when the item lacks one of the index's keys (a sparse index). */
        Map<String, AttributeValue> entry(Map<String, AttributeValue> item, Schema schema) {
            if (item == null || item.isEmpty() || !item.keySet().containsAll(keys)) {
                return null;
            }
            if (projection == ProjectionType.ALL) {
                return item;
            }
            Set<String> kept = new HashSet<>(keys);
            kept.addAll(schema.tableKeys());
            if (projection == ProjectionType.INCLUDE) {
                kept.addAll(included);
            }
            Map<String, AttributeValue> entry = new HashMap<>();
            item.forEach((name, value) -> {
                if (kept.contains(name)) {
                    entry.put(name, value);
                }
            });
            return entry;
        }
    }

    /** What one write costs: the table's units and those of each index it touches. */
    record WriteCost(double table, Map<String, Double> indexes) {

        double indexTotal() {
            return indexes.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** The size of an item in bytes, as DynamoDB counts it. */
    static int size(Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        int size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + size(attribute.getValue());
        }
        return size;
    }

    private static int size(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(value.n());
            case B -> value.b().asByteArray().length;
            case SS -> value.ss().stream().mapToInt(CapacityRules::utf8).sum();
            case NS -> value.ns().stream().mapToInt(CapacityRules::number).sum();
            case BS -> value.bs().stream().mapToInt(b -> b.asByteArray().length).sum();
            case BOOL, NUL -> 1;
            case L -> 3 + value.l().stream().mapToInt(v -> 1 + size(v)).sum();
            case M -> 3 + value.m().entrySet().stream().mapToInt(e -> 1 + utf8(e.getKey()) + size(e.getValue())).sum();
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int number(String text) {
        BigDecimal n = new BigDecimal(text);
        if (n.signum() == 0) {
            return 1;
        }
        int digits = n.stripTrailingZeros().unscaledValue().abs().toString().length();
        return 1 + (digits + 1) / 2 + (n.signum() < 0 ? 1 : 0);
    }

    /** Write units of an item of this many bytes: one per started KB, at least one. */
    static double writeUnits(int bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    /** Read units of this many bytes read at once: one per started 4 KB (at least one), half if not consistent. */
    static double readUnits(int bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    /** A successful put, update or delete that turned {@code before} into {@code after} (either may be absent). */
    static WriteCost write(Schema schema, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Map<String, AttributeValue> old = before == null || before.isEmpty() ? null : before;
        Map<String, AttributeValue> now = after == null || after.isEmpty() ? null : after;
        double table = writeUnits(Math.max(size(old), size(now)));
        Map<String, Double> indexes = new HashMap<>();
        for (Index index : schema.indexes()) {
            Map<String, AttributeValue> was = index.entry(old, schema);
            Map<String, AttributeValue> is = index.entry(now, schema);
            double units;
            if (was == null && is == null) {
                units = 0;
            } else if (was == null) {
                units = writeUnits(size(is));
            } else if (is == null) {
                units = writeUnits(size(was));
            } else if (!sameKeys(index, was, is)) {
                units = writeUnits(size(was)) + writeUnits(size(is));
            } else {
                units = was.equals(is) ? 0 : writeUnits(size(is));
            }
            if (units > 0) {
                indexes.put(index.name(), units);
            }
        }
        return new WriteCost(table, indexes);
    }

    /** A write whose condition failed: the table's units for the larger of the stored and proposed items, no index. */
    static WriteCost failedWrite(Map<String, AttributeValue> stored, Map<String, AttributeValue> proposed) {
        return new WriteCost(writeUnits(Math.max(size(stored), size(proposed))), Map.of());
    }

    private static boolean sameKeys(Index index, Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return index.keys().stream().allMatch(k -> Objects.equals(a.get(k), b.get(k)));
    }
}
