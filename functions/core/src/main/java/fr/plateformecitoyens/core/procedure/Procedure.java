package fr.plateformecitoyens.core.procedure;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One published version of a démarche of a tenant: what the citizen is asked, who handles it and
 * under which legal regime. A published version never changes; a request keeps the version it was
 * made on.
 */
public record Procedure(String tenantId, String id, int version, String title, String description,
        String category, String serviceId, LegalRegime regime, List<Field> fields, List<Section> sections) {

    public Procedure {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(regime, "regime");
        fields = List.copyOf(fields);
        sections = List.copyOf(sections);
        checkConsistency(fields, sections);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static void checkConsistency(List<Field> fields, List<Section> sections) {
        Set<String> names = new HashSet<>();
        for (Field field : fields) {
            if (!names.add(field.name())) {
                throw new IllegalArgumentException("field " + field.name() + " is defined twice");
            }
            if (field.isChoice() && field.choices().isEmpty()) {
                throw new IllegalArgumentException("choice field " + field.name() + " needs choices");
            }
        }
        for (Field field : fields) {
            field.visibleWhen().ifPresent(c -> {
                if (!names.contains(c.field()) || c.field().equals(field.name())) {
                    throw new IllegalArgumentException("field " + field.name() + " depends on unknown field "
                            + c.field());
                }
            });
        }
        for (Section section : sections) {
            for (String name : section.fieldNames()) {
                if (!names.contains(name)) {
                    throw new IllegalArgumentException("section " + section.title() + " names unknown field " + name);
                }
            }
        }
    }
}
