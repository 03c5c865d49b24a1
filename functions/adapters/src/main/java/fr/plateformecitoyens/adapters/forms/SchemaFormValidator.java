package fr.plateformecitoyens.adapters.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.port.FormValidator;
import fr.plateformecitoyens.core.procedure.Field;
import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates answers against the démarche's JSON Schema with networknt's validator (format assertions
 * on), then words each failure in French for the field it concerns: one message per field, in the
 * order of the form.
 */
public final class SchemaFormValidator implements FormValidator {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    @Override
    public List<FieldError> validate(Procedure procedure, Map<String, Object> data) {
        JsonSchema schema = compiled.computeIfAbsent(
                procedure.tenantId() + '/' + procedure.id() + '/' + procedure.version(),
                key -> FACTORY.getSchema(FormSchema.schema(procedure), CONFIG));
        JsonNode instance = Json.toTree(data);
        Map<String, String> byField = new LinkedHashMap<>();
        for (ValidationMessage message : schema.validate(instance)) {
            String field = fieldOf(message);
            byField.putIfAbsent(field, wording(message, procedure, field));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Field field : procedure.fields()) {
            String text = byField.remove(field.name());
            if (text != null) {
                errors.add(new FieldError(field.name(), text));
            }
        }
        byField.forEach((field, text) -> errors.add(new FieldError(field, text)));
        return errors;
    }

    private static String fieldOf(ValidationMessage message) {
        JsonNodePath location = message.getInstanceLocation();
        String type = message.getType();
        if (location.getNameCount() == 0 && message.getProperty() != null
                && ("required".equals(type) || "additionalProperties".equals(type))) {
            return message.getProperty();
        }
        return location.getNameCount() > 0 ? location.getName(0) : "data";
    }

    private static String wording(ValidationMessage message, Procedure procedure, String fieldName) {
        Field field = procedure.field(fieldName).orElse(null);
        boolean aboutTheAnswer = message.getInstanceLocation().getNameCount() > 0;
        if (aboutTheAnswer && !"false".equals(message.getType())) {
            String special = compositeWording(field, message);
            if (special != null) {
                return special;
            }
        }
        return switch (message.getType()) {
            case "required", "minLength" -> "Ce champ est obligatoire.";
            case "minItems" -> "Choisissez au moins une réponse.";
            case "additionalProperties" -> "Ce champ ne fait pas partie de cette démarche.";
            case "false" -> "Ce champ ne s'applique pas à votre demande : retirez-le.";
            case "enum" -> "Choisissez une des réponses proposées.";
            case "uniqueItems" -> "Chaque réponse ne peut être choisie qu'une fois.";
            case "maxLength" -> "La réponse ne doit pas dépasser "
                    + (field == null ? "la longueur permise" : field.effectiveMaxLength() + " caractères") + ".";
            case "pattern" -> "Saisissez un numéro de téléphone valide, par exemple 01 23 45 67 89.";
            case "format" -> field != null && field.type() == fr.plateformecitoyens.core.procedure.FieldType.EMAIL
                    ? "Saisissez une adresse électronique valide, par exemple nom@exemple.fr."
                    : "Saisissez une date valide, au format AAAA-MM-JJ.";
            case "type" -> typeWording(field);
            default -> "Cette réponse n'est pas valide.";
        };
    }

    /** Messages for the fields whose answer has parts or names something of the citizen's. */
    private static String compositeWording(Field field, ValidationMessage message) {
        if (field == null) {
            return null;
        }
        String location = message.getInstanceLocation().toString();
        return switch (field.type()) {
            case ADDRESS -> location.endsWith("postcode") || "pattern".equals(message.getType())
                    ? "Saisissez un code postal à cinq chiffres, par exemple 37000."
                    : "Indiquez l'adresse complète : numéro et voie, code postal et commune.";
            case HOUSEHOLD_MEMBER -> "Choisissez une personne de votre foyer (« Mon foyer »).";
            case DOCUMENT -> "Joignez le fichier demandé, puis attendez la fin de son envoi.";
            default -> null;
        };
    }

    private static String typeWording(Field field) {
        if (field == null) {
            return "Cette réponse n'est pas du type attendu.";
        }
        return switch (field.type()) {
            case NUMBER -> "Saisissez un nombre.";
            case YES_NO -> "Répondez par oui ou par non.";
            case MULTIPLE_CHOICE -> "Choisissez une ou plusieurs réponses dans la liste.";
            default -> "Saisissez un texte.";
        };
    }
}
