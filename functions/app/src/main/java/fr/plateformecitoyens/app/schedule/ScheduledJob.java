package fr.plateformecitoyens.app.schedule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The doorway of a scheduled function: reads the EventBridge event only for its id (the correlation id of
 * the logs), runs the job and returns its summary as JSON.
 */
final class ScheduledJob implements Function<InputStream, byte[]> {

    private final String name;
    private final Supplier<ObjectNode> job;

    ScheduledJob(String name, Supplier<ObjectNode> job) {
        this.name = name;
        this.job = job;
    }

    @Override
    public byte[] apply(InputStream input) {
        String id;
        try {
            id = Json.parse(input.readAllBytes()).path("id").asText("schedule");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Log.begin(name, id);
        try {
            ObjectNode summary = job.get();
            Log.info("scheduled job done", "summary", summary.toString());
            return Json.writeBytes(summary);
        } finally {
            Log.end();
        }
    }
}
