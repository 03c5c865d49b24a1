package fr.plateformecitoyens.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Tells whether a measured run answered as the function should, so that no failure passes for a fast start. */
final class Checks {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Checks() {
    }

    /**
     * The verdict on one run.
     *
     * @param summary   a short description counted in the report, such as {@code 201} or {@code decided: 0}
     * @param reference the reference of the request the run submitted, if it submitted one
     */
    record Outcome(boolean ok, String summary, String reference) {
        static Outcome ok(String summary) {
            return new Outcome(true, summary, null);
        }

        static Outcome failed(String summary) {
            return new Outcome(false, summary, null);
        }
    }

    static Outcome check(Case c, Probe.Run run, Cloud cloud, String submittedReference) {
        if (run.exitCode() != 0) {
            return Outcome.failed("exit code " + run.exitCode());
        }
        String output = null;
        for (String line : run.stdout().split("\n")) {
            if (c.kind() == Case.Kind.BARE ? line.equals("{}") : line.startsWith(ColdStartDriver.OUTPUT_PREFIX)) {
                output = c.kind() == Case.Kind.BARE ? line : line.substring(ColdStartDriver.OUTPUT_PREFIX.length());
            }
        }
        if (output == null) {
            return Outcome.failed("no output");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(output);
        } catch (IOException e) {
            return Outcome.failed("output is not JSON");
        }
        return switch (c.kind()) {
            case BARE -> Outcome.ok("`{}`");
            case API -> api(c, json, cloud);
            case QUEUE -> queue(c, json, run, cloud, submittedReference);
            case SCHEDULE -> schedule(json);
            case OTHER -> Outcome.ok("JSON");
        };
    }

    /** 2xx; or 403 for a sample whose caller is not a seeded account (its memberships cannot exist). */
    private static Outcome api(Case c, JsonNode response, Cloud cloud) {
        int status = response.path("statusCode").asInt();
        if (status >= 200 && status < 300) {
            String reference = null;
            if (status == 201) {
                try {
                    reference = MAPPER.readTree(response.path("body").asText()).path("reference").asText(null);
                } catch (IOException e) {
                    return Outcome.failed(status + " with a body that is not JSON");
                }
            }
            return new Outcome(true, Integer.toString(status), reference);
        }
        boolean unknownCaller = c.claims().map(claims -> !cloud.isSeededAccount(claims.path("sub").asText()))
                .orElse(false);
        if (status == 403 && unknownCaller && c.variant() == Case.Variant.SAMPLE) {
            return Outcome.ok("403, expected†");
        }
        return Outcome.failed(status + " " + response.path("body").asText());
    }

    /** A scheduled job answers what it did as counts, such as {@code {"decided": 0}}. */
    private static Outcome schedule(JsonNode response) {
        boolean counts = response.isObject() && !response.isEmpty();
        for (JsonNode value : response) {
            counts &= value.isNumber();
        }
        return counts ? Outcome.ok("`" + response + "`") : Outcome.failed("not a set of counts: " + response);
    }

    private static Outcome queue(Case c, JsonNode response, Probe.Run run, Cloud cloud, String reference) {
        if (!response.path("batchItemFailures").isArray() || !response.path("batchItemFailures").isEmpty()) {
            return Outcome.failed("batch item failures: " + response.path("batchItemFailures"));
        }
        if (c.variant() == Case.Variant.SUBMITTED_REQUEST) {
            return reference != null && cloud.acknowledgementSent(reference)
                    ? Outcome.ok("no failure, e-mail sent") : Outcome.failed("no failure, but no e-mail sent");
        }
        return Outcome.ok(run.stdout().contains("unknown request") ? "no failure (unknown request, skipped)"
                : "no failure");
    }
}
