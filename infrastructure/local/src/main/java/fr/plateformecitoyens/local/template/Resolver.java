package fr.plateformecitoyens.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.plateformecitoyens.local.emulators.Endpoints;

import static fr.plateformecitoyens.local.template.Values.NO_VALUE;
import static fr.plateformecitoyens.local.template.Values.arguments;
import static fr.plateformecitoyens.local.template.Values.bool;
import static fr.plateformecitoyens.local.template.Values.list;
import static fr.plateformecitoyens.local.template.Values.text;

/**
 * Evaluates the template's intrinsic functions for the local stack.
 *
 * <p>Names resolve in this order: {@code AWS::*} pseudo parameters (the region of the emulators, the account
 * {@link Endpoints#ACCOUNT_ID}, partition {@code aws}, stack {@value #STACK_NAME}), template parameters
 * (the caller's values, else their defaults), resources registered by the {@link Provisioner}, then the
 * caller's overrides. Overrides stand in for what the local cloud does not emulate: key {@code "HttpApi"} for
 * {@code Ref HttpApi}, key {@code "WebDistribution.DomainName"} for that attribute, key
 * {@code "ImportValue:Name"} for an import. Anything else fails with a {@link TemplateException} naming the
 * resource or the name.
 *
 * <p>{@code Ref AWS::NoValue} removes the key (or list item) that holds it. Safe to use from several threads
 * while resources are being registered.
 */
public final class Resolver {

