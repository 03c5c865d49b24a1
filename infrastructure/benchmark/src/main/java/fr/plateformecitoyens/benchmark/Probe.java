package fr.plateformecitoyens.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts one fresh JVM and measures it from spawn to exit: wall time, peak resident set size and classes
 * loaded.
 *
 * <p>Peak RSS and CPU time come from GNU time ({@code /usr/bin/time -f "%M %U %S"}: the kernel's
 * {@code ru_maxrss}, user and system time of the child) when it is installed; otherwise from polling
 * {@code /proc/<pid>/status} ({@code VmHWM}) and {@code /proc/<pid>/stat} every millisecond, which can miss
 * what happens after the last poll.
 */
final class Probe {

    /** The JVM flags of every measured process, the bare JVM's included. */
    static final List<String> FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xshare:auto");

    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /**
     * One measured process.
     *
     * @param phases main entered, handler built, invocation done, process reaped, in nanoseconds since the
     *               spawn; {@code null} when the process printed no phases (the bare JVM)
     */
    record Run(long wallNanos, long peakRssKb, long cpuMillis, ClassLog classes, int exitCode, String stdout,
            String stderr, long[] phases) {
    }

    private final Path java;
    private final Path work;
    private final boolean gnuTime;
    private int sequence;

    Probe(Path java, Path work) throws IOException, InterruptedException {
        this.java = java;
        this.work = Files.createDirectories(work);
        this.gnuTime = detectGnuTime(work);
    }

    /** How peak RSS is measured, for the report. */
    String rssMethod() {
        return gnuTime ? "GNU time (`/usr/bin/time -f \"%M %U %S\"`: ru_maxrss, user + system time)"
                : "polling /proc/<pid>/status (VmHWM) and /proc/<pid>/stat (utime + stime) every 1 ms";
    }

    Run run(List<String> extraFlags, String classPath, String mainClass, List<String> args, Map<String, String> env)
            throws IOException, InterruptedException {
        int id = ++sequence;
        Path classLog = work.resolve("classes-" + id + ".log");
        Path out = work.resolve("out-" + id + ".txt");
        Path err = work.resolve("err-" + id + ".txt");
        Path rss = work.resolve("rss-" + id + ".txt");
        List<String> command = new ArrayList<>();
        if (gnuTime) {
            command.addAll(List.of(GNU_TIME.toString(), "-f", "%M %U %S", "-o", rss.toString()));
        }
        command.add(java.toString());
        command.addAll(FLAGS);
        command.add("-Xlog:class+load:file=" + classLog);
        command.addAll(extraFlags);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("TZ", "UTC");
        builder.environment().putAll(env);

        long spawned = System.nanoTime();
        Process process = builder.start();
        AtomicLong polledKb = new AtomicLong();
        AtomicLong polledCpu = new AtomicLong();
        Thread poller = gnuTime ? null : poll(process, polledKb, polledCpu);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException("timed out after 120 s: " + String.join(" ", command));
        }
        long reaped = System.nanoTime();
        if (poller != null) {
            poller.join();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        long peakKb = polledKb.get();
        long cpuMillis = polledCpu.get();
        if (gnuTime) {
            String[] lines = Files.readString(rss).strip().split("\n");
            String[] fields = lines[lines.length - 1].strip().split("\\s+");
            peakKb = Long.parseLong(fields[0]);
            cpuMillis = Math.round((Double.parseDouble(fields[1]) + Double.parseDouble(fields[2])) * 1000);
        }
        Run run = new Run(reaped - spawned, peakKb, cpuMillis, ClassLog.read(classLog), process.exitValue(), stdout,
                stderr, phases(stderr, spawned, reaped));
        for (Path file : List.of(classLog, out, err, rss)) {
            Files.deleteIfExists(file);
        }
        return run;
    }

    /**
     * Keeps the highest VmHWM and the last CPU time seen until the process ends; the poller thread sleeps 1 ms
     * between reads. CPU time assumes the usual 100 clock ticks per second.
     */
    private static Thread poll(Process process, AtomicLong peakKb, AtomicLong cpuMillis) {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        Thread poller = new Thread(() -> {
            while (process.isAlive()) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmHWM:")) {
                            long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                            peakKb.accumulateAndGet(kb, Math::max);
                        }
                    }
                    String text = Files.readString(stat);
                    String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                    cpuMillis.set((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10);
                    Thread.sleep(1);
                } catch (IOException | RuntimeException e) {
                    return; // the process is gone (or going): its last reading stands
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "rss-poller");
        poller.setDaemon(true);
        poller.start();
        return poller;
    }

    private static long[] phases(String stderr, long spawned, long reaped) {
        for (String line : stderr.split("\n")) {
            if (line.startsWith(ColdStartDriver.PHASES_PREFIX)) {
                String[] stamps = line.substring(ColdStartDriver.PHASES_PREFIX.length()).trim().split(" ");
                return new long[] {Long.parseLong(stamps[0]) - spawned, Long.parseLong(stamps[1]) - spawned,
                    Long.parseLong(stamps[2]) - spawned, reaped - spawned};
            }
        }
        return null;
    }

    private static boolean detectGnuTime(Path work) throws IOException, InterruptedException {
        if (!Files.isExecutable(GNU_TIME)) {
            return false;
        }
        Path probe = work.resolve("time-probe.txt");
        Process process = new ProcessBuilder(GNU_TIME.toString(), "-f", "%M", "-o", probe.toString(), "true")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        boolean gnu = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && Files.exists(probe)
                && Files.readString(probe).strip().matches("\\d+");
        Files.deleteIfExists(probe);
        return gnu;
    }
}
