package fr.plateformecitoyens.core.procedure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One published version of a démarche of a tenant: what the citizen is asked, who handles it and
 * under which legal regime. A published version never changes; a request keeps the version it was
 * made on.
 *
 * @param details audience, papers to have ready, fee, retention, legal basis and DPO contact
 */
public record Procedure(String tenantId, String id, int version, String title, String description,
        String category, String serviceId, LegalRegime regime, List<Field> fields, List<Section> sections,
        ProcedureDetails details) {

    public Procedure {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(regime, "regime");
        fields = List.copyOf(fields);
        sections = List.copyOf(sections);
        details = details == null ? ProcedureDetails.DEFAULT : details;
        checkConsistency(fields, sections);
    }

    /** A démarche with the default details. */
    public Procedure(String tenantId, String id, int version, String title, String description, String category,
            String serviceId, LegalRegime regime, List<Field> fields, List<Section> sections) {
        this(tenantId, id, version, title, description, category, serviceId, regime, fields, sections,
                ProcedureDetails.DEFAULT);
    }

    /** The same definition as another version, e.g. the next one or a copy under another id. */
    public Procedure as(String newId, int newVersion) {
        return new Procedure(tenantId, newId, newVersion, title, description, category, serviceId, regime, fields,
                sections, details);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static void checkConsistency(List<Field> fields, List<Section> sections) {
        var problems = DefinitionRules.problems(fields, sections);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).field() + ": " + problems.get(0).message());
        }
    }
}
