package fr.plateformecitoyens.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The Markdown report of a cold-start benchmark: medians per row, the phases, the classes by origin. */
final class Report {

    private Report() {
    }

    /** How the benchmark ran, for the report's header. */
    record Setup(Settings settings, String arguments, String javaVersion, String rssMethod, String cloud,
            String load, List<String> repaired, String code) {
    }

    /** The measured runs of one case. */
    static final class Row {
        private final Case c;
        private final List<Probe.Run> runs = new ArrayList<>();
        private final Map<String, Integer> outcomes = new LinkedHashMap<>();
        private int failures;

        Row(Case c) {
            this.c = c;
        }

        void add(Probe.Run run, Checks.Outcome outcome) {
            runs.add(run);
            outcomes.merge(outcome.summary(), 1, Integer::sum);
            if (!outcome.ok()) {
                failures++;
            }
        }

        int failures() {
            return failures;
        }

        double median(ToDoubleFunction<Probe.Run> value) {
            double[] values = runs.stream().mapToDouble(value).sorted().toArray();
            if (values.length == 0) {
                return Double.NaN;
            }
            int middle = values.length / 2;
            return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        }

        double min(ToDoubleFunction<Probe.Run> value) {
            return runs.stream().mapToDouble(value).min().orElse(Double.NaN);
        }

        double max(ToDoubleFunction<Probe.Run> value) {
            return runs.stream().mapToDouble(value).max().orElse(Double.NaN);
        }

        String result() {
            List<String> parts = new ArrayList<>();
            outcomes.forEach((summary, count) -> parts.add(summary + " ×" + count));
            return String.join(", ", parts);
        }
    }

