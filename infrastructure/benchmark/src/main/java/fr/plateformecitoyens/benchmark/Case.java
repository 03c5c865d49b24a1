package fr.plateformecitoyens.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One row of the benchmark: a function answering one event.
 *
 * @param key        what {@code COLD_START_CASES} matches, such as {@code AgentApiFunction.inbox+agent}
 * @param logicalId  the function's logical id in template.yaml; {@code null} for the bare JVM
 * @param definition its {@code SPRING_CLOUD_FUNCTION_DEFINITION}
 * @param sample     the event of {@code events/}, as read
 * @param variant    how each run's event is derived from the sample
 * @param config     the configuration of the function's JVM
 */
record Case(String key, String logicalId, String definition, ObjectNode sample, Variant variant, Config config) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How a run's event is derived from the sample. */
    enum Variant {
        /** The bare JVM: no function, no event. */
        BARE(""),
        /** The sample as it is (an idempotency key, if any, made unique per run). */
        SAMPLE(""),
        /** The sample with the sub of the tenant's seeded agent, whose memberships exist. */
        SEEDED_AGENT("+agent"),
        /** The sample about a request submitted during the warm-up round, whose acknowledgement is re-sent. */
        SUBMITTED_REQUEST("+request");

        final String suffix;

        Variant(String suffix) {
            this.suffix = suffix;
        }
    }

    /** What kind of event source the sample comes from. */
    enum Kind { BARE, API, QUEUE, SCHEDULE, OTHER }

    static Case bare() {
        return new Case("bare", null, null, null, Variant.BARE, Config.DEFAULT);
    }

    static Case sample(Path file, String definition) throws IOException {
        return new Case(name(file), logicalIdOf(file), definition, (ObjectNode) MAPPER.readTree(file.toFile()),
                Variant.SAMPLE, Config.DEFAULT);
    }

    /** The function an {@code events/} file is for: {@code <LogicalId>.<case>.json}. */
    static String logicalIdOf(Path file) {
        String name = name(file);
        return name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    }

    private static String name(Path file) {
        return file.getFileName().toString().replaceFirst("\\.json$", "");
    }

    Case as(Variant other) {
        return new Case(key + other.suffix, logicalId, definition, sample, other, config);
    }

    Case with(Config other) {
        return new Case(key + "@" + other.name(), logicalId, definition, sample, variant, other);
    }

    Kind kind() {
        if (variant == Variant.BARE) {
            return Kind.BARE;
        }
        if (sample.has("routeKey") && sample.has("requestContext")) {
            return Kind.API;
        }
        if (sample.path("Records").path(0).path("eventSource").asText().equals("aws:sqs")) {
            return Kind.QUEUE;
        }
        if (sample.path("source").asText().equals("aws.events")) {
            return Kind.SCHEDULE;
        }
        return Kind.OTHER;
    }

    /** The JWT claims of an API sample, if it carries any. */
    Optional<JsonNode> claims() {
        JsonNode claims = sample.path("requestContext").path("authorizer").path("jwt").path("claims");
        return claims.isObject() ? Optional.of(claims) : Optional.empty();
    }

    /** The row's name in the report, such as {@code AgentApiFunction, inbox (seeded agent)}. */
    String label() {
        if (variant == Variant.BARE) {
            return "bare JVM (prints `{}`)";
        }
        String event = key.substring(logicalId.length() + 1).replaceFirst("@.*$", "").replace(variant.suffix, "");
        String label = logicalId + ", `" + event + "`" + switch (variant) {
            case SEEDED_AGENT -> " with the seeded agent's sub";
            case SUBMITTED_REQUEST -> " about a request just submitted";
            default -> "";
        };
        return config.name().isEmpty() ? label : label + " — **" + config.name() + "**";
    }
}
