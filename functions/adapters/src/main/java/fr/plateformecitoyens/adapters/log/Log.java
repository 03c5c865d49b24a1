package fr.plateformecitoyens.adapters.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Structured logs: one JSON object per line on standard output (CloudWatch on Lambda), with the level,
 * the time, the function, the correlation id of the invocation and whether it is a cold start.
 *
 * <p>Never pass personal data or tokens: log references, ids and counts. Text from users is stripped of
 * line breaks before it is written.
 */
public final class Log {

    private static final ThreadLocal<String> CORRELATION = new ThreadLocal<>();
    private static final ThreadLocal<String> FUNCTION = new ThreadLocal<>();
    private static final AtomicBoolean COLD = new AtomicBoolean(true);
    private static final PrintStream OUT = System.out;

    private Log() {
    }

    /** Marks the start of an invocation on this thread. */
    public static void begin(String function, String correlationId) {
        FUNCTION.set(function);
        CORRELATION.set(correlationId);
    }

    public static void end() {
        CORRELATION.remove();
        FUNCTION.remove();
        COLD.set(false);
    }

    public static String correlationId() {
        String id = CORRELATION.get();
        return id == null ? "none" : id;
    }

    public static void info(String message, Object... keyValues) {
        write("INFO", message, null, keyValues);
    }

    public static void warn(String message, Object... keyValues) {
        write("WARN", message, null, keyValues);
    }

    public static void error(String message, Throwable error, Object... keyValues) {
        write("ERROR", message, error, keyValues);
    }

    private static void write(String level, String message, Throwable error, Object... keyValues) {
        ObjectNode line = Json.object();
        line.put("level", level);
        line.put("time", Instant.now().toString());
        line.put("function", FUNCTION.get());
        line.put("correlationId", correlationId());
        line.put("coldStart", COLD.get());
        line.put("message", clean(message));
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            line.put(String.valueOf(keyValues[i]), clean(String.valueOf(keyValues[i + 1])));
        }
        if (error != null) {
            line.put("error", error.getClass().getName());
            line.put("errorMessage", clean(String.valueOf(error.getMessage())));
        }
        OUT.println(Json.write(line));
    }

    private static String clean(String text) {
        return text == null ? null : text.replace('\r', ' ').replace('\n', ' ');
    }
}
