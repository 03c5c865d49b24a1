package fr.plateformecitoyens.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An application class-data sharing archive for the shaded jar, as a deployment package could ship one: the
 * classes every function loaded during the warm-up round ({@code -XX:DumpLoadedClassList}), dumped once into
 * one static archive ({@code -Xshare:dump}) that all functions then map ({@code -XX:SharedArchiveFile}).
 */
final class AppCds {

    private final Path directory;
    private final List<Path> lists = new ArrayList<>();

    AppCds(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** The flag that makes one training run write the classes it loads. */
    String trainingFlag() {
        Path list = directory.resolve("run-" + (lists.size() + 1) + ".classlist");
        lists.add(list);
        return "-XX:DumpLoadedClassList=" + list;
    }

    /** Merges the training runs' lists and dumps the archive; returns the flag that maps it. */
    String dump(Path java, String classPath, List<String> extraFlags) throws IOException, InterruptedException {
        Set<String> classes = new LinkedHashSet<>();
        for (Path list : lists) {
            if (Files.isRegularFile(list)) {
                classes.addAll(Files.readAllLines(list));
            }
        }
        Path merged = directory.resolve("merged.classlist");
        Files.write(merged, classes);
        Path archive = directory.resolve("functions.jsa");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(Probe.FLAGS.stream().filter(flag -> !flag.startsWith("-Xshare")).toList());
        command.addAll(extraFlags);
        command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + merged,
                "-XX:SharedArchiveFile=" + archive, "-cp", classPath));
        Path log = directory.resolve("dump.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("the CDS dump failed, see " + log);
        }
        System.err.printf("AppCDS archive: %d classes listed, %d MB%n", classes.size(),
                Files.size(archive) / (1024 * 1024));
        return "-XX:SharedArchiveFile=" + archive;
    }
}
