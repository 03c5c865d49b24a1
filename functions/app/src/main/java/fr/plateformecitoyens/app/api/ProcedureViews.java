package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.forms.FormSchema;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.json.ProcedureCodec;
import fr.plateformecitoyens.core.procedure.Draft;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.procedure.ProcedureAdministration;
import fr.plateformecitoyens.core.procedure.ProcedureDetails;

/** The JSON shapes of démarche administration (docs/openapi.yaml). */
final class ProcedureViews {

    private ProcedureViews() {
    }

    /** Audience, papers, fee, retention, legal basis and DPO, as every form shows them. */
    static void details(ProcedureDetails details, ObjectNode node) {
        ProcedureCodec.writeDetails(details, node);
    }

    static ObjectNode summary(ProcedureAdministration.Summary s) {
        ObjectNode node = Json.object().put("id", s.id()).put("title", s.title());
        if (s.published().isPresent()) {
            node.put("publishedVersion", s.published().getAsInt());
        } else {
            node.putNull("publishedVersion");
        }
        node.put("state", s.published().isPresent() ? "published" : s.versions().isEmpty() ? "draft" : "unpublished");
        ArrayNode versions = node.putArray("versions");
        for (Procedure v : s.versions()) {
            boolean published = s.published().isPresent() && s.published().getAsInt() == v.version();
            versions.addObject().put("version", v.version()).put("title", v.title())
                    .put("state", published ? "published" : "unpublished");
        }
        if (s.draft().isPresent()) {
            node.putObject("draft").put("revision", s.draft().get().revision())
                    .put("updatedAt", s.draft().get().updatedAt().toString());
        } else {
            node.putNull("draft");
        }
        return node;
    }

    /** A definition in the form administrators edit, with the form the citizen will get. */
    static ObjectNode definition(Procedure p) {
        ObjectNode node = Json.object();
        ObjectNode definition = ProcedureCodec.write(p);
        definition.remove("tenantId");
        node.set("definition", definition);
        node.set("form", form(p));
        return node;
    }

    static ObjectNode draft(Draft d) {
        ObjectNode node = definition(d.definition());
        node.put("state", "draft").put("revision", d.revision()).put("updatedAt", d.updatedAt().toString());
        return node;
    }

    static ObjectNode form(Procedure p) {
        ObjectNode form = Json.object();
        form.set("schema", FormSchema.schema(p));
        form.set("ui", FormSchema.uiHints(p));
        return form;
    }

    static String etag(Draft d) {
        return "\"" + d.definition().id() + "-r" + d.revision() + "\"";
    }
}
