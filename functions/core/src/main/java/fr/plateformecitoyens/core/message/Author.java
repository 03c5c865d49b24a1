package fr.plateformecitoyens.core.message;

import java.util.Locale;
import java.util.Objects;

/**
 * Who wrote a message. The citizen sees the name and role of the agent who writes to them (CRPA L111-2: the
 * public has the right to know the name and role of the agent handling their request).
 *
 * @param id   the account's subject
 * @param role for an agent, their role and service (« Agent, service État civil »); for a citizen « Usager »
 */
public record Author(Kind kind, String id, String displayName, String role) {

    /** The two sides of a thread. */
    public enum Kind {
        CITIZEN, AGENT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Author {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        displayName = displayName == null ? "" : displayName.strip();
        role = role == null ? "" : role.strip();
    }
}
