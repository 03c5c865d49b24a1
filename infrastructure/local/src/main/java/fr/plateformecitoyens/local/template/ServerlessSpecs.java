package fr.plateformecitoyens.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the SAM resources that the local cloud runs itself (functions and HTTP APIs) into resolved specs.
 * Call it once the emulated resources are registered with the resolver, since environment variables and
 * event sources refer to them.
 */
public final class ServerlessSpecs {

    /** The SAM type of a function. */
    public static final String FUNCTION = "AWS::Serverless::Function";
    /** The SAM type of an HTTP API. */
    public static final String HTTP_API = "AWS::Serverless::HttpApi";

    private static final int DEFAULT_MEMORY = 128;
    private static final int DEFAULT_TIMEOUT = 3;
    private static final int DEFAULT_VISIBILITY_TIMEOUT = 30;

    private ServerlessSpecs() {
    }

    /** Every function that the stack creates, in template order. */
    public static List<FunctionSpec> functions(Resolver resolver) {
        Template template = resolver.template();
        List<FunctionSpec> result = new ArrayList<>();
        for (Template.Resource resource : template.resourcesOfType(FUNCTION)) {
            if (resolver.creates(resource)) {
                result.add(function(resolver, resource));
            }
        }
        return result;
    }

    /** Every HTTP API that the stack creates, in template order. */
    public static List<HttpApiSpec> httpApis(Resolver resolver) {
        List<HttpApiSpec> result = new ArrayList<>();
        for (Template.Resource resource : resolver.template().resourcesOfType(HTTP_API)) {
            if (resolver.creates(resource)) {
                result.add(httpApi(resolver, resource));
            }
        }
        return result;
    }

    private static FunctionSpec function(Resolver resolver, Template.Resource resource) {
        String id = resource.logicalId();
        Map<String, Object> properties = new LinkedHashMap<>(resolver.template().globals("Function"));
        properties.putAll(resource.properties());
        Map<String, String> environment = new LinkedHashMap<>();
        addVariables(resolver, resolver.template().globals("Function"), "Globals.Function", environment);
        addVariables(resolver, resource.properties(), id, environment);
        List<FunctionEvent> events = new ArrayList<>();
        Object declared = resource.properties().get("Events");
        if (declared != null) {
            Template.asMap(declared, id + ".Events").forEach((name, event) ->
                    events.add(event(resolver, id + ".Events." + name, name, Template.asMap(event, id + "." + name))));
        }
        return new FunctionSpec(id, optionalString(resolver, properties.get("Handler"), id + ".Handler"),
                optionalString(resolver, properties.get("Runtime"), id + ".Runtime"),
                optionalString(resolver, properties.get("CodeUri"), id + ".CodeUri"),
                integer(resolver, properties.get("MemorySize"), DEFAULT_MEMORY, id + ".MemorySize"),
                integer(resolver, properties.get("Timeout"), DEFAULT_TIMEOUT, id + ".Timeout"), environment, events);
    }

    private static void addVariables(Resolver resolver, Map<String, Object> properties, String where,
            Map<String, String> environment) {
        if (!(properties.get("Environment") instanceof Map<?, ?> env) || env.get("Variables") == null) {
            return;
        }
        Template.asMap(env.get("Variables"), where + ".Environment.Variables").forEach((name, value) -> {
            Object resolved = resolver.resolve(value, where + ".Environment.Variables." + name);
            if (resolved == null) {
                environment.remove(name);
            } else {
                environment.put(name, resolver.resolveString(resolved, where + ".Environment.Variables." + name));
            }
        });
    }

    private static FunctionEvent event(Resolver resolver, String where, String name, Map<String, Object> event) {
        String type = String.valueOf(event.get("Type"));
        Map<String, Object> properties = event.get("Properties") == null ? Map.of()
                : Template.asMap(event.get("Properties"), where + ".Properties");
        switch (type) {
            case "HttpApi":
                return route(resolver, where, name, properties);
            case "SQS":
                return queue(resolver, where, name, properties);
            case "Schedule":
            case "ScheduleV2": {
                String key = type.equals("Schedule") ? "Schedule" : "ScheduleExpression";
                Object enabled = resolver.resolve(properties.getOrDefault("Enabled", true), where + ".Enabled");
                Object state = resolver.resolve(properties.get("State"), where + ".State");
                boolean on = state != null ? "ENABLED".equals(state) : Boolean.parseBoolean(String.valueOf(enabled));
                return new Schedule(name, resolver.resolveString(properties.get(key), where + "." + key), on);
            }
            default:
                return new OtherEvent(name, type, properties);
        }
    }

