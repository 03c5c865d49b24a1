package fr.plateformecitoyens.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@code -Xlog:class+load} file says: how many classes the JVM loaded, in which phase of the driver
 * (split on the driver's marker classes) and from which origin (by package).
 *
 * @param total     every class loaded, the JDK's included
 * @param shared    those mapped from a class-data sharing archive rather than parsed from a jar
 * @param byPhase   {@link #PHASES} to counts; classes of a phase the run never reached are not counted
 * @param byOrigin  {@link #ORIGINS} to counts
 */
record ClassLog(int total, int shared, Map<String, Integer> byPhase, Map<String, Integer> byOrigin) {

    static final List<String> PHASES = List.of("JVM start", "handler built", "invocation", "exit");
    static final List<String> ORIGINS = List.of("JDK", "Spring", "Jackson", "AWS SDK", "ours", "other");

    private static final String MAIN_MARK = ColdStartDriver.class.getName();
    private static final String BUILT_MARK = ColdStartDriver.HandlerBuilt.class.getName();
    private static final String INVOKED_MARK = ColdStartDriver.Invoked.class.getName();

    static ClassLog read(Path file) throws IOException {
        Map<String, Integer> byPhase = counters(PHASES);
        Map<String, Integer> byOrigin = counters(ORIGINS);
        int phase = 0;
        int total = 0;
        int shared = 0;
        for (String line : Files.readAllLines(file)) {
            String name = className(line);
            if (name == null) {
                continue;
            }
            if (name.equals(MAIN_MARK)) {
                phase = 1;
            } else if (name.equals(BUILT_MARK)) {
                phase = 2;
            } else if (name.equals(INVOKED_MARK)) {
                phase = 3;
            }
            total++;
            if (line.contains(" source: shared objects file")) {
                shared++;
            }
            byPhase.merge(PHASES.get(phase), 1, Integer::sum);
            byOrigin.merge(origin(name), 1, Integer::sum);
        }
        return new ClassLog(total, shared, byPhase, byOrigin);
    }

    /** The class of a log line such as {@code [0.010s][info][class,load] java.lang.Object source: jrt:/java.base}. */
    static String className(String line) {
        int tag = line.indexOf("[class,load] ");
        if (tag < 0) {
            return null;
        }
        int start = tag + "[class,load] ".length();
        int end = line.indexOf(' ', start);
        return end < 0 ? line.substring(start) : line.substring(start, end);
    }

    static String origin(String name) {
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.")) {
            return "JDK";
        }
        if (name.startsWith("org.springframework.")) {
            return "Spring";
        }
        if (name.startsWith("com.fasterxml.jackson.")) {
            return "Jackson";
        }
        if (name.startsWith("software.amazon.awssdk.")) {
            return "AWS SDK";
        }
        if (name.startsWith("fr.plateformecitoyens.") && !name.startsWith("fr.plateformecitoyens.benchmark.")) {
            return "ours";
        }
        return "other";
    }

    private static Map<String, Integer> counters(List<String> keys) {
        Map<String, Integer> counters = new LinkedHashMap<>();
        keys.forEach(key -> counters.put(key, 0));
        return counters;
    }
}
