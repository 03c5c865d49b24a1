package fr.plateformecitoyens.local.emulators;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One emulator running as a child process, its stdout and stderr merged into {@code logs/<name>.log}.
 *
 * <p>Stopping kills the whole process tree: the process itself and every descendant it may have spawned, taken as a
 * snapshot before the parent dies (afterwards the orphans would be re-parented and no longer found).
 */
final class ChildProcess {

    /** ANSI colour sequences, which cognito-local's logger writes even when its output is not a terminal. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Spec spec;
    private final Process process;
    private final Path log;
    private final Thread reader;
    private List<ProcessHandle> tree = List.of();

    private ChildProcess(Spec spec, Process process, Path log, Thread reader) {
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.reader = reader;
    }

    /**
     * What to run and how to stop it.
     *
     * @param environment added to this JVM's environment
     * @param output      when not null, the output is read by a daemon thread that writes each line to the log
     *                    (without colour codes) and then hands it to this consumer; when null, the output goes
     *                    straight to the log
     * @param persistent  whether the process keeps state on disk: it then gets SIGTERM and a grace period to exit;
     *                    otherwise its state lives in memory only and it is killed (SIGKILL) at once, which also
     *                    spares waiting for a server's graceful shutdown while clients keep connections open
     */
    record Spec(String name, List<String> command, Path workDir, Map<String, String> environment,
            Consumer<String> output, boolean persistent) {

        static Spec inMemory(String name, Path workDir, String... command) {
            return new Spec(name, List.of(command), workDir, Map.of(), null, false);
        }
    }

    /** Starts the process, its stdout and stderr merged into {@code log}. */
    static ChildProcess start(Spec spec, Path log) {
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.workDir().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(spec.environment());
        if (spec.output() == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + spec.name() + " (" + String.join(" ", spec.command())
                    + "): " + e.getMessage() + missingToolHint(spec.command().get(0)), e);
        }
        Thread reader = null;
        if (spec.output() != null) {
            reader = new Thread(() -> pump(process, log, spec.output()), spec.name() + "-output");
            reader.setDaemon(true);
            reader.start();
        }
        return new ChildProcess(spec, process, log, reader);
    }

    String name() {
        return spec.name();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once the process has exited. */
    Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    Path log() {
        return log;
    }

    /** The last lines the process wrote, for error messages. */
    String outputTail(int maxLines) {
        try {
            if (!Files.exists(log)) {
                return "(no output)";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = all.subList(Math.max(0, all.size() - maxLines), all.size());
            return tail.isEmpty() ? "(no output)" : String.join(System.lineSeparator(), tail);
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    /**
     * Stops the process and all its descendants without waiting: SIGTERM if it is {@linkplain Spec#persistent()
     * persistent}, SIGKILL otherwise.
     */
    synchronized void terminate() {
        if (tree.isEmpty()) {
            List<ProcessHandle> handles = new ArrayList<>();
            handles.add(process.toHandle());
            process.descendants().forEach(handles::add);
            tree = List.copyOf(handles);
        }
        tree.forEach(spec.persistent() ? ProcessHandle::destroy : ProcessHandle::destroyForcibly);
    }

    /**
     * Stops the tree (see {@link #terminate()}) and waits for it to exit, killing (SIGKILL) whatever is still alive
     * after a grace period. Also waits for the output reader to drain what the process wrote last.
     */
    void awaitExit() {
        terminate();
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : tree) {
            if (!exited(handle, Math.max(0, deadline - System.nanoTime()))) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : tree) {
            // A process that survives even SIGKILL shows up in the caller's check that its port is released.
            exited(handle, GRACE.toNanos());
        }
        if (reader != null) {
            try {
                reader.join(GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean exited(ProcessHandle handle, long timeoutNanos) {
        try {
            handle.onExit().get(timeoutNanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static void pump(Process process, Path log, Consumer<String> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String plain = ANSI.matcher(line).replaceAll("");
                out.write(plain);
                out.newLine();
                out.flush();
                try {
                    lines.accept(plain);
                } catch (RuntimeException e) {
                    // A faulty listener must not stop the draining, or the child would block on a full pipe.
                    out.write("[local cloud] could not handle the line above: " + e);
                    out.newLine();
                }
            }
        } catch (IOException e) {
            // The stream closes when the process dies; nothing is lost that matters.
        }
    }

    private static String missingToolHint(String executable) {
        if (executable.equals("node") || executable.endsWith("/node")) {
            return ". The local cloud needs Node.js (the node and npm commands on the PATH, version 18 or later) "
                    + "to run dynalite, cognito-local and aws-ses-v2-local.";
        }
        return "";
    }
}
