package fr.plateformecitoyens.core.household;

import java.util.Locale;

/** How a member of a household is related to the citizen whose household it is. */
public enum Relationship {
    CHILD("Enfant"), SPOUSE("Conjoint ou conjointe"), PARENT("Parent"), OTHER("Autre personne du foyer");

    private final String label;

    Relationship(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static java.util.Optional<Relationship> fromCode(String code) {
        for (Relationship r : values()) {
            if (r.code().equals(code)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
