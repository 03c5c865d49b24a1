package fr.plateformecitoyens.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Runs in each measured JVM, beside the shaded Lambda jar: does what the Lambda Java runtime does on a cold
 * start (builds the handler class, then calls it once) and exits.
 *
 * <p>The function comes from the environment, as on Lambda ({@code MAIN_CLASS},
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION}); the only argument is the event file. The function's answer is
 * printed on a line starting with {@value #OUTPUT_PREFIX}. On standard error, a line starting with
 * {@value #PHASES_PREFIX} gives three {@link System#nanoTime()} readings (main entered, handler built,
 * invocation done): on Linux it is the system-wide monotonic clock, so the parent can place them on its own
 * time line. Two marker classes are loaded at the same points to split the class-loading log.
 */
public final class ColdStartDriver {

    static final String OUTPUT_PREFIX = "output: ";
    static final String PHASES_PREFIX = "cold-start-phases ";

    private ColdStartDriver() {
    }

    public static void main(String[] args) throws Exception {
        long entered = System.nanoTime();
        FunctionInvoker invoker = new FunctionInvoker();
        long built = System.nanoTime();
        HandlerBuilt.mark();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream event = Files.newInputStream(Path.of(args[0]))) {
            String function = System.getenv("SPRING_CLOUD_FUNCTION_DEFINITION");
            invoker.handleRequest(event, output, new BenchmarkContext(function));
        }
        long invoked = System.nanoTime();
        Invoked.mark();
        System.out.println(OUTPUT_PREFIX + output.toString(StandardCharsets.UTF_8).replace('\n', ' '));
        System.out.flush();
        System.err.println(PHASES_PREFIX + entered + " " + built + " " + invoked);
        System.err.flush();
        System.exit(0);
    }

    /** Loaded (hence logged by {@code -Xlog:class+load}) once the handler is built. */
    static final class HandlerBuilt {
        private HandlerBuilt() {
        }

        static void mark() {
            // Loading the class is the point.
        }
    }

    /** Loaded once the first invocation has returned. */
    static final class Invoked {
        private Invoked() {
        }

        static void mark() {
            // Loading the class is the point.
        }
    }
}
