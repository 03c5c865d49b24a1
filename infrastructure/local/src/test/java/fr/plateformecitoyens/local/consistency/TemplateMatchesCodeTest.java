package fr.plateformecitoyens.local.consistency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.adapters.dynamo.Keys;
import fr.plateformecitoyens.app.PlatformFunctions;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.local.template.Template;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * template.yaml and the code must describe the same stack: every function the template deploys exists in
 * the code with the routes and event sources the template gives it, and every function of the code is
 * deployed. A mismatch fails here rather than in {@code sam deploy} or in production.
 */
class TemplateMatchesCodeTest {

    private static final Template TEMPLATE = Template.load(LocalCloudExtension.projectRoot().resolve("template.yaml"));
    private static final Map<String, Object> GLOBALS = TEMPLATE.globals("Function");

    @Test
    void everyFunctionOfTheCode_isDeployedExactlyOnce_andEveryDeployedBeanExists() {
        Map<String, Integer> deployed = new HashMap<>();
        for (Template.Resource function : functions()) {
            String bean = definition(function);
            assertTrue(PlatformFunctions.catalogue().containsKey(bean),
                    function.logicalId() + " deploys bean " + bean + " that the code lacks");
            deployed.merge(bean, 1, Integer::sum);
        }
        assertEquals(PlatformFunctions.catalogue().keySet(), deployed.keySet(), "functions not deployed by the template");
        deployed.forEach((bean, count) -> assertEquals(1, count, bean + " is deployed more than once"));
    }

    @Test
    void handlerAndMainClass_nameClassesOnTheClassPath() throws Exception {
        for (Template.Resource function : functions()) {
            String handler = (String) property(function, "Handler");
            String[] parts = handler.split("::");
            Class<?> type = Class.forName(parts[0]);
            assertTrue(Stream.of(type.getMethods()).anyMatch(m -> m.getName().equals(parts[1])), handler);
            Object mainClass = environment(function).get("MAIN_CLASS");
            assertEquals(PlatformFunctions.class.getName(), mainClass);
        }
    }

    @Test
    void httpRoutesOfEachFunction_areExactlyTheRoutesItsCodeServes() {
        Services services = new Services();
        for (Template.Resource function : functions()) {
            Set<String> declared = new TreeSet<>();
            events(function).forEach((name, event) -> {
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<?, ?> p = (Map<?, ?>) event.get("Properties");
                    declared.add(p.get("Method") + " " + p.get("Path"));
                }
            });
            Object handler = PlatformFunctions.catalogue().get(definition(function)).apply(services);
            if (handler instanceof ApiFunction api) {
                assertEquals(new TreeSet<>(api.routeKeys()), declared, function.logicalId() + " routes");
            } else {
                assertTrue(declared.isEmpty(), function.logicalId() + " has routes but is no HTTP function");
            }
        }
    }

    @Test
    void queueAndScheduleSources_nameResourcesOfTheTemplate_andReachTheFunctionsMadeForThem() {
        for (Template.Resource function : functions()) {
            events(function).forEach((name, event) -> {
                Map<?, ?> p = (Map<?, ?>) event.get("Properties");
                if ("SQS".equals(event.get("Type"))) {
                    String queue = getAttTarget(p.get("Queue"));
                    assertEquals("AWS::SQS::Queue", TEMPLATE.resource(queue).type());
                    assertNotNull(TEMPLATE.resource(queue).properties().get("RedrivePolicy"), queue + " has no DLQ");
                    assertTrue(Set.of("notifications", "photoProcessing").contains(definition(function)),
                            function.logicalId() + " takes a queue but is no queue function");
                    assertTrue(String.valueOf(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures"));
                } else if ("Schedule".equals(event.get("Type"))) {
                    assertTrue(Set.of("decisionClock", "bookingReminders", "accessLogRetention")
                            .contains(definition(function)),
                            function.logicalId() + " is scheduled but is no scheduled job");
                }
            });
        }
    }

    @Test
    void tableAndQueueSettings_referToResourcesWhoseKeysTheCodeUses() {
        Map<?, ?> table = (Map<?, ?>) environment(null).get("TABLE_NAME");
        Template.Resource resource = TEMPLATE.resource((String) table.get("Ref"));
        assertEquals("AWS::DynamoDB::Table", resource.type());
        String keys = String.valueOf(resource.properties().get("KeySchema"));
        assertTrue(keys.contains(Keys.PK) && keys.contains(Keys.SK), keys);
        Set<String> indexes = new HashSet<>();
        for (Object index : (List<?>) resource.properties().get("GlobalSecondaryIndexes")) {
            indexes.add(String.valueOf(((Map<?, ?>) index).get("IndexName")));
        }
        assertEquals(Set.of(Keys.GSI1, Keys.GSI2, Keys.GSI3, Keys.GSI4, Keys.GSI5, Keys.GSI6, Keys.GSI7, Keys.GSI8),
                indexes);
        Map<?, ?> queue = (Map<?, ?>) environment(null).get("EVENTS_QUEUE_URL");
        assertEquals("AWS::SQS::Queue", TEMPLATE.resource((String) queue.get("Ref")).type());
    }

    @Test
    void everyFunction_hasASampleEvent() throws IOException {
        Set<String> samples = new HashSet<>();
        try (Stream<java.nio.file.Path> files = Files.list(LocalCloudExtension.projectRoot().resolve("events"))) {
            files.forEach(f -> samples.add(f.getFileName().toString().split("\\.")[0]));
        }
        for (Template.Resource function : functions()) {
            assertTrue(samples.contains(function.logicalId()), "no events/" + function.logicalId() + ".<case>.json");
        }
        assertFalse(samples.isEmpty());
    }

    private static List<Template.Resource> functions() {
        return TEMPLATE.resourcesOfType("AWS::Serverless::Function");
    }

    private static String definition(Template.Resource function) {
        return (String) environment(function).get("SPRING_CLOUD_FUNCTION_DEFINITION");
    }

    private static Object property(Template.Resource function, String name) {
        Object own = function.properties().get(name);
        return own != null ? own : GLOBALS.get(name);
    }

    /** Global variables overlaid with the function's own (the function's when {@code function} is null: none). */
    private static Map<String, Object> environment(Template.Resource function) {
        Map<String, Object> merged = new HashMap<>(variables(GLOBALS.get("Environment")));
        if (function != null) {
            merged.putAll(variables(function.properties().get("Environment")));
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Object environment) {
        if (environment == null) {
            return Map.of();
        }
        Object variables = ((Map<String, Object>) environment).get("Variables");
        return variables == null ? Map.of() : (Map<String, Object>) variables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> events(Template.Resource function) {
        Object events = function.properties().get("Events");
        return events == null ? Map.of() : (Map<String, Map<String, Object>>) events;
    }

    private static String getAttTarget(Object value) {
        Map<?, ?> getAtt = assertInstanceOf(Map.class, value);
        Object target = getAtt.get("Fn::GetAtt");
        return target instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(target).split("\\.")[0];
    }
}
