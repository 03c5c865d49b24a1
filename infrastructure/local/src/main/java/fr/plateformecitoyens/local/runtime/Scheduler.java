package fr.plateformecitoyens.local.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the template's Schedule events at their times, with EventBridge's scheduled-event payload, and on
 * demand ({@link #runNow}). Times follow the wall clock, not the platform clock that tests may move.
 */
public final class Scheduler implements AutoCloseable {

    /** One scheduled event of a function. */
    public record Job(String functionLogicalId, String eventName, ScheduleExpression expression, boolean enabled,
            FunctionHost function) {
    }

    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scheduler");
        t.setDaemon(true);
        return t;
    });

    public void add(Job job) {
        jobs.put(job.functionLogicalId() + "." + job.eventName(), job);
        if (job.enabled()) {
            arm(job);
        }
    }

    /**
     * Runs a job now. The id is the function's logical id (its first schedule) or
     * {@code FunctionLogicalId.EventName}.
     */
    public Optional<byte[]> runNow(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            job = jobs.values().stream().filter(j -> j.functionLogicalId().equals(id)).findFirst().orElse(null);
        }
        return Optional.ofNullable(job).map(this::fire);
    }

    private void arm(Job job) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        long delay = job.expression().nextAfter(now).toInstant().toEpochMilli() - now.toInstant().toEpochMilli();
        timer.schedule(() -> {
            try {
                fire(job);
            } catch (RuntimeException e) {
                System.err.println("scheduled " + job.functionLogicalId() + " failed: " + e);
            }
            arm(job);
        }, Math.max(0, delay), TimeUnit.MILLISECONDS);
    }

    private byte[] fire(Job job) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", "000000000000");
        event.put("time", Instant.now().toString());
        event.put("region", "eu-west-3");
        event.putArray("resources").add("arn:aws:events:eu-west-3:000000000000:rule/" + job.functionLogicalId()
                + job.eventName());
        event.putObject("detail");
        return job.function().invoke(Json.writeBytes(event));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
