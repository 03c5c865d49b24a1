package fr.plateformecitoyens.adapters;

import java.util.Optional;

/**
 * Reads the functions' settings. On Lambda they are environment variables set by template.yaml; the
 * local cloud, which runs several functions in one JVM, sets them as system properties of the same
 * names. Environment variables win.
 */
public final class Config {

    private Config() {
    }

    public static Optional<String> optional(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public static String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException("setting " + name + " is missing"));
    }
}
