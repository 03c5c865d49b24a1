package fr.plateformecitoyens.local.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * An AWS SAM (CloudFormation) template read from YAML, with every short intrinsic tag in its long JSON
 * form. It is the one list of the stack's resources: the local cloud reads it rather than keeping its own.
 *
 * <p>The accessors return unmodifiable views of plain {@code Map}, {@code List}, {@code String},
 * {@code Number} and {@code Boolean} values; intrinsic functions are left unevaluated (see {@link Resolver}).
 */
public final class Template {

    /** Names in {@code ${…}} of a {@code Fn::Sub} string; {@code ${!…}} is a literal and is skipped. */
    static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Map<String, Object> root;
    private final Map<String, Parameter> parameters;
    private final Map<String, Resource> resources;

    /**
     * A template parameter.
     *
     * @param name         its name
     * @param type         its CloudFormation type ({@code String}, {@code Number}, {@code CommaDelimitedList}…)
     * @param defaultValue its default as a string, or {@code null} when it has none
     * @param allowedValues the values it may take, empty when any
     * @param description  its description, or {@code null}
     */
    public record Parameter(String name, String type, String defaultValue, List<String> allowedValues,
            String description) {
    }

    /**
     * A resource of the template.
     *
     * @param logicalId  its logical id (the key under {@code Resources})
     * @param type       its type, such as {@code AWS::DynamoDB::Table}
     * @param properties its properties, unevaluated; empty when it has none
     * @param metadata   its metadata; empty when it has none
     * @param dependsOn  the logical ids of its {@code DependsOn}
     * @param condition  the name of the condition that creates it, or {@code null}
     */
    public record Resource(String logicalId, String type, Map<String, Object> properties,
            Map<String, Object> metadata, List<String> dependsOn, String condition) {
    }

    private Template(Map<String, Object> root) {
        this.root = root;
        this.parameters = readParameters(section("Parameters"));
        this.resources = readResources(section("Resources"));
    }

