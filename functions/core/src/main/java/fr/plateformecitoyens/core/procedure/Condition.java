package fr.plateformecitoyens.core.procedure;

import java.util.List;

/** A field is shown (and may be required) only when another field holds one of these values. */
public record Condition(String field, List<String> values) {

    public Condition {
        values = List.copyOf(values);
    }
}