    private static HttpRoute route(Resolver resolver, String where, String name, Map<String, Object> properties) {
        Map<String, Object> api = resolver.template().globals("HttpApi");
        if (properties.get("ApiId") instanceof Map<?, ?> apiId && apiId.get("Ref") instanceof String apiName) {
            api = new LinkedHashMap<>(api);
            api.putAll(resolver.template().resource(apiName).properties());
        }
        Object defaultAuthorizer = api.get("Auth") instanceof Map<?, ?> auth ? auth.get("DefaultAuthorizer") : null;
        Object eventAuthorizer = properties.get("Auth") instanceof Map<?, ?> auth ? auth.get("Authorizer") : null;
        boolean authorized = eventAuthorizer != null ? !"NONE".equals(resolver.resolve(eventAuthorizer, where))
                : defaultAuthorizer != null && resolver.resolve(defaultAuthorizer, where) != null;
        String method = properties.get("Method") == null ? "ANY"
                : resolver.resolveString(properties.get("Method"), where + ".Method").toUpperCase(Locale.ROOT);
        String path = properties.get("Path") == null ? "$default"
                : resolver.resolveString(properties.get("Path"), where + ".Path");
        return new HttpRoute(name, method, path, authorized);
    }

    private static QueueSource queue(Resolver resolver, String where, String name, Map<String, Object> properties) {
        Object queue = properties.get("Queue");
        String queueId = null;
        if (queue instanceof Map<?, ?> getAtt && getAtt.get("Fn::GetAtt") instanceof List<?> args && !args.isEmpty()) {
            queueId = String.valueOf(args.get(0));
        } else {
            String arn = resolver.resolveString(queue, where + ".Queue");
            for (ProvisionedResource resource : resolver.provisioned().values()) {
                if (arn.equals(resource.attributes().get("Arn"))) {
                    queueId = resource.logicalId();
                }
            }
            if (queueId == null) {
                throw new TemplateException(where + ": the queue " + arn + " is not a queue of the local stack");
            }
        }
        Template.Resource queueResource = resolver.template().resource(queueId);
        String url = resolver.resolveString(Map.of("Ref", queueId), where + ".Queue");
        Object types = resolver.resolve(properties.get("FunctionResponseTypes"), where + ".FunctionResponseTypes");
        boolean report = types instanceof List<?> list && list.contains("ReportBatchItemFailures");
        return new QueueSource(name, queueId, url, integer(resolver, properties.get("BatchSize"), 10, where),
                integer(resolver, properties.get("MaximumBatchingWindowInSeconds"), 0, where), report,
                integer(resolver, queueResource.properties().get("VisibilityTimeout"), DEFAULT_VISIBILITY_TIMEOUT,
                        queueId + ".VisibilityTimeout"));
    }

    private static HttpApiSpec httpApi(Resolver resolver, Template.Resource resource) {
        String id = resource.logicalId();
        Map<String, Object> properties = new LinkedHashMap<>(resolver.template().globals("HttpApi"));
        properties.putAll(resource.properties());
        Map<String, Object> auth = properties.get("Auth") == null ? Map.of()
                : Template.asMap(resolver.resolve(properties.get("Auth"), id + ".Auth"), id + ".Auth");
        Map<String, HttpApiSpec.JwtAuthorizer> authorizers = new LinkedHashMap<>();
        if (auth.get("Authorizers") instanceof Map<?, ?> declared) {
            declared.forEach((name, value) -> {
                Map<String, Object> authorizer = Template.asMap(value, id + ".Auth.Authorizers." + name);
                if (authorizer.get("JwtConfiguration") instanceof Map<?, ?> jwt) {
                    List<String> audience = new ArrayList<>();
                    if (jwt.get("audience") instanceof List<?> list) {
                        list.forEach(a -> audience.add(String.valueOf(a)));
                    }
                    authorizers.put(String.valueOf(name), new HttpApiSpec.JwtAuthorizer(String.valueOf(name),
                            (String) authorizer.get("IdentitySource"), (String) jwt.get("issuer"), audience));
                }
            });
        }
        Object corsValue = resolver.resolve(properties.get("CorsConfiguration"), id + ".CorsConfiguration");
        HttpApiSpec.Cors cors = null;
        if (Boolean.TRUE.equals(corsValue)) {
            cors = new HttpApiSpec.Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
        } else if (corsValue instanceof Map<?, ?> map) {
            Object maxAge = map.get("MaxAge");
            cors = new HttpApiSpec.Cors(strings(map.get("AllowOrigins")), strings(map.get("AllowMethods")),
                    strings(map.get("AllowHeaders")), strings(map.get("ExposeHeaders")),
                    maxAge == null ? null : Integer.valueOf(String.valueOf(maxAge)),
                    Boolean.parseBoolean(String.valueOf(map.get("AllowCredentials"))));
        }
        Object defaultAuthorizer = auth.get("DefaultAuthorizer");
        return new HttpApiSpec(id, optionalString(resolver, properties.get("StageName"), id + ".StageName"),
                defaultAuthorizer == null ? null : String.valueOf(defaultAuthorizer), authorizers, cors);
    }

    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> result.add(String.valueOf(v)));
        } else if (value != null) {
            result.add(String.valueOf(value));
        }
        return result;
    }

    private static String optionalString(Resolver resolver, Object value, String where) {
        Object resolved = resolver.resolve(value, where);
        return resolved == null ? null : resolver.resolveString(resolved, where);
    }

    private static int integer(Resolver resolver, Object value, int defaultValue, String where) {
        String text = optionalString(resolver, value, where);
        try {
            return text == null ? defaultValue : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TemplateException(where + ": expected a whole number, got " + text, e);
        }
    }
}