    /** The stack name of the local cloud ({@code AWS::StackName}). */
    public static final String STACK_NAME = "plateforme-citoyens-local";

    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]*)}");

    private final Template template;
    private final String region;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, String> overrides;
    private final Map<String, ProvisionedResource> provisioned = new ConcurrentHashMap<>();
    private final Map<String, Boolean> conditions = new ConcurrentHashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final Map<String, Object> pseudoParameters;

    /**
     * A resolver for the template in the given region.
     *
     * @param template   the template
     * @param region     the value of {@code AWS::Region}
     * @param parameters values of template parameters, overriding their defaults
     * @param overrides  values of {@code Ref} ({@code "Res"}) and {@code Fn::GetAtt} ({@code "Res.Attr"}) for
     *                   resources that are not emulated, and of imports ({@code "ImportValue:Name"})
     * @throws TemplateException if a parameter is unknown or not among its allowed values
     */
    public Resolver(Template template, String region, Map<String, String> parameters, Map<String, String> overrides) {
        this.template = Objects.requireNonNull(template, "template");
        this.region = Objects.requireNonNull(region, "region");
        this.overrides = Map.copyOf(overrides);
        this.pseudoParameters = Map.of("AWS::NoValue", NO_VALUE, "AWS::Region", region,
                "AWS::AccountId", Endpoints.ACCOUNT_ID, "AWS::Partition", "aws", "AWS::StackName", STACK_NAME,
                "AWS::StackId", "arn:aws:cloudformation:" + region + ":" + Endpoints.ACCOUNT_ID + ":stack/"
                        + STACK_NAME + "/local",
                "AWS::URLSuffix", "amazonaws.com", "AWS::NotificationARNs", List.of());
        for (String name : parameters.keySet()) {
            if (!template.parameters().containsKey(name)) {
                throw new TemplateException("The template has no parameter " + name
                        + " (known: " + template.parameters().keySet() + ")");
            }
        }
        template.parameters().forEach((name, parameter) -> {
            String value = parameters.getOrDefault(name, parameter.defaultValue());
            if (value != null && !parameter.allowedValues().isEmpty() && !parameter.allowedValues().contains(value)) {
                throw new TemplateException("Parameter " + name + " = '" + value + "' is not one of "
                        + parameter.allowedValues());
            }
            if (value != null) {
                this.parameters.put(name, value);
            }
        });
    }

    /** A resolver in the region of the emulators. */
    public static Resolver of(Template template, Endpoints endpoints, Map<String, String> parameters,
            Map<String, String> overrides) {
        return new Resolver(template, endpoints.region(), parameters, overrides);
    }

    /** The template this resolver evaluates. */
    public Template template() {
        return template;
    }

    /** Makes a provisioned resource known to {@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub}. */
    public void register(ProvisionedResource resource) {
        provisioned.put(resource.logicalId(), resource);
    }

    /** The resources registered so far, by logical id. */
    public Map<String, ProvisionedResource> provisioned() {
        return Map.copyOf(provisioned);
    }

    /** The effective value of every parameter that has one, by name. */
    public Map<String, String> parameterValues() {
        return Map.copyOf(parameters);
    }

    /** Whether the named condition of the template holds. */
    public boolean condition(String name) {
        return evalCondition(name);
    }

    /** Whether the resource is part of the stack: it has no {@code Condition}, or its condition holds. */
    public boolean creates(Template.Resource resource) {
        return resource.condition() == null || condition(resource.condition());
    }

    /**
     * Evaluates every intrinsic function in {@code value} (a map, a list or a scalar of the template).
     *
     * @param value   an unevaluated value
     * @param context where the value comes from (such as {@code "EventsQueue.RedrivePolicy"}), for messages
     * @return a plain value with no function left; {@code null} if the whole value is {@code AWS::NoValue}
     */
    public Object resolve(Object value, String context) {
        Object result = eval(value, context);
        return result == NO_VALUE ? null : result;
    }

    /** Evaluates {@code value} to a string (numbers and booleans are written as CloudFormation does). */
    public String resolveString(Object value, String context) {
        return text(eval(value, context), context);
    }

    /** Evaluates every property of a resource, dropping those that are {@code AWS::NoValue}. */
    public Map<String, Object> resolveProperties(Template.Resource resource) {
        return Template.asMap(eval(resource.properties(), resource.logicalId()), resource.logicalId());
    }

    private Object eval(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> entry = map.entrySet().iterator().next();
                String key = String.valueOf(entry.getKey());
                boolean conditionRef = key.equals("Condition") && entry.getValue() instanceof String;
                if (key.equals("Ref") || key.startsWith("Fn::") || conditionRef) {
                    return function(key, entry.getValue(), where);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object evaluated = eval(v, where);
                if (evaluated != NO_VALUE) {
                    result.put(String.valueOf(k), evaluated);
                }
            });
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object item : list) {
                Object evaluated = eval(item, where);
                if (evaluated != NO_VALUE) {
                    result.add(evaluated);
                }
            }
            return result;
        }
        return value;
    }

    private Object function(String name, Object argument, String where) {
        switch (name) {
            case "Ref":
                return ref(text(eval(argument, where), where), where);
            case "Condition":
                return condition(String.valueOf(argument));
            case "Fn::GetAtt":
                return getAtt(argument, where);
            case "Fn::Sub":
                return sub(argument, where);
            case "Fn::If": {
                List<?> args = arguments(name, argument, 3, where);
                return eval(condition(String.valueOf(args.get(0))) ? args.get(1) : args.get(2), where);
            }
            case "Fn::Equals": {
                List<?> args = arguments(name, argument, 2, where);
                return text(eval(args.get(0), where), where).equals(text(eval(args.get(1), where), where));
            }
            case "Fn::Not":
                return !bool(eval(arguments(name, argument, 1, where).get(0), where), where);
            case "Fn::And":
            case "Fn::Or": {
                boolean and = name.equals("Fn::And");
                for (Object operand : list(argument, name, where)) {
                    if (bool(eval(operand, where), where) != and) {
                        return !and;
                    }
                }
                return and;
            }
            case "Fn::Join": {
                List<?> args = arguments(name, argument, 2, where);
                List<String> parts = new ArrayList<>();
                list(eval(args.get(1), where), name, where).forEach(p -> parts.add(text(p, where)));
                return String.join(text(eval(args.get(0), where), where), parts);
            }
            case "Fn::Select": {
                List<?> args = arguments(name, argument, 2, where);
                int index = Integer.parseInt(text(eval(args.get(0), where), where));
                List<?> items = list(eval(args.get(1), where), name, where);
                if (index < 0 || index >= items.size()) {
                    throw new TemplateException(where + ": Fn::Select index " + index + " outside " + items);
                }
                return items.get(index);
            }
            case "Fn::Split": {
                List<?> args = arguments(name, argument, 2, where);
                String delimiter = text(eval(args.get(0), where), where);
                return List.of(text(eval(args.get(1), where), where).split(Pattern.quote(delimiter), -1));
            }
            case "Fn::FindInMap":
                return findInMap(arguments(name, argument, 3, where), where);
            case "Fn::Base64":
                return Base64.getEncoder().encodeToString(
                        text(eval(argument, where), where).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs":
                return List.of(region + "a", region + "b", region + "c");
            case "Fn::ImportValue": {
                String export = text(eval(argument, where), where);
                String value = overrides.get("ImportValue:" + export);
                if (value == null) {
                    throw new TemplateException(where + ": Fn::ImportValue " + export
                            + " has no local value; pass an override \"ImportValue:" + export + "\"");
                }
                return value;
            }
            case "Fn::Cidr":
                return cidr(arguments(name, argument, 3, where), where);
            case "Fn::Length":
                return list(eval(argument, where), name, where).size();
            default:
                throw new TemplateException(where + ": the function " + name + " is not supported locally");
        }
    }

    private Object ref(String name, String where) {
        Object pseudo = pseudoParameters.get(name);
        if (pseudo != null) {
            return pseudo;
        }
        Template.Parameter parameter = template.parameters().get(name);
        if (parameter != null) {
            String value = parameters.get(name);
            if (value == null) {
                throw new TemplateException(where + ": parameter " + name + " has no default and no value was given");
            }
            boolean isList = parameter.type().equals("CommaDelimitedList") || parameter.type().startsWith("List<");
            return isList ? List.of(value.split(",", -1)) : value;
        }
        ProvisionedResource resource = provisioned.get(name);
        if (resource != null) {
            return resource.ref();
        }
        String override = overrides.get(name);
        if (override != null) {
            return override;
        }
        throw unresolvable(name, "Ref " + name, "\"" + name + "\"", where);
    }

    private String getAtt(Object argument, String where) {
        String resource;
        String attribute;
        if (argument instanceof String dotted && dotted.indexOf('.') > 0) {
            resource = dotted.substring(0, dotted.indexOf('.'));
            attribute = dotted.substring(dotted.indexOf('.') + 1);
        } else {
            List<?> args = arguments("Fn::GetAtt", argument, 2, where);
            resource = String.valueOf(args.get(0));
            attribute = text(eval(args.get(1), where), where);
        }
        return attribute(resource, attribute, where);
    }

    private String attribute(String resource, String attribute, String where) {
        ProvisionedResource provisionedResource = provisioned.get(resource);
        if (provisionedResource != null && provisionedResource.attributes().containsKey(attribute)) {
            return provisionedResource.attributes().get(attribute);
        }
        String key = resource + "." + attribute;
        String override = overrides.get(key);
        if (override != null) {
            return override;
        }
        if (provisionedResource != null) {
            throw new TemplateException(where + ": the local " + provisionedResource.type() + " " + resource
                    + " has no attribute " + attribute + " (known: " + provisionedResource.attributes().keySet()
                    + "); pass an override \"" + key + "\"");
        }
        throw unresolvable(resource, "Fn::GetAtt " + key, "\"" + key + "\"", where);
    }

    private TemplateException unresolvable(String name, String what, String overrideKey, String where) {
        Template.Resource resource = template.resources().get(name);
        if (resource == null) {
            return new TemplateException(where + ": cannot resolve " + what + ": " + name
                    + " is neither a parameter, a pseudo parameter nor a resource of the template");
        }
        String why = creates(resource) ? "is not emulated by the local cloud (or not provisioned yet)"
                : "is not created (condition " + resource.condition() + " is false)";
        return new TemplateException(where + ": cannot resolve " + what + ": resource " + name + " ("
                + resource.type() + ") " + why + "; pass an override " + overrideKey);
    }

    private String sub(Object argument, String where) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            List<?> args = arguments("Fn::Sub", argument, 2, where);
            text = String.valueOf(args.get(0));
            variables = Template.asMap(list.get(1), where + " Fn::Sub variables");
        } else {
            text = text(argument, where);
        }
        Matcher matcher = SUB.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (variables.containsKey(name)) {
                replacement = text(eval(variables.get(name), where), where);
            } else if (name.indexOf('.') > 0) {
                int dot = name.indexOf('.');
                String context = where + " Fn::Sub '" + text + "'";
                replacement = attribute(name.substring(0, dot), name.substring(dot + 1), context);
            } else {
                replacement = text(ref(name, where + " Fn::Sub '" + text + "'"), where);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private synchronized boolean evalCondition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        Object expression = template.conditions().get(name);
        if (expression == null) {
            throw new TemplateException("The template has no condition " + name);
        }
        if (!evaluating.add(name)) {
            throw new TemplateException("The condition " + name + " refers to itself");
        }
        try {
            boolean value = bool(eval(expression, "condition " + name), "condition " + name);
            conditions.put(name, value);
            return value;
        } finally {
            evaluating.remove(name);
        }
    }

    private Object findInMap(List<?> args, String where) {
        String mapName = text(eval(args.get(0), where), where);
        String top = text(eval(args.get(1), where), where);
        String second = text(eval(args.get(2), where), where);
        Object topLevel = template.mappings().get(mapName);
        Object entries = topLevel instanceof Map<?, ?> m ? m.get(top) : null;
        Object value = entries instanceof Map<?, ?> m ? m.get(second) : null;
        if (value == null) {
            throw new TemplateException(where + ": Fn::FindInMap finds nothing at " + mapName + "." + top + "."
                    + second);
        }
        return value;
    }

    private List<String> cidr(List<?> args, String where) {
        String block = text(eval(args.get(0), where), where);
        int count = Integer.parseInt(text(eval(args.get(1), where), where));
        int hostBits = Integer.parseInt(text(eval(args.get(2), where), where));
        return Values.cidr(block, count, hostBits, where);
    }
}