    /** Reads the template file, such as the project's {@code template.yaml}. */
    public static Template load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new TemplateException("Cannot read the template " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a template from its YAML (or JSON) text. */
    public static Template parse(String yaml) {
        Object document;
        try {
            document = new Yaml(new IntrinsicConstructor()).load(yaml);
        } catch (YAMLException e) {
            throw new TemplateException("The template is not valid YAML: " + e.getMessage(), e);
        }
        return of(document);
    }

    /** Wraps a template already in its JSON form, such as a modified copy of {@link #toJson()}. */
    public static Template of(Object document) {
        if (!(document instanceof Map<?, ?> map)) {
            throw new TemplateException("The template must be a map with a Resources section");
        }
        Map<String, Object> copy = asMap(deepCopy(map), "template");
        return new Template(copy);
    }

    /** A deep, modifiable copy of the whole template in JSON form, for schema validation or edits in tests. */
    public Map<String, Object> toJson() {
        return asMap(deepCopy(root), "template");
    }

    /** The parameters by name, in file order. */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** The {@code Conditions} section: each name with its unevaluated expression. */
    public Map<String, Object> conditions() {
        return section("Conditions");
    }

    /** The {@code Mappings} section, for {@code Fn::FindInMap}. */
    public Map<String, Object> mappings() {
        return section("Mappings");
    }

    /** The {@code Globals} section of SAM ({@code Function}, {@code HttpApi}…); empty when absent. */
    public Map<String, Object> globals() {
        return section("Globals");
    }

    /** The global properties of one kind of SAM resource, such as {@code globals("Function")}. */
    public Map<String, Object> globals(String kind) {
        Object value = globals().get(kind);
        return value == null ? Map.of() : asMap(value, "Globals." + kind);
    }

    /** The {@code Outputs} section, unevaluated. */
    public Map<String, Object> outputs() {
        return section("Outputs");
    }

    /** Every resource by logical id, in file order. */
    public Map<String, Resource> resources() {
        return resources;
    }

    /** The resource with this logical id; fails naming it when the template has none. */
    public Resource resource(String logicalId) {
        Resource resource = resources.get(logicalId);
        if (resource == null) {
            throw new TemplateException("The template has no resource " + logicalId);
        }
        return resource;
    }

    /** The resources of one type, in file order. */
    public List<Resource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * The logical ids of the other resources that this one refers to, through {@code Ref}, {@code Fn::GetAtt},
     * names in {@code Fn::Sub} or {@code DependsOn}: what must exist before it.
     */
    public Set<String> dependencies(String logicalId) {
        Resource resource = resource(logicalId);
        Set<String> names = new LinkedHashSet<>(resource.dependsOn());
        collectReferences(resource.properties(), names);
        names.retainAll(resources.keySet());
        names.remove(logicalId);
        return names;
    }

    /** Adds to {@code names} every name that {@code value} refers to (parameters and resources alike). */
    static void collectReferences(Object value, Set<String> names) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("Ref") instanceof String ref) {
                names.add(ref);
                return;
            }
            Object getAtt = map.get("Fn::GetAtt");
            if (map.size() == 1 && getAtt instanceof List<?> list && !list.isEmpty()) {
                names.add(String.valueOf(list.get(0)));
                return;
            }
            if (map.size() == 1 && getAtt instanceof String dotted) {
                names.add(dotted.split("\\.", 2)[0]);
                return;
            }
            Object sub = map.get("Fn::Sub");
            if (map.size() == 1 && sub != null) {
                collectSubReferences(sub, names);
                return;
            }
            map.values().forEach(v -> collectReferences(v, names));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectReferences(v, names));
        }
    }

    private static void collectSubReferences(Object sub, Set<String> names) {
        String text;
        Set<String> local = Set.of();
        if (sub instanceof List<?> list && !list.isEmpty()) {
            text = String.valueOf(list.get(0));
            if (list.size() > 1 && list.get(1) instanceof Map<?, ?> variables) {
                local = variables.keySet().stream().map(String::valueOf).collect(Collectors.toSet());
                variables.values().forEach(v -> collectReferences(v, names));
            }
        } else {
            text = String.valueOf(sub);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            if (!local.contains(name)) {
                names.add(name.split("\\.", 2)[0]);
            }
        }
    }

    private Map<String, Object> section(String name) {
        Object value = root.get(name);
        return value == null ? Map.of() : Collections.unmodifiableMap(asMap(value, name));
    }

    private static Map<String, Parameter> readParameters(Map<String, Object> section) {
        Map<String, Parameter> result = new LinkedHashMap<>();
        section.forEach((name, value) -> {
            Map<String, Object> definition = asMap(value, "Parameters." + name);
            Object defaultValue = definition.get("Default");
            List<String> allowed = new ArrayList<>();
            if (definition.get("AllowedValues") instanceof List<?> list) {
                list.forEach(v -> allowed.add(String.valueOf(v)));
            }
            Object description = definition.get("Description");
            result.put(name, new Parameter(name, String.valueOf(definition.getOrDefault("Type", "String")),
                    defaultValue == null ? null : String.valueOf(defaultValue), List.copyOf(allowed),
                    description == null ? null : String.valueOf(description)));
        });
        return Collections.unmodifiableMap(result);
    }

    private static Map<String, Resource> readResources(Map<String, Object> section) {
        if (section.isEmpty()) {
            throw new TemplateException("The template has no Resources section");
        }
        Map<String, Resource> result = new LinkedHashMap<>();
        section.forEach((id, value) -> {
            Map<String, Object> definition = asMap(value, "Resources." + id);
            if (!(definition.get("Type") instanceof String type)) {
                throw new TemplateException("The resource " + id + " has no Type");
            }
            Object properties = definition.get("Properties");
            Object metadata = definition.get("Metadata");
            Object dependsOn = definition.get("DependsOn");
            List<String> depends = new ArrayList<>();
            if (dependsOn instanceof List<?> list) {
                list.forEach(d -> depends.add(String.valueOf(d)));
            } else if (dependsOn != null) {
                depends.add(String.valueOf(dependsOn));
            }
            Object condition = definition.get("Condition");
            result.put(id, new Resource(id, type,
                    properties == null ? Map.of() : Collections.unmodifiableMap(asMap(properties, id + ".Properties")),
                    metadata == null ? Map.of() : Collections.unmodifiableMap(asMap(metadata, id + ".Metadata")),
                    List.copyOf(depends), condition == null ? null : String.valueOf(condition)));
        });
        return Collections.unmodifiableMap(result);
    }

    /** Casts a template value to a map, or fails naming where it was expected. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new TemplateException(where + " must be a map, got " + describe(value));
    }

    /** A short description of a value's kind, for error messages. */
    static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
    }

    /** A modifiable deep copy of maps (string keys, order kept) and lists; other values are shared. */
    static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }
}
