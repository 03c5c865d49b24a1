package fr.plateformecitoyens.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a benchmark run: its argument and the environment variables {@code cold-start.sh} documents.
 *
 * @param runs        measured rounds, after the warm-up round
 * @param extraFlags  {@code COLD_START_JVM_OPTS}: extra flags of the function JVMs (never of the bare one)
 * @param extraEnv    {@code COLD_START_ENV}: extra environment of the function JVMs
 * @param only        {@code COLD_START_CASES}: only the rows whose key contains one of these words
 * @param report      {@code COLD_START_REPORT}: where the Markdown goes
 * @param variants    {@code COLD_START_VARIANTS}: configurations measured beside the default one (see {@link Config})
 * @param repair      unless {@code COLD_START_REPAIR=0}: put back the spring.factories entries shading lost
 * @param reuseCloud  unless {@code COLD_START_CLOUD=start}: reuse the cloud of {@code .local/cloud.json}
 */
record Settings(int runs, List<String> extraFlags, Map<String, String> extraEnv, List<String> only, Path report,
        List<Config> variants, boolean repair, boolean reuseCloud) {

    static Settings read(String[] args, Path root) {
        Map<String, String> extraEnv = new LinkedHashMap<>();
        for (String pair : words(env("COLD_START_ENV", ""))) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("COLD_START_ENV: expected NAME=value, got " + pair);
            }
            extraEnv.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return new Settings(args.length > 0 ? Integer.parseInt(args[0]) : 10, words(env("COLD_START_JVM_OPTS", "")),
                extraEnv, words(env("COLD_START_CASES", "").replace(',', ' ')),
                Path.of(env("COLD_START_REPORT", root.resolve("infrastructure/benchmark/target/cold-start.md")
                        .toString())).toAbsolutePath(),
                Config.parse(env("COLD_START_VARIANTS", "")), !env("COLD_START_REPAIR", "1").equals("0"),
                !env("COLD_START_CLOUD", "auto").equals("start"));
    }

    boolean appCds() {
        return variants.stream().anyMatch(Config::appCds);
    }

    /** The options that differ from the defaults, as they would be typed before the command. */
    String nonDefault() {
        StringBuilder text = new StringBuilder();
        if (!extraFlags.isEmpty()) {
            text.append("COLD_START_JVM_OPTS=\"").append(String.join(" ", extraFlags)).append("\" ");
        }
        if (!extraEnv.isEmpty()) {
            text.append("COLD_START_ENV=\"").append(String.join(" ", extraEnv.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList())).append("\" ");
        }
        if (!only.isEmpty()) {
            text.append("COLD_START_CASES=").append(String.join(",", only)).append(' ');
        }
        if (!variants.isEmpty()) {
            text.append("COLD_START_VARIANTS=\"").append(String.join("; ", variants.stream().map(Config::spelling)
                    .toList())).append("\" ");
        }
        if (!repair) {
            text.append("COLD_START_REPAIR=0 ");
        }
        if (!reuseCloud) {
            text.append("COLD_START_CLOUD=start ");
        }
        return text.toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