    static String markdown(Setup setup, List<Row> rows) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("### Cold start per function\n\n");
        header(setup, md);
        table(rows, md);
        phases(rows, md);
        origins(rows, md);
        return md.toString();
    }

    private static void header(Setup setup, StringBuilder md) throws IOException {
        md.append("- Date: ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(" ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HH:mm")))
                .append(" UTC\n");
        md.append("- Command: `").append(setup.settings().nonDefault())
                .append("infrastructure/benchmark/cold-start.sh")
                .append(setup.arguments().isEmpty() ? "" : " " + setup.arguments()).append("`\n");
        md.append("- Code: ").append(setup.code()).append('\n');
        md.append("- Machine: ").append(machine()).append('\n');
        md.append("- Java: ").append(setup.javaVersion()).append('\n');
        md.append("- Load average (1, 5, 15 min): ").append(setup.load()).append('\n');
        md.append("- Every JVM: `java ").append(String.join(" ", Probe.FLAGS))
                .append(" -Xlog:class+load:file=<tmp>`, a fresh process per run")
                .append(setup.settings().extraFlags().isEmpty() ? "" : "; the function JVMs also get `"
                        + String.join(" ", setup.settings().extraFlags()) + "`").append('\n');
        for (Config config : setup.settings().variants()) {
            md.append("- Rows marked **").append(config.name()).append("**: the same function with ")
                    .append(config.description()).append(", in the same rounds\n");
        }
        if (setup.settings().appCds()) {
            md.append("- AppCDS: one static archive of the classes all functions loaded in the warm-up round "
                    + "(`-XX:DumpLoadedClassList`, then `-Xshare:dump` with the same class path), as a deployment "
                    + "package could ship one\n");
        }
        md.append("- Runs: ").append(setup.settings().runs()).append(" measured rounds after one warm-up round; ")
                .append("in each round every row runs once, the order rotating from round to round\n");
        md.append("- Peak RSS: ").append(setup.rssMethod()).append('\n');
        md.append("- Local cloud: ").append(setup.cloud()).append('\n');
        if (!setup.repaired().isEmpty()) {
            md.append("- **Repaired jar**: the shaded jar's `META-INF/spring.factories` lacks entries of the jars it "
                    + "bundles (shading kept one jar's value per key), so the functions cannot start from it as "
                    + "built; the runs had the lost entries put back on the class path (an overlay "
                    + "`META-INF/spring.factories`, as a merging transformer would have written them), for these "
                    + "keys: ").append(String.join(", ", setup.repaired().stream()
                            .map(line -> "`" + line.substring(line.lastIndexOf('.', line.indexOf('=')) + 1,
                                    line.indexOf('=')) + "` (" + line.split(",").length + ")").toList()))
                    .append("\n");
        }
        md.append('\n');
    }

    private static void table(List<Row> rows, StringBuilder md) {
        Row bare = rows.stream().filter(r -> r.c.variant() == Case.Variant.BARE).findFirst().orElseThrow();
        double bareWall = bare.median(Report::wallMs);
        md.append("| Function, sample event | Median wall (ms) | × bare JVM | Wall min–max (ms) | Median CPU (ms) "
                + "| Median peak RSS (MB) | Median classes loaded | Result (runs) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.0f–%.0f | %.0f | %.0f | %.0f | %s |%n",
                    row.c.label(), row.median(Report::wallMs), row.median(Report::wallMs) / bareWall,
                    row.min(Report::wallMs), row.max(Report::wallMs), row.median(r -> r.cpuMillis()),
                    row.median(r -> r.peakRssKb() / 1024.0),
                    row.median(r -> r.classes().total()), row.result()));
        }
        md.append('\n');
        md.append("Wall: spawn to exit of the process, as seen by its parent. CPU: user + system time of the "
                + "process, all threads (JIT compiler, GC and Spring's background pre-initializer included); it "
                + "suffers less than wall time from other load on the machine. Result: what the function answered "
                + "(statusCode for the API functions).\n");
        if (rows.stream().anyMatch(r -> r.outcomes.keySet().stream().anyMatch(s -> s.contains("†")))) {
            md.append("† The sample's caller (`sub` claim) is not a seeded account, so the function finds no "
                    + "membership and answers 403 after reading DynamoDB: expected. The row \"with the seeded "
                    + "agent's sub\" is the same event from the demo agent, answered 200.\n");
        }
        if (rows.stream().anyMatch(r -> r.c.variant() == Case.Variant.SUBMITTED_REQUEST)) {
            md.append("The sample of NotificationFunction names a request that does not exist, so it ends after one "
                    + "DynamoDB read; the row \"about a request just submitted\" names a request filed during the "
                    + "warm-up round, whose acknowledgement marker is deleted before each run, so each run sends the "
                    + "e-mail through SES (the path of a real delivery).\n");
        }
        md.append("Each run of an event with an `idempotency-key` header gets a new key, so every run files a new "
                + "request (the full path, not an idempotent replay).\n\n");
    }

    private static void phases(List<Row> rows, StringBuilder md) {
        md.append("#### Where the time goes (medians)\n\n");
        md.append("| Function, sample event | JVM start to `main` (ms) | `new FunctionInvoker()` (ms) "
                + "| first invocation (ms) | exit (ms) | classes: JVM start / handler built / invocation / exit |\n");
        md.append("|---|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            if (row.c.variant() == Case.Variant.BARE) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %s |%n", row.c.label(),
                    row.median(r -> phaseMs(r, 0)), row.median(r -> phaseMs(r, 1)), row.median(r -> phaseMs(r, 2)),
                    row.median(r -> phaseMs(r, 3)), String.join(" / ", ClassLog.PHASES.stream()
                            .map(p -> String.format(Locale.ROOT, "%.0f", row.median(r -> r.classes().byPhase()
                                    .get(p)))).toList())));
        }
        md.append('\n');
    }

    private static void origins(List<Row> rows, StringBuilder md) {
        md.append("#### Classes loaded by origin (medians)\n\n");
        md.append("| Function, sample event | ").append(String.join(" | ", ClassLog.ORIGINS))
                .append(" | of which from a CDS archive |\n");
        md.append("|---|").append("---:|".repeat(ClassLog.ORIGINS.size() + 1)).append('\n');
        for (Row row : rows) {
            md.append("| ").append(row.c.label());
            for (String origin : ClassLog.ORIGINS) {
                double median = row.median(r -> r.classes().byOrigin().get(origin));
                md.append(String.format(Locale.ROOT, " | %.0f", median));
            }
            md.append(String.format(Locale.ROOT, " | %.0f |%n", row.median(r -> r.classes().shared())));
        }
        md.append('\n');
    }

    private static double wallMs(Probe.Run run) {
        return run.wallNanos() / 1e6;
    }

    /** The duration of a phase: 0 spawn to main, 1 main to handler built, 2 invocation, 3 to process reaped. */
    private static double phaseMs(Probe.Run run, int phase) {
        if (run.phases() == null) {
            return Double.NaN;
        }
        long start = phase == 0 ? 0 : run.phases()[phase - 1];
        return (run.phases()[phase] - start) / 1e6;
    }

    /** The three load averages of {@code /proc/loadavg}, or "unknown". */
    static String loadAverage() throws IOException {
        Path file = Path.of("/proc/loadavg");
        if (!Files.isReadable(file)) {
            return "unknown";
        }
        String[] fields = Files.readString(file).trim().split("\\s+");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String machine() throws IOException {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        }
        String memory = "";
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            memory = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> ", " + Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GB RAM")
                    .findFirst().orElse("");
        }
        return "nproc " + Runtime.getRuntime().availableProcessors() + ", " + cpu + memory + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }
}
