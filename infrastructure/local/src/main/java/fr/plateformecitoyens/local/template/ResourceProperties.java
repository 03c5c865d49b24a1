package fr.plateformecitoyens.local.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;

/**
 * The resolved properties of one resource being created, with typed getters that remember which properties
 * were read. What was never read is what the local cloud does not apply: {@link #logSkipped} reports it in one
 * line, with the reason when one is known, so that no property is ignored silently.
 */
final class ResourceProperties {

    private final Template.Resource resource;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    ResourceProperties(Template.Resource resource, Map<String, Object> values) {
        this.resource = resource;
        this.values = values;
    }

    String logicalId() {
        return resource.logicalId();
    }

    String type() {
        return resource.type();
    }

    /** A name for a resource whose template gives none: the stack's name and the logical id, as CloudFormation. */
    String generatedName(boolean lowerCase) {
        String name = Resolver.STACK_NAME + "-" + resource.logicalId();
        return lowerCase ? name.toLowerCase(Locale.ROOT) : name;
    }

    boolean has(String key) {
        read.add(key);
        return values.get(key) != null;
    }

    Object raw(String key) {
        read.add(key);
        return values.get(key);
    }

    String string(String key) {
        Object value = raw(key);
        return value == null ? null : String.valueOf(value);
    }

    String string(String key, String defaultValue) {
        String value = string(key);
        return value == null ? defaultValue : value;
    }

    Integer integer(String key) {
        read.add(key);
        return integer(values, key, where(key));
    }

    Boolean bool(String key) {
        String value = string(key);
        return value == null ? null : Boolean.valueOf(value);
    }

    List<String> strings(String key) {
        return strings(raw(key));
    }

    Map<String, Object> map(String key) {
        Object value = raw(key);
        return value == null ? Map.of() : Template.asMap(value, where(key));
    }

    List<Map<String, Object>> maps(String key) {
        return maps(raw(key), where(key));
    }

    private String where(String key) {
        return resource.logicalId() + "." + key;
    }

    /** The values of a list (or a single value) as strings; empty when absent. */
    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> result.add(String.valueOf(v)));
        } else if (value != null) {
            result.add(String.valueOf(value));
        }
        return result;
    }

    /** The items of a list of maps; empty when absent. */
    static List<Map<String, Object>> maps(Object value, String where) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> result.add(Template.asMap(v, where)));
        } else if (value != null) {
            throw new TemplateException(where + " must be a list, got " + Template.describe(value));
        }
        return result;
    }

    /** A whole number from a map of resolved values, or {@code null} when absent. */
    static Integer integer(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new TemplateException(where + ": expected a whole number, got " + value, e);
        }
    }

    /** A string from a map of resolved values, or {@code null} when absent. */
    static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    /** Logs, in one line, the properties that were not applied, with the known reasons. */
    void logSkipped(Logger log, Map<String, String> reasons) {
        List<String> skipped = values.keySet().stream().filter(k -> !read.contains(k))
                .map(k -> reasons.containsKey(k) ? k + " (" + reasons.get(k) + ")" : k).collect(Collectors.toList());
        if (!skipped.isEmpty()) {
            log.info("{} ({}): not applied locally: {}", resource.logicalId(), resource.type(),
                    String.join(", ", skipped));
        }
    }
}
