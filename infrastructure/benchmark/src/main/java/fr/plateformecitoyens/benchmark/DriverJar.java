package fr.plateformecitoyens.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packs the driver's classes (and the repaired {@code spring.factories}, if any) into one jar: the class path
 * of the measured JVMs then holds jars only, as AppCDS requires.
 */
final class DriverJar {

    private DriverJar() {
    }

    /**
     * @param classes the benchmark module's compiled classes
     * @param overlay a directory whose files are added as they are, or {@code null}
     */
    static Path write(Path classes, Path overlay, Path jar) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            Path driverPackage = classes.resolve(ColdStartDriver.class.getPackageName().replace('.', '/'));
            add(out, classes, driverPackage);
            if (overlay != null) {
                add(out, overlay, overlay);
            }
        }
        return jar;
    }

    private static void add(JarOutputStream out, Path base, Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            out.putNextEntry(new JarEntry(base.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, out);
            out.closeEntry();
        }
    }
}
