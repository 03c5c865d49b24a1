package fr.plateformecitoyens.adapters.forms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.request.HouseholdAndDocuments;
import fr.plateformecitoyens.core.procedure.Field;
import fr.plateformecitoyens.core.procedure.FieldType;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.procedure.Section;
import java.util.List;

/**
 * Turns a démarche's definition into what a browser needs to render and check its form: a JSON Schema
 * (draft 2020-12), the contract the server validates against, and UI hints (labels, widgets, sections,
 * conditions) that a schema cannot carry.
 */
public final class FormSchema {

    /** Phone numbers: digits with the usual separators, an optional leading plus. */
    static final String PHONE_PATTERN = "^\\+?[0-9][0-9 .()-]{5,19}$";
    /** French postcodes: five digits. */
    static final String POSTCODE_PATTERN = "^[0-9]{5}$";
    /** The id of a member of « Mon foyer » ({@code Households}). */
    static final String MEMBER_PATTERN = "^m-[0-9a-f]{12}$";
    /** The id of a granted upload ({@code Uploads}). */
    static final String UPLOAD_PATTERN = "^[A-Za-z0-9_-]{22}$";

    private FormSchema() {
    }

    public static ObjectNode schema(Procedure procedure) {
        ObjectNode schema = Json.object();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "urn:plateforme-citoyens:" + procedure.tenantId() + ":" + procedure.id() + ":v"
                + procedure.version());
        schema.put("title", procedure.title());
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        ArrayNode conditions = Json.array();
        for (Field field : procedure.fields()) {
            properties.set(field.name(), property(field));
            if (field.visibleWhen().isEmpty()) {
                if (field.required()) {
                    required.add(field.name());
                }
                continue;
            }
            var when = field.visibleWhen().get();
            ObjectNode rule = conditions.addObject();
            ObjectNode test = rule.putObject("if");
            ArrayNode values = test.putObject("properties").putObject(when.field()).putArray("enum");
            boolean yesNo = procedure.field(when.field()).map(f -> f.type() == FieldType.YES_NO).orElse(false);
            when.values().forEach(v -> {
                if (yesNo) {
                    values.add(Boolean.parseBoolean(v));
                } else {
                    values.add(v);
                }
            });
            test.putArray("required").add(when.field());
            if (field.required()) {
                rule.putObject("then").putArray("required").add(field.name());
            }
            rule.putObject("else").putObject("properties").put(field.name(), false);
        }
        if (!conditions.isEmpty()) {
            schema.set("allOf", conditions);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode property(Field field) {
        ObjectNode p = Json.object();
        p.put("title", field.label());
        if (field.help() != null) {
            p.put("description", field.help());
        }
        switch (field.type()) {
            case TEXT, LONG_TEXT -> {
                p.put("type", "string");
                p.put("minLength", 1);
                p.put("maxLength", field.effectiveMaxLength());
            }
            case NUMBER -> p.put("type", "number");
            case DATE -> p.put("type", "string").put("format", "date");
            case EMAIL -> p.put("type", "string").put("format", "email").put("maxLength", 254);
            case PHONE -> p.put("type", "string").put("pattern", PHONE_PATTERN);
            case YES_NO -> p.put("type", "boolean");
            case SINGLE_CHOICE -> {
                p.put("type", "string");
                field.choices().forEach(c -> p.withArray("enum").add(c.value()));
            }
            case MULTIPLE_CHOICE -> {
                p.put("type", "array");
                p.put("uniqueItems", true);
                if (field.required()) {
                    p.put("minItems", 1);
                }
                ObjectNode items = p.putObject("items").put("type", "string");
                field.choices().forEach(c -> items.withArray("enum").add(c.value()));
            }
            case ADDRESS -> {
                p.put("type", "object");
                ObjectNode parts = p.putObject("properties");
                parts.putObject("street").put("type", "string").put("title", "Numéro et voie").put("minLength", 1)
                        .put("maxLength", 200);
                parts.putObject("postcode").put("type", "string").put("title", "Code postal")
                        .put("pattern", POSTCODE_PATTERN);
                parts.putObject("city").put("type", "string").put("title", "Commune").put("minLength", 1)
                        .put("maxLength", 100);
                p.putArray("required").add("street").add("postcode").add("city");
                p.put("additionalProperties", false);
            }
            case HOUSEHOLD_MEMBER -> p.put("type", "string").put("pattern", MEMBER_PATTERN);
            case DOCUMENT -> {
                p.put("type", "object");
                ObjectNode parts = p.putObject("properties");
                parts.putObject("uploadId").put("type", "string").put("pattern", UPLOAD_PATTERN);
                parts.putObject("fileName").put("type", "string").put("minLength", 1).put("maxLength", 200);
                p.putArray("required").add("uploadId").add("fileName");
                p.put("additionalProperties", false);
            }
            default -> throw new IllegalArgumentException("unknown field type " + field.type());
        }
        return p;
    }

    /** Labels, widgets, choices with their labels, conditions and sections, keyed by field name. */
    public static ObjectNode uiHints(Procedure procedure) {
        ObjectNode ui = Json.object();
        ArrayNode sections = ui.putArray("sections");
        List<Section> declared = procedure.sections().isEmpty()
                ? List.of(new Section(procedure.title(), procedure.fields().stream().map(Field::name).toList()))
                : procedure.sections();
        for (Section section : declared) {
            ObjectNode s = sections.addObject().put("title", section.title());
            section.fieldNames().forEach(s.putArray("fields")::add);
        }
        ObjectNode fields = ui.putObject("fields");
        for (Field field : procedure.fields()) {
            ObjectNode f = fields.putObject(field.name());
            f.put("label", field.label());
            if (field.help() != null) {
                f.put("help", field.help());
            }
            f.put("widget", widget(field));
            f.put("required", field.required());
            if (!field.choices().isEmpty()) {
                ArrayNode options = f.putArray("options");
                field.choices().forEach(c -> options.addObject().put("value", c.value()).put("label", c.label()));
            }
            field.visibleWhen().ifPresent(c -> {
                ObjectNode when = f.putObject("visibleWhen").put("field", c.field());
                boolean yesNo = procedure.field(c.field()).map(o -> o.type() == FieldType.YES_NO).orElse(false);
                ArrayNode in = when.putArray("in");
                c.values().forEach(v -> {
                    if (yesNo) {
                        in.add(Boolean.parseBoolean(v));
                    } else {
                        in.add(v);
                    }
                });
            });
            switch (field.type()) {
                case EMAIL -> f.put("autocomplete", "email");
                case PHONE -> f.put("autocomplete", "tel");
                case HOUSEHOLD_MEMBER -> f.put("members", field.accept().contains("child") ? "child"
                        : field.accept().contains("adult") ? "adult" : "any");
                case DOCUMENT -> {
                    HouseholdAndDocuments.policy(field).accepted().stream().sorted()
                            .forEach(t -> f.withArray("accept").add(t.mimeType()));
                    f.put("maxBytes", field.effectiveMaxBytes());
                }
                default -> { }
            }
        }
        return ui;
    }

    private static String widget(Field field) {
        return switch (field.type()) {
            case TEXT -> "text";
            case LONG_TEXT -> "textarea";
            case NUMBER -> "number";
            case DATE -> "date";
            case EMAIL -> "email";
            case PHONE -> "tel";
            case YES_NO -> "yesno";
            case SINGLE_CHOICE -> field.choices().size() <= 5 ? "radio" : "select";
            case MULTIPLE_CHOICE -> "checkboxes";
            case ADDRESS -> "address";
            case HOUSEHOLD_MEMBER -> "household";
            case DOCUMENT -> "file";
        };
    }
}
