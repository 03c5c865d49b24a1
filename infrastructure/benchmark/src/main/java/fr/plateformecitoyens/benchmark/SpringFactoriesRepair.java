package fr.plateformecitoyens.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Detects the {@code META-INF/spring.factories} entries that shading lost and puts them back beside the jar.
 *
 * <p>Several bundled jars declare the same key (e.g. {@code ApplicationContextInitializer}); a shade transformer
 * that merges properties files key by key keeps one jar's value and drops the others', and with it, for
 * instance, the initializer that registers Spring Cloud Function's {@code FunctionCatalog}. The expected
 * content is rebuilt from the jars of this JVM's class path that were bundled (those whose first class is in
 * the shaded jar); what the shaded file lacks is written to an overlay directory whose
 * {@code spring.factories} Spring merges with the jar's, as it merges those of several jars.
 */
final class SpringFactoriesRepair {

    private static final String FACTORIES = "META-INF/spring.factories";

    private SpringFactoriesRepair() {
    }

    /**
     * Writes the missing entries under {@code overlay} and returns them as {@code key=value} lines; returns an
     * empty list, writing nothing, when the shaded jar lacks none.
     */
    static List<String> repair(Path shadedJar, Path overlay) throws IOException {
        Map<String, Set<String>> shaded;
        Set<String> shadedEntries = new HashSet<>();
        try (JarFile jar = new JarFile(shadedJar.toFile())) {
            shaded = factories(jar);
            jar.stream().forEach(entry -> shadedEntries.add(entry.getName()));
        }
        Map<String, Set<String>> missing = new TreeMap<>();
        for (String element : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(element);
            if (!element.endsWith(".jar") || !Files.isRegularFile(path)) {
                continue;
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                Optional<String> firstClass = jar.stream().map(ZipEntry::getName)
                        .filter(name -> name.endsWith(".class") && !name.contains("module-info")).findFirst();
                if (jar.getEntry(FACTORIES) == null || firstClass.isEmpty()
                        || !shadedEntries.contains(firstClass.get())) {
                    continue;
                }
                factories(jar).forEach((key, values) -> values.stream()
                        .filter(value -> !shaded.getOrDefault(key, Set.of()).contains(value))
                        .forEach(value -> missing.computeIfAbsent(key, k -> new TreeSet<>()).add(value)));
            }
        }
        List<String> lines = new ArrayList<>();
        missing.forEach((key, values) -> lines.add(key + "=" + String.join(",", values)));
        if (!lines.isEmpty()) {
            Path file = overlay.resolve(FACTORIES);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# Entries lost by shading, put back by the cold-start benchmark\n"
                    + String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
        }
        return lines;
    }

    private static Map<String, Set<String>> factories(JarFile jar) throws IOException {
        Map<String, Set<String>> factories = new TreeMap<>();
        ZipEntry entry = jar.getEntry(FACTORIES);
        if (entry == null) {
            return factories;
        }
        properties(jar, entry).forEach((key, value) -> {
            Set<String> values = factories.computeIfAbsent((String) key, k -> new TreeSet<>());
            for (String item : ((String) value).split(",")) {
                if (!item.isBlank()) {
                    values.add(item.trim());
                }
            }
        });
        return factories;
    }

    private static Properties properties(JarFile jar, ZipEntry entry) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = jar.getInputStream(entry)) {
            properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)));
        }
        return properties;
    }
}
