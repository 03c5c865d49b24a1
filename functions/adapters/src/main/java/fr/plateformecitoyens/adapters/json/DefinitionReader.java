package fr.plateformecitoyens.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.procedure.Audience;
import fr.plateformecitoyens.core.procedure.Choice;
import fr.plateformecitoyens.core.procedure.Condition;
import fr.plateformecitoyens.core.procedure.DefinitionRules;
import fr.plateformecitoyens.core.procedure.Fee;
import fr.plateformecitoyens.core.procedure.Field;
import fr.plateformecitoyens.core.procedure.FieldType;
import fr.plateformecitoyens.core.procedure.LegalRegime;
import fr.plateformecitoyens.core.procedure.PeriodUnit;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.procedure.ProcedureDetails;
import fr.plateformecitoyens.core.procedure.Section;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a definition an administrator sends (the JSON {@link ProcedureCodec} writes), refusing it with every
 * fault listed in French: unknown field types, a regime without its period, conditions in a loop
 * ({@link DefinitionRules}).
 */
public final class DefinitionReader {

    private DefinitionReader() {
    }

    public static Procedure read(JsonNode node, String tenantId, String id, int version) {
        List<FieldError> errors = new ArrayList<>();
        if (!node.isObject()) {
            throw invalid(List.of(new FieldError("body", "Envoyez la définition sous forme d'objet JSON.")));
        }
        String title = text(node, "title", 1, 200, "Indiquez le titre de la démarche (200 caractères au plus).",
                errors);
        String description = text(node, "description", 0, 2000, "La description fait 2 000 caractères au plus.",
                errors);
        String serviceId = text(node, "serviceId", 1, 100, "Choisissez le service qui traite les demandes.", errors);
        LegalRegime regime = regime(node.path("regime"), errors);
        List<Field> fields = new ArrayList<>();
        JsonNode list = node.path("fields");
        if (!list.isArray()) {
            errors.add(new FieldError("fields", "Indiquez les champs du formulaire (une liste)."));
        }
        for (int i = 0; i < list.size(); i++) {
            fields.add(field(list.get(i), "fields[" + i + "]", errors));
        }
        List<Section> sections = new ArrayList<>();
        for (JsonNode s : node.path("sections")) {
            sections.add(new Section(s.path("title").asText(""), ProcedureCodec.texts(s.path("fields"))));
        }
        ProcedureDetails details = details(node, errors);
        if (fields.stream().noneMatch(f -> f == null)) {
            errors.addAll(DefinitionRules.problems(fields, sections));
        }
        if (!errors.isEmpty() || regime == null) {
            throw invalid(errors);
        }
        return new Procedure(tenantId, id, version, title, description, node.path("category").asText(id), serviceId,
                regime, fields, sections, details);
    }

    private static Field field(JsonNode f, String at, List<FieldError> errors) {
        FieldType type = null;
        String code = f.path("type").asText("");
        try {
            type = FieldType.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(at + ".type", "Type de champ inconnu : « " + code + " »."));
            return null;
        }
        List<Choice> choices = new ArrayList<>();
        f.path("choices").forEach(c -> choices.add(new Choice(c.path("value").asText(""), c.path("label").asText(""))));
        Optional<Condition> when = Optional.empty();
        JsonNode w = f.path("visibleWhen");
        if (w.isObject()) {
            when = Optional.of(new Condition(w.path("field").asText(""), ProcedureCodec.texts(w.path("in"))));
        }
        String help = f.hasNonNull("help") && !f.get("help").asText().isBlank() ? f.get("help").asText() : null;
        return new Field(f.path("name").asText(""), f.path("label").asText(""), help, type,
                f.path("required").asBoolean(false), choices, f.path("maxLength").asInt(0), when,
                ProcedureCodec.texts(f.path("accept")), f.path("maxBytes").asLong(0));
    }

    private static LegalRegime regime(JsonNode r, List<FieldError> errors) {
        SilenceRule rule;
        PeriodUnit unit;
        try {
            rule = SilenceRule.valueOf(r.path("rule").asText(""));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("regime.rule", "Choisissez « SVA » (silence vaut acceptation) ou « SVR » "
                    + "(silence vaut rejet)."));
            return null;
        }
        try {
            unit = PeriodUnit.fromCode(r.path("unit").asText("months"));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("regime.unit", "Choisissez jours, semaines ou mois."));
            return null;
        }
        int period = r.path("period").asInt(0);
        if (period < 1 || period > unit.max()) {
            errors.add(new FieldError("regime.period", "Le délai va de 1 à " + unit.words(unit.max()) + "."));
            return null;
        }
        String basis = r.path("legalBasis").asText("").strip();
        if (basis.isEmpty() || basis.length() > 500) {
            errors.add(new FieldError("regime.legalBasis", "Citez le texte qui fixe ce régime (500 caractères au "
                    + "plus), par exemple « Code des relations entre le public et l'administration, "
                    + "article L231-1 »."));
            return null;
        }
        boolean restarts = r.path("restartsOnCorrection").asBoolean(rule == SilenceRule.SVA);
        return new LegalRegime(rule, period, restarts, basis, unit);
    }

    private static ProcedureDetails details(JsonNode node, List<FieldError> errors) {
        List<Audience> audience = new ArrayList<>();
        for (JsonNode a : node.path("audience")) {
            try {
                audience.add(Audience.valueOf(a.asText("").toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("audience", "Choisissez parmi particuliers (citizens), associations "
                        + "(associations) et entreprises (businesses)."));
            }
        }
        if (audience.isEmpty()) {
            audience.add(Audience.CITIZENS);
        }
        Optional<Fee> fee = Optional.empty();
        JsonNode f = node.path("fee");
        if (f.isObject()) {
            long cents = f.path("amountCents").asLong(0);
            String label = f.path("label").asText("").strip();
            if (cents < 1 || cents > 100_000_000L || !f.path("amountCents").isIntegralNumber()) {
                errors.add(new FieldError("fee.amountCents", "Indiquez le montant en centimes d'euro, par exemple "
                        + "1500 pour 15 €."));
            } else if (label.isEmpty()) {
                errors.add(new FieldError("fee.label", "Indiquez ce que paie l'usager."));
            } else {
                fee = Optional.of(new Fee(cents, label));
            }
        }
        int retention = node.path("retentionMonths").asInt(0);
        if (retention < 1 || retention > 1200) {
            errors.add(new FieldError("retentionMonths", "Indiquez la durée de conservation, en mois (1 à 1 200)."));
        }
        String basis = node.path("legalBasis").asText("").strip();
        if (basis.isEmpty()) {
            errors.add(new FieldError("legalBasis", "Indiquez le cadre juridique du traitement (loi, décret, "
                    + "délibération)."));
        }
        String dpo = node.path("dpoContact").asText("").strip();
        if (dpo.isEmpty()) {
            errors.add(new FieldError("dpoContact", "Indiquez comment joindre le délégué à la protection des "
                    + "données."));
        }
        return new ProcedureDetails(audience, ProcedureCodec.texts(node.path("requiredDocuments")), fee, retention,
                basis, dpo);
    }

    private static String text(JsonNode node, String name, int min, int max, String message,
            List<FieldError> errors) {
        String value = node.path(name).asText("").strip();
        if (value.length() < min || value.length() > max) {
            errors.add(new FieldError(name, message));
        }
        return value;
    }

    private static DomainException.InvalidInput invalid(List<FieldError> errors) {
        return new DomainException.InvalidInput("La définition de la démarche est à corriger.", errors);
    }
}
