package fr.plateformecitoyens.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.core.procedure.Audience;
import fr.plateformecitoyens.core.procedure.Choice;
import fr.plateformecitoyens.core.procedure.Condition;
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
 * Reads and writes a démarche's definition as JSON: the form in which definitions are stored, seeded
 * and, later, edited by administrators.
 */
public final class ProcedureCodec {

    private ProcedureCodec() {
    }

    public static ObjectNode write(Procedure procedure) {
        ObjectNode node = Json.object();
        node.put("tenantId", procedure.tenantId());
        node.put("id", procedure.id());
        node.put("version", procedure.version());
        node.put("title", procedure.title());
        node.put("description", procedure.description());
        node.put("category", procedure.category());
        node.put("serviceId", procedure.serviceId());
        ObjectNode regime = node.putObject("regime");
        regime.put("rule", procedure.regime().rule().name());
        regime.put("periodMonths", procedure.regime().periodMonths());
        regime.put("restartsOnCorrection", procedure.regime().restartsOnCorrection());
        regime.put("legalBasis", procedure.regime().legalBasis());
        regime.put("period", procedure.regime().period());
        regime.put("unit", procedure.regime().unit().code());
        ArrayNode fields = node.putArray("fields");
        for (Field field : procedure.fields()) {
            ObjectNode f = fields.addObject();
            f.put("name", field.name());
            f.put("label", field.label());
            if (field.help() != null) {
                f.put("help", field.help());
            }
            f.put("type", field.type().name().toLowerCase(Locale.ROOT));
            f.put("required", field.required());
            if (field.maxLength() > 0) {
                f.put("maxLength", field.maxLength());
            }
            if (!field.choices().isEmpty()) {
                ArrayNode choices = f.putArray("choices");
                field.choices().forEach(c -> choices.addObject().put("value", c.value()).put("label", c.label()));
            }
            field.visibleWhen().ifPresent(c -> {
                ObjectNode when = f.putObject("visibleWhen");
                when.put("field", c.field());
                c.values().forEach(when.putArray("in")::add);
            });
            if (!field.accept().isEmpty()) {
                field.accept().forEach(f.putArray("accept")::add);
            }
            if (field.maxBytes() > 0) {
                f.put("maxBytes", field.maxBytes());
            }
        }
        ArrayNode sections = node.putArray("sections");
        for (Section section : procedure.sections()) {
            ObjectNode s = sections.addObject();
            s.put("title", section.title());
            section.fieldNames().forEach(s.putArray("fields")::add);
        }
        writeDetails(procedure.details(), node);
        return node;
    }

    /** Audience, papers, fee, retention, legal basis and DPO, as the definition stores and every form shows them. */
    public static void writeDetails(ProcedureDetails details, ObjectNode node) {
        ArrayNode audience = node.putArray("audience");
        details.audience().forEach(a -> audience.add(a.code()));
        details.requiredDocuments().forEach(node.putArray("requiredDocuments")::add);
        if (details.fee().isPresent()) {
            node.putObject("fee").put("amountCents", details.fee().get().amountCents())
                    .put("label", details.fee().get().label());
        } else {
            node.putNull("fee");
        }
        node.put("retentionMonths", details.retentionMonths());
        node.put("legalBasis", details.legalBasis());
        node.put("dpoContact", details.dpoContact());
    }

    /** The details of a stored definition; definitions stored before they existed get the defaults. */
    static ProcedureDetails readDetails(JsonNode node) {
        if (!node.has("retentionMonths")) {
            return ProcedureDetails.DEFAULT;
        }
        List<Audience> audience = new ArrayList<>();
        node.path("audience").forEach(a -> audience.add(Audience.valueOf(a.asText().toUpperCase(Locale.ROOT))));
        List<String> documents = new ArrayList<>();
        node.path("requiredDocuments").forEach(d -> documents.add(d.asText()));
        JsonNode fee = node.path("fee");
        return new ProcedureDetails(audience, documents, fee.isObject()
                ? Optional.of(new Fee(fee.path("amountCents").asLong(), fee.path("label").asText()))
                : Optional.empty(), node.path("retentionMonths").asInt(), node.path("legalBasis").asText(""),
                node.path("dpoContact").asText(""));
    }

    public static Procedure read(JsonNode node) {
        JsonNode r = node.path("regime");
        LegalRegime regime = new LegalRegime(SilenceRule.valueOf(r.path("rule").asText()),
                r.path("period").asInt(r.path("periodMonths").asInt()), r.path("restartsOnCorrection").asBoolean(),
                r.path("legalBasis").asText(), PeriodUnit.fromCode(r.path("unit").asText("months")));
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : node.path("fields")) {
            List<Choice> choices = new ArrayList<>();
            f.path("choices").forEach(c -> choices.add(new Choice(c.path("value").asText(), c.path("label").asText())));
            Optional<Condition> when = Optional.empty();
            if (f.has("visibleWhen")) {
                List<String> values = new ArrayList<>();
                f.path("visibleWhen").path("in").forEach(v -> values.add(v.asText()));
                when = Optional.of(new Condition(f.path("visibleWhen").path("field").asText(), values));
            }
            fields.add(new Field(f.path("name").asText(), f.path("label").asText(),
                    f.hasNonNull("help") ? f.get("help").asText() : null,
                    FieldType.valueOf(f.path("type").asText().toUpperCase(Locale.ROOT)), f.path("required").asBoolean(),
                    choices, f.path("maxLength").asInt(0), when, texts(f.path("accept")),
                    f.path("maxBytes").asLong(0)));
        }
        List<Section> sections = new ArrayList<>();
        for (JsonNode s : node.path("sections")) {
            List<String> names = new ArrayList<>();
            s.path("fields").forEach(n -> names.add(n.asText()));
            sections.add(new Section(s.path("title").asText(), names));
        }
        return new Procedure(node.path("tenantId").asText(), node.path("id").asText(), node.path("version").asInt(),
                node.path("title").asText(), node.path("description").asText(), node.path("category").asText(),
                node.path("serviceId").asText(), regime, fields, sections, readDetails(node));
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
