package fr.plateformecitoyens.core.access;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One read of personal data by an agent: who, when, what they did, and which request or person it concerned.
 *
 * @param id        unique within the tenant's log, so two reads in the same millisecond are two entries
 * @param reference the request read, if the action concerns one
 * @param personId  the person looked up, if the action concerns one (a citizen's account id or a contact)
 */
public record AccessEntry(String tenantId, String id, Instant at, String agentId, String agentName, Action action,
        Optional<String> reference, Optional<String> personId) {

    public AccessEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(agentId, "agentId");
        agentName = agentName == null ? "" : agentName.strip();
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(personId, "personId");
    }

    /** What the agent did that exposed personal data. */
    public enum Action {
        REQUEST_READ("request.read", "Consultation d’une demande"),
        REQUEST_EXPORT("request.export", "Export de demandes"),
        PEOPLE_SEARCH("people.search", "Recherche d’une personne"),
        PERSON_READ("person.read", "Consultation d’une fiche"),
        REQUEST_FILED("request.filed", "Enregistrement d’une demande pour une personne"),
        ACKNOWLEDGEMENT_READ("acknowledgement.read", "Accusé de réception à imprimer"),
        LETTER_READ("letter.read", "Consultation du courrier numérisé");

        private final String code;
        private final String label;

        Action(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Action fromCode(String code) {
            for (Action a : values()) {
                if (a.code.equals(code)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown access action " + code);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
