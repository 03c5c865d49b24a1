package fr.plateformecitoyens.local.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the npm emulators of {@code infrastructure/local/package-lock.json} are installed in its
 * {@code node_modules}.
 *
 * <p>"Installed" means what npm itself means: npm keeps a copy of what it installed in
 * {@code node_modules/.package-lock.json} (the "hidden lockfile"), whose {@code packages} equal those of
 * {@code package-lock.json} minus the root entry {@code ""}. When they differ, or node_modules is missing,
 * {@code npm ci} reinstalls exactly what the lock says.
 */
final class NodePackages {

    private static final long NPM_TIMEOUT_MINUTES = 10;

    private NodePackages() {
    }

    /**
     * Runs {@code npm ci} in {@code moduleDir} unless its node_modules already matches the lock; npm's output goes
     * to {@code log}.
     */
    static void ensureInstalled(Path moduleDir, Path log) {
        Path lock = moduleDir.resolve("package-lock.json");
        if (!Files.isRegularFile(lock)) {
            throw new IllegalStateException("No " + lock + ": the emulators' npm packages are pinned there");
        }
        if (upToDate(lock, moduleDir.resolve("node_modules/.package-lock.json"))) {
            return;
        }
        List<String> command = List.of("npm", "ci", "--no-audit", "--no-fund");
        Process npm;
        try {
            npm = new ProcessBuilder(command).directory(moduleDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run npm (" + e.getMessage() + "). The local cloud needs "
                    + "Node.js, with the node and npm commands on the PATH (version 18 or later), to install and run "
                    + "dynalite, cognito-local and aws-ses-v2-local.", e);
        }
        try {
            if (!npm.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                npm.descendants().forEach(ProcessHandle::destroyForcibly);
                npm.destroyForcibly();
                throw new IllegalStateException("npm ci did not finish within " + NPM_TIMEOUT_MINUTES
                        + " minutes in " + moduleDir + "; see " + log);
            }
        } catch (InterruptedException e) {
            npm.descendants().forEach(ProcessHandle::destroyForcibly);
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while npm ci was installing the emulators", e);
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed (exit " + npm.exitValue() + ") in " + moduleDir
                    + "; its output (" + log + "):" + System.lineSeparator() + read(log));
        }
    }

    /** Whether the hidden lockfile npm wrote when it last installed describes the same packages as the lock. */
    static boolean upToDate(Path lock, Path hiddenLock) {
        if (!Files.isRegularFile(hiddenLock)) {
            return false;
        }
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode wanted = json.readTree(lock.toFile()).path("packages");
            JsonNode installed = json.readTree(hiddenLock.toFile()).path("packages");
            if (!(wanted instanceof ObjectNode) || !(installed instanceof ObjectNode)) {
                return false;
            }
            ObjectNode withoutRoot = ((ObjectNode) wanted).deepCopy();
            withoutRoot.remove("");
            return withoutRoot.equals(installed);
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
