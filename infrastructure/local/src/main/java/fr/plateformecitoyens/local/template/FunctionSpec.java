package fr.plateformecitoyens.local.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the local cloud needs to run one {@code AWS::Serverless::Function}: the template's {@code Globals.Function}
 * merged with the function's own properties (the function wins), with every environment value resolved.
 *
 * @param logicalId      the function's logical id
 * @param handler        its handler, such as {@code …FunctionInvoker::handleRequest}
 * @param runtime        its runtime, such as {@code java21}
 * @param codeUri        its {@code CodeUri}, or {@code null}
 * @param memorySize     its memory in MB (128 by default)
 * @param timeoutSeconds its timeout in seconds (3 by default)
 * @param environment    its environment variables, resolved to strings, in template order
 * @param events         its event sources, in template order
 */
public record FunctionSpec(String logicalId, String handler, String runtime, String codeUri, int memorySize,
        int timeoutSeconds, Map<String, String> environment, List<FunctionEvent> events) {

    /** The environment variable that names the Spring Cloud Function bean to run. */
    public static final String DEFINITION_VARIABLE = "SPRING_CLOUD_FUNCTION_DEFINITION";

    /** Copies the collections so that the record stays immutable (the environment keeps its order). */
    public FunctionSpec {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        events = List.copyOf(events);
    }

    /** The function's {@value #DEFINITION_VARIABLE}, or {@code null} when it has none. */
    public String definition() {
        return environment.get(DEFINITION_VARIABLE);
    }

    /** Its HTTP routes. */
    public List<HttpRoute> routes() {
        return events.stream().filter(HttpRoute.class::isInstance).map(HttpRoute.class::cast).toList();
    }

    /** Its queue sources. */
    public List<QueueSource> queueSources() {
        return events.stream().filter(QueueSource.class::isInstance).map(QueueSource.class::cast).toList();
    }

    /** Its schedules. */
    public List<Schedule> schedules() {
        return events.stream().filter(Schedule.class::isInstance).map(Schedule.class::cast).toList();
    }
}
