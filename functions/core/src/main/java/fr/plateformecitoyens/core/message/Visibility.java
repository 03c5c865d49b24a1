package fr.plateformecitoyens.core.message;

import java.util.Locale;
import java.util.Optional;

/** Who may read a message: the thread with the citizen, or the agents alone (an internal note). */
public enum Visibility {
    PUBLIC, INTERNAL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Visibility> fromCode(String code) {
        for (Visibility visibility : values()) {
            if (visibility.code().equals(code)) {
                return Optional.of(visibility);
            }
        }
        return Optional.empty();
    }
}
