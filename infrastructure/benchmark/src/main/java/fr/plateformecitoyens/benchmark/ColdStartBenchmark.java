package fr.plateformecitoyens.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.local.template.Template;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cold-start benchmark: for each sample event of {@code events/}, a fresh JVM runs the function's shaded
 * Lambda jar through {@link ColdStartDriver}, answers the event once against the local cloud and exits; in the
 * same rounds, a bare JVM ({@link BareJvm}) gives the reference. See {@code cold-start.sh} for the options.
 *
 * <p>One warm-up round runs first and is not counted (page cache, emulators' first requests); the order of the
 * rows rotates from one round to the next.
 */
public final class ColdStartBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SHADED_JAR = "functions/app/target/app-0.1.0-SNAPSHOT-aws.jar";

    private final Path root;
    private final Settings settings;
    private final Cloud cloud;
    private final Template template;
    private final Probe probe;
    private final Path java;
    private final String driverClassPath;
    private final String bareClassPath;
    private final Path scratch;
    private final String stamp = Long.toString(System.currentTimeMillis(), 36);
    private String archiveFlag;
    private String submittedReference;
    private int eventSequence;

    private ColdStartBenchmark(Path root, Settings settings, Cloud cloud, Probe probe, Path java, Path appJar,
            Path driverJar, Path scratch) {
        this.root = root;
        this.settings = settings;
        this.cloud = cloud;
        this.template = Template.load(root.resolve("template.yaml"));
        this.probe = probe;
        this.java = java;
        this.driverClassPath = appJar + ":" + driverJar;
        this.bareClassPath = driverJar.toString();
        this.scratch = scratch;
    }

    public static void main(String[] args) throws Exception {
        // Standard output is kept for the report: what the in-process cloud's functions log goes to standard error.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        Path root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        Settings settings = Settings.read(args, root);
        Path target = root.resolve("infrastructure/benchmark/target");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Logs, outputs, events and the AppCDS archive of the runs; deleted at the end.
        Path scratch = Files.createTempDirectory("cold-start");
        String loadBefore = Report.loadAverage();
        // A copy: the build may replace the shaded jar while the benchmark runs.
        Path appJar = Files.copy(root.resolve(SHADED_JAR), target.resolve("cold-start-app.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Path overlay = target.resolve("spring-factories-overlay");
        Files.deleteIfExists(overlay.resolve("META-INF/spring.factories"));
        List<String> repaired = settings.repair() ? SpringFactoriesRepair.repair(appJar, overlay) : List.of();
        if (!repaired.isEmpty()) {
            System.err.println("WARNING: the shaded jar's META-INF/spring.factories lacks entries of the jars it "
                    + "bundles; measuring with them put back (" + root.relativize(overlay) + "):\n  "
                    + String.join("\n  ", repaired));
        }
        Path driverJar = DriverJar.write(target.resolve("classes"), repaired.isEmpty() ? null : overlay,
                target.resolve("cold-start-driver.jar"));
        String result;
        boolean failed;
        long start = System.nanoTime();
        try (Cloud cloud = Cloud.reuseOrStart(root, settings.reuseCloud())) {
            System.err.println("Local cloud: " + cloud.origin());
            Probe probe = new Probe(java, scratch.resolve("runs"));
            ColdStartBenchmark benchmark = new ColdStartBenchmark(root, settings, cloud, probe, java, appJar,
                    driverJar, scratch);
            List<Case> cases = benchmark.cases();
            List<Report.Row> rows = benchmark.measure(cases);
            failed = rows.stream().anyMatch(row -> row.failures() > 0);
            Report.Setup setup = new Report.Setup(settings, String.join(" ", args), javaVersion(java),
                    probe.rssMethod(), cloud.origin(), loadBefore + " at the start, " + Report.loadAverage()
                    + " at the end", repaired, code(root, appJar));
            result = Report.markdown(setup, rows);
        } finally {
            Trees.delete(scratch);
        }
        Files.createDirectories(settings.report().getParent());
        Files.writeString(settings.report(), result);
        stdout.println(result);
        stdout.flush();
        System.err.printf("Written to %s (%d s in all)%n", root.relativize(settings.report()),
                (System.nanoTime() - start) / 1_000_000_000L);
        System.exit(failed ? 1 : 0);
    }

    /** The bare JVM, then one row per sample event, with the variants that reach the function's real work. */
    private List<Case> cases() throws IOException {
        Map<String, String> definitions = new LinkedHashMap<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach(resource -> {
            Object variables = path(resource.properties(), "Environment", "Variables");
            if (variables instanceof Map<?, ?> map && map.get("SPRING_CLOUD_FUNCTION_DEFINITION") instanceof String d) {
                definitions.put(resource.logicalId(), d);
            }
        });
        List<Case> cases = new ArrayList<>();
        cases.add(Case.bare());
        List<Path> files;
        try (Stream<Path> list = Files.list(root.resolve("events"))) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        List<Case> samples = new ArrayList<>();
        for (Path file : files) {
            String definition = definitions.get(Case.logicalIdOf(file));
            if (definition == null) {
                System.err.println("Skipped " + file.getFileName() + ": no such function in template.yaml");
                continue;
            }
            samples.add(Case.sample(file, definition));
        }
        for (Case sample : samples) {
            cases.add(sample);
            boolean agentSample = sample.claims().map(claims -> claims.path("cognito:groups").asText()
                    .contains("agents") && !cloud.isSeededAccount(claims.path("sub").asText())).orElse(false);
            if (agentSample) {
                cases.add(sample.as(Case.Variant.SEEDED_AGENT));
            }
            if (sample.kind() == Case.Kind.QUEUE) {
                cases.add(sample.as(Case.Variant.SUBMITTED_REQUEST));
            }
        }
        List<String> only = settings.only();
        List<Case> selected = new ArrayList<>();
        for (Case c : cases) {
            if (c.variant() == Case.Variant.BARE) {
                selected.add(c);
            } else if (only.isEmpty() || only.stream().anyMatch(c.key()::contains)) {
                selected.add(c);
                settings.variants().forEach(config -> selected.add(c.with(config)));
            }
        }
        if (selected.stream().noneMatch(ColdStartBenchmark::submits)) {
            // Without a submission in the warm-up round, there is no request to notify about.
            selected.removeIf(c -> c.variant() == Case.Variant.SUBMITTED_REQUEST);
        }
        return selected;
    }

    /**
     * One warm-up round in file order (a request is submitted before a notification needs it), not counted;
     * with AppCDS it is also the training run. Then the measured rounds, the order rotating.
     */
    private List<Report.Row> measure(List<Case> cases) throws IOException, InterruptedException {
        Map<Case, Report.Row> rows = new LinkedHashMap<>();
        cases.forEach(c -> rows.put(c, new Report.Row(c)));
        AppCds appCds = settings.appCds() ? new AppCds(scratch.resolve("appcds")) : null;
        int runs = settings.runs();
        for (int round = 0; round <= runs; round++) {
            boolean warmUp = round == 0;
            System.err.print(warmUp ? "Warm-up round" : "Round " + round + "/" + runs);
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(warmUp ? i : (i + round) % cases.size());
                if (warmUp && c.config().appCds()) {
                    continue; // its archive comes from this round
                }
                List<String> flags = new ArrayList<>();
                if (warmUp && appCds != null && c.kind() != Case.Kind.BARE && c.config().equals(Config.DEFAULT)) {
                    flags.add(appCds.trainingFlag());
                }
                Probe.Run run = runOnce(c, flags);
                Checks.Outcome outcome = Checks.check(c, run, cloud, submittedReference);
                if (outcome.reference() != null && submittedReference == null) {
                    submittedReference = outcome.reference();
                }
                if (!outcome.ok()) {
                    System.err.printf("%n  %s failed (%s)%n%s%n", c.key(), outcome.summary(), tail(run));
                }
                if (!warmUp) {
                    rows.get(c).add(run, outcome);
                }
                System.err.print(outcome.ok() ? "." : "x");
            }
            System.err.println();
            if (warmUp && appCds != null) {
                archiveFlag = appCds.dump(java, driverClassPath, settings.extraFlags());
            }
        }
        return List.copyOf(rows.values());
    }

    /** Runs the case once; {@code moreFlags} go after the settings' and the configuration's. */
    private Probe.Run runOnce(Case c, List<String> moreFlags) throws IOException, InterruptedException {
        if (c.kind() == Case.Kind.BARE) {
            return probe.run(List.of(), bareClassPath, BareJvm.class.getName(), List.of(), Map.of());
        }
        List<String> flags = new ArrayList<>(settings.extraFlags());
        flags.addAll(c.config().flags());
        if (c.config().appCds()) {
            flags.add(archiveFlag);
        }
        flags.addAll(moreFlags);
        ObjectNode event = c.sample().deepCopy();
        JsonNode headers = event.path("headers");
        if (headers.has("idempotency-key")) {
            ((ObjectNode) headers).put("idempotency-key", "cold-start-" + stamp + "-" + eventSequence);
        }
        if (c.variant() == Case.Variant.SEEDED_AGENT) {
            String tenant = event.path("pathParameters").path("tenantId").asText();
            String sub = cloud.accountSub("agent", tenant)
                    .orElseThrow(() -> new IllegalStateException("no seeded agent in " + tenant));
            ((ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims")).put("sub", sub);
        }
        if (c.variant() == Case.Variant.SUBMITTED_REQUEST && submittedReference != null) {
            for (JsonNode record : event.path("Records")) {
                ObjectNode body = (ObjectNode) MAPPER.readTree(record.path("body").asText());
                body.put("reference", submittedReference);
                ((ObjectNode) record).put("body", body.toString());
            }
            cloud.forgetAcknowledgement(submittedReference);
        }
        Path file = scratch.resolve("event-" + (++eventSequence) + ".json");
        Files.writeString(file, event.toString());
        Map<String, String> env = new LinkedHashMap<>(cloud.environment(template, c.definition()));
        env.putAll(settings.extraEnv());
        env.putAll(c.config().env());
        try {
            return probe.run(flags, driverClassPath, ColdStartDriver.class.getName(), List.of(file.toString()), env);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean submits(Case c) {
        return c.kind() == Case.Kind.API
                && c.sample().path("requestContext").path("http").path("method").asText().equals("POST");
    }

    private static String tail(Probe.Run run) {
        String text = (run.stdout() + "\n" + run.stderr()).strip();
        return "    " + text.substring(Math.max(0, text.length() - 2_000)).replace("\n", "\n    ");
    }

    private static Object path(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    /** The commit measured, whether functions/ differs from it, and the jar's size. */
    private static String code(Path root, Path appJar) throws IOException, InterruptedException {
        String commit = command(root, "git", "rev-parse", "--short", "HEAD");
        String changes = command(root, "git", "status", "--porcelain", "--", "functions", "pom.xml");
        return "commit " + (commit.isEmpty() ? "unknown" : commit)
                + (changes.isEmpty() ? "" : " with uncommitted changes in functions/ or pom.xml")
                + "; shaded jar " + Files.size(appJar) / (1024 * 1024) + " MB";
    }

    private static String command(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(process.getInputStream().readAllBytes()).strip();
        return process.waitFor() == 0 ? text : "";
    }

    private static String javaVersion(Path java) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes()).strip();
        process.waitFor();
        return String.join("; ", text.split("\n"));
    }
}
