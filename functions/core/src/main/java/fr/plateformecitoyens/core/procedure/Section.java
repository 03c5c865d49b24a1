package fr.plateformecitoyens.core.procedure;

import java.util.List;

/** A titled group of fields, shown together. */
public record Section(String title, List<String> fieldNames) {

    public Section {
        fieldNames = List.copyOf(fieldNames);
    }
}
