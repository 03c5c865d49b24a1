package fr.plateformecitoyens.core.procedure;

import fr.plateformecitoyens.core.document.FileType;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a démarche's definition sound, each fault worded in French for the administrator who wrote it,
 * at the place in the definition it concerns ({@code fields[2].visibleWhen}, {@code sections[0].fields}).
 * A definition with a fault is never stored as a version.
 */
public final class DefinitionRules {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,49}");
    private static final Set<String> HOUSEHOLD_FILTERS = Set.of("child", "adult");

    private DefinitionRules() {
    }

    /** Every fault of these fields and sections; empty when they are sound. */
    public static List<FieldError> problems(List<Field> fields, List<Section> sections) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Field> byName = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            String at = "fields[" + i + "]";
            if (field.name() == null || !NAME.matcher(field.name()).matches()) {
                errors.add(new FieldError(at + ".name", "L'identifiant commence par une lettre, puis lettres, "
                        + "chiffres ou _, 50 caractères au plus."));
            } else if (byName.putIfAbsent(field.name(), field) != null) {
                errors.add(new FieldError(at + ".name", "L'identifiant « " + field.name()
                        + " » est déjà celui d'un autre champ."));
            }
            if (field.label() == null || field.label().isBlank() || field.label().length() > 300) {
                errors.add(new FieldError(at + ".label", "Indiquez le libellé du champ (300 caractères au plus)."));
            }
            errors.addAll(typeProblems(field, at));
        }
        for (int i = 0; i < fields.size(); i++) {
            conditionProblem(fields.get(i), byName, "fields[" + i + "].visibleWhen", errors);
        }
        errors.addAll(cycles(fields, byName));
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            if (section.title() == null || section.title().isBlank()) {
                errors.add(new FieldError("sections[" + i + "].title", "Indiquez le titre de la section."));
            }
            for (String name : section.fieldNames()) {
                if (!byName.containsKey(name)) {
                    errors.add(new FieldError("sections[" + i + "].fields", "La section cite un champ inconnu : « "
                            + name + " »."));
                } else if (!placed.add(name)) {
                    errors.add(new FieldError("sections[" + i + "].fields", "Le champ « " + name
                            + " » figure déjà dans une autre section."));
                }
            }
        }
        return errors;
    }

    private static List<FieldError> typeProblems(Field field, String at) {
        List<FieldError> errors = new ArrayList<>();
        if (field.type() == null) {
            errors.add(new FieldError(at + ".type", "Choisissez le type du champ."));
            return errors;
        }
        if (field.isChoice()) {
            Set<String> values = new HashSet<>();
            if (field.choices().isEmpty()) {
                errors.add(new FieldError(at + ".choices", "Proposez au moins une réponse."));
            }
            for (Choice choice : field.choices()) {
                if (choice.value() == null || choice.value().isBlank() || choice.label() == null
                        || choice.label().isBlank() || !values.add(choice.value())) {
                    errors.add(new FieldError(at + ".choices", "Chaque réponse a une valeur unique et un libellé."));
                    break;
                }
            }
        } else if (!field.choices().isEmpty()) {
            errors.add(new FieldError(at + ".choices", "Seuls les champs à choix proposent des réponses."));
        }
        if (field.type() == FieldType.DOCUMENT) {
            for (String type : field.accept()) {
                if (FileType.ofMimeType(type).isEmpty()) {
                    errors.add(new FieldError(at + ".accept", "Type de fichier inconnu : « " + type
                            + " » (acceptés : application/pdf, image/jpeg, image/png, image/webp)."));
                }
            }
            if (field.maxBytes() < 0 || field.maxBytes() > Field.DEFAULT_MAX_BYTES) {
                errors.add(new FieldError(at + ".maxBytes", "La taille maximale va de 1 octet à 10 Mo."));
            }
        } else if (field.type() == FieldType.HOUSEHOLD_MEMBER) {
            if (!HOUSEHOLD_FILTERS.containsAll(field.accept())) {
                errors.add(new FieldError(at + ".accept", "Indiquez « child » (un enfant) ou « adult » (un adulte)."));
            }
        } else if (!field.accept().isEmpty()) {
            errors.add(new FieldError(at + ".accept", "Seuls les pièces justificatives et les membres du foyer "
                    + "ont des types acceptés."));
        }
        if (field.maxLength() < 0 || field.maxLength() > 10_000) {
            errors.add(new FieldError(at + ".maxLength", "La longueur maximale va de 1 à 10 000 caractères."));
        }
        return errors;
    }

    private static void conditionProblem(Field field, Map<String, Field> byName, String at, List<FieldError> errors) {
        if (field.visibleWhen().isEmpty()) {
            return;
        }
        Condition condition = field.visibleWhen().get();
        Field other = byName.get(condition.field());
        if (other == null) {
            errors.add(new FieldError(at, "La condition cite un champ inconnu : « " + condition.field() + " »."));
        } else if (other == field) {
            errors.add(new FieldError(at, "Un champ ne peut pas dépendre de lui-même."));
        } else if (other.type() != FieldType.SINGLE_CHOICE && other.type() != FieldType.YES_NO) {
            errors.add(new FieldError(at, "Une condition porte sur un champ à choix unique ou oui/non."));
        } else if (condition.values().isEmpty()) {
            errors.add(new FieldError(at, "Indiquez au moins une réponse qui fait apparaître le champ."));
        } else {
            Set<String> allowed = new HashSet<>();
            if (other.type() == FieldType.YES_NO) {
                allowed.addAll(List.of("true", "false"));
            } else {
                other.choices().forEach(c -> allowed.add(c.value()));
            }
            if (!allowed.containsAll(condition.values())) {
                errors.add(new FieldError(at, "La condition attend une réponse que le champ « " + other.name()
                        + " » ne propose pas."));
            }
        }
    }

    /** Conditions that lead back to where they start: a field would be shown only if it were already shown. */
    private static List<FieldError> cycles(List<Field> fields, Map<String, Field> byName) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            Field start = fields.get(i);
            Set<String> path = new LinkedHashSet<>();
            Field current = start;
            while (current != null && current.visibleWhen().isPresent() && path.add(current.name())) {
                current = byName.get(current.visibleWhen().get().field());
            }
            if (current != null && current.name().equals(start.name()) && path.size() > 1
                    && reported.add(String.join(",", new java.util.TreeSet<>(path)))) {
                errors.add(new FieldError("fields[" + i + "].visibleWhen", "Les conditions forment une boucle : "
                        + String.join(" → ", path) + " → " + start.name() + "."));
            }
        }
        return errors;
    }
}
