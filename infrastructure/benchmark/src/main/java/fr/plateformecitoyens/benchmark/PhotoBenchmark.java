package fr.plateformecitoyens.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.emulators.Emulators;
import fr.plateformecitoyens.local.emulators.Endpoints;
import fr.plateformecitoyens.local.template.FunctionSpec;
import fr.plateformecitoyens.local.template.Provisioner;
import fr.plateformecitoyens.local.template.Stack;
import fr.plateformecitoyens.local.template.Template;
import fr.plateformecitoyens.media.Fixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Photo processing benchmark: a 12-megapixel phone JPEG (4000 × 3000, gradients and noise so that it
 * compresses as a photo does, with EXIF orientation 6 and a GPS position) processed by PhotoProcessingFunction's
 * handler, in a JVM that sees the function's MemorySize as its machine's memory ({@code -XX:MaxRAM}, so that it
 * sizes its first heap as on Lambda rather than for this machine), whose heap is capped at it ({@code -Xmx}) and
 * which runs with the template's JAVA_TOOL_OPTIONS. The emulators run in this JVM and the template is provisioned
 * on them, but no queue worker runs: the driver alone processes the uploads it makes. Targets: p95 at most 2 s,
 * peak heap at most 300 MB.
 *
 * <p>Arguments: the number of measured runs (default 20). Environment: {@code PHOTOS_WARMUP} (default 3),
 * {@code PHOTOS_JVM_OPTS} (extra flags for the measured JVM), {@code PHOTOS_MEMORY_MB} (measure as if MemorySize
 * were this).
 */
public final class PhotoBenchmark {

    private PhotoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int warmup = Integer.parseInt(System.getenv().getOrDefault("PHOTOS_WARMUP", "3"));
        Path root = Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve("infrastructure/benchmark/target/photos");
        Files.createDirectories(work);
        byte[] jpeg = Fixtures.phoneJpeg(Fixtures.photoLike(4000, 3000, 12), 6);
        Path photo = work.resolve("phone-12mp.jpg");
        Files.write(photo, jpeg);
        try (Emulators emulators = Emulators.start(root, work.resolve("state"))) {
            Stack stack = new Provisioner(emulators.endpoints()).provision(Template.load(root.resolve("template.yaml")),
                    Map.of(), Map.of("WebDistribution.DomainName", "localhost:8080", "HttpApi", "local"));
            FunctionSpec spec = stack.function("PhotoProcessingFunction");
            int xmx = Integer.parseInt(System.getenv().getOrDefault("PHOTOS_MEMORY_MB",
                    String.valueOf(spec.memorySize())));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:MaxRAM=" + xmx + "m", "-Xmx" + xmx + "m", "-XX:+UseSerialGC"));
            String extra = System.getenv().getOrDefault("PHOTOS_JVM_OPTS", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(Arrays.asList(extra.split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), PhotoDriver.class.getName(),
                    photo.toString(), String.valueOf(runs), String.valueOf(warmup)));
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(work.resolve("driver.log").toFile());
            builder.environment().putAll(environment(spec, emulators.endpoints()));
            Process driver = builder.start();
            JsonNode result = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(driver.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(PhotoDriver.RESULT_PREFIX)) {
                        result = Json.parse(line.substring(PhotoDriver.RESULT_PREFIX.length())
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            if (driver.waitFor() != 0 || result == null) {
                throw new IllegalStateException("the driver failed; see " + work.resolve("driver.log"));
            }
            String report = report(result, jpeg.length, spec, xmx, command, runs, warmup);
            System.out.println(report);
            Files.writeString(root.resolve("infrastructure/benchmark/target/photos.md"), report);
        }
    }

    /** The function's environment as the template gives it, with the emulators' endpoints and credentials. */
    private static Map<String, String> environment(FunctionSpec spec, Endpoints endpoints) {
        Map<String, String> env = new LinkedHashMap<>(spec.environment());
        env.put("AWS_REGION", endpoints.region());
        env.put("AWS_ACCESS_KEY_ID", endpoints.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", endpoints.secretAccessKey());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamodb().toString());
        env.put("AWS_ENDPOINT_URL_S3", endpoints.s3().toString());
        env.put("AWS_ENDPOINT_URL_SQS", endpoints.sqs().toString());
        return env;
    }

    private static String report(JsonNode result, int bytes, FunctionSpec spec, int xmx, List<String> command,
            int runs, int warmup) {
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = result.path("runsMs").path(i).asDouble();
        }
        Arrays.sort(times);
        double p95 = percentile(times, 0.95);
        double peak = result.path("peakHeapMb").asDouble();
        StringBuilder out = new StringBuilder();
        out.append("## Photo processing\n\n");
        out.append(String.format(Locale.ROOT, "- Photo: 4000 × 3000 JPEG, %.1f MB, EXIF orientation 6 and GPS; web "
                + "image %s%n", bytes / (1024.0 * 1024), result.path("web").asText()));
        out.append(String.format(Locale.ROOT, "- JVM: -XX:MaxRAM=%dm -Xmx%dm (template's MemorySize %d MB), "
                + "-XX:+UseSerialGC, JAVA_TOOL_OPTIONS `%s`%n", xmx, xmx, spec.memorySize(),
                spec.environment().get("JAVA_TOOL_OPTIONS")));
        out.append("- Command line of the measured JVM (class path left out): `")
                .append(String.join(" ", command.subList(0, command.indexOf("-cp")))).append("`\n");
        out.append(String.format(Locale.ROOT, "- Handler built (Spring context) in %.0f ms; warm-up runs, "
                + "not counted: %s ms%n%n", result.path("handlerBuiltMs").asDouble(), result.path("warmupMs")));
        out.append("| Runs | p50 | p95 | max | min | Peak heap | Used after a run, max | After a GC, max "
                + "| GCs (time) |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| %d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f MB | %.0f MB "
                + "| %.0f MB | %d (%d ms) |%n%n", runs, percentile(times, 0.5), p95, times[runs - 1], times[0], peak,
                result.path("maxUsedAfterRunMb").asDouble(), result.path("maxAfterGcMb").asDouble(),
                result.path("gcCount").asLong(), result.path("gcMs").asLong()));
        out.append(String.format(Locale.ROOT, "Targets: p95 ≤ 2000 ms: %s; peak heap ≤ 300 MB: %s.%n",
                p95 <= 2000 ? "met" : "NOT met", peak <= 300 ? "met" : "NOT met"));
        out.append("(Peak heap: the sum of the heap pools' peaks since the JVM started, Spring context included; "
                + "an upper bound of the real peak.) Every run gave a ready photo.\n");
        return out.toString();
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
