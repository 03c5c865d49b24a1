package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.forms.FormSchema;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.legal.Acknowledgement;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.time.LocalDate;
import java.util.function.Function;

/** The JSON shapes of the API (docs/openapi.yaml), built from domain values. */
public final class Views {

    private Views() {
    }

    public static ObjectNode tenant(Tenant t) {
        ObjectNode node = Json.object().put("id", t.id()).put("name", t.name()).put("kind", t.kind().code())
                .put("inseeCode", t.inseeCode());
        ObjectNode territory = node.putObject("territory");
        territory.putObject("centre").put("lat", t.territory().centreLat()).put("long", t.territory().centreLong());
        territory.putArray("bbox").add(t.territory().minLong()).add(t.territory().minLat())
                .add(t.territory().maxLong()).add(t.territory().maxLat());
        return node;
    }

    public static ObjectNode procedure(Procedure p, HandlingService service) {
        ObjectNode node = Json.object().put("id", p.id()).put("version", p.version()).put("title", p.title())
                .put("description", p.description()).put("category", p.category());
        node.putObject("regime").put("kind", p.regime().rule().name()).put("period", p.regime().period())
                .put("unit", p.regime().unit().code()).put("label", p.regime().label())
                .put("legalBasis", p.regime().legalBasis())
                .put("restartsOnCorrection", p.regime().restartsOnCorrection());
        ProcedureViews.details(p.details(), node);
        ObjectNode s = node.putObject("service").put("id", p.serviceId());
        if (service != null) {
            s.put("name", service.name());
        }
        ObjectNode form = node.putObject("form");
        form.set("schema", FormSchema.schema(p));
        form.set("ui", FormSchema.uiHints(p));
        return node;
    }

    public static ObjectNode acknowledgement(Acknowledgement a) {
        ObjectNode node = Json.object().put("receivedAt", a.receivedAt().toString());
        node.putObject("service").put("name", a.service().name()).put("address", a.service().address())
                .put("phone", a.service().phone()).put("email", a.service().email());
        node.put("regime", a.rule().name());
        node.put("periodMonths", a.periodMonths());
        node.put("periodUnit", a.periodUnit().code());
        node.put("implicitDecisionDate", a.implicitDecisionDate().map(LocalDate::toString).orElse(null));
        node.put("legalBasis", a.legalBasis());
        a.mentions().forEach(node.putArray("mentions")::add);
        node.put("issuedAt", a.issuedAt().toString());
        return node;
    }

    /** What a list shows of a request. */
    public static ObjectNode summary(CitizenRequest r, String tenantName) {
        ObjectNode node = Json.object().put("reference", r.reference()).put("tenantId", r.tenantId());
        if (tenantName != null) {
            node.put("tenantName", tenantName);
        }
        node.put("procedureId", r.procedureId()).put("procedureTitle", r.procedureTitle())
                .put("status", r.status().code()).put("statusLabel", r.status().label())
                .put("channel", r.channel().code())
                .put("receivedAt", r.receivedAt().toString()).put("updatedAt", r.updatedAt().toString())
                .put("implicitDecisionDate", r.implicitDecisionDate().map(LocalDate::toString).orElse(null));
        return node;
    }

    /** Everything a citizen may see of their request. */
    public static ObjectNode detail(CitizenRequest r, String tenantName) {
        ObjectNode node = summary(r, tenantName);
        node.put("procedureVersion", r.procedureVersion());
        node.set("data", Json.toTree(r.data()));
        node.set("acknowledgement", acknowledgement(r.acknowledgement()));
        ArrayNode timeline = node.putArray("timeline");
        Transition decision = null;
        for (Transition t : r.history()) {
            if (t.keepsStatus()) {
                continue;
            }
            timeline.addObject().put("at", t.at().toString()).put("status", t.to().code())
                    .put("statusLabel", t.to().label()).put("note", t.note().isEmpty() ? null : t.note());
            if (t.to().isFinal()) {
                decision = t;
            }
        }
        if (decision == null) {
            node.putNull("decision");
        } else {
            node.putObject("decision").put("status", decision.to().code()).put("at", decision.at().toString())
                    .put("note", decision.note().isEmpty() ? null : decision.note());
        }
        return node;
    }

    /** Everything an agent sees: the citizen's view plus who the applicant is and what can be done next. */
    public static ObjectNode forAgent(CitizenRequest r, String tenantName) {
        ObjectNode node = detail(r, tenantName);
        node.put("serviceId", r.serviceId());
        node.put("version", r.version());
        node.put("assigneeId", r.assigneeId().orElse(null));
        node.putObject("citizen").put("name", r.applicant().displayName()).put("email", r.applicant().email());
        ArrayNode allowed = node.putArray("allowedTransitions");
        for (RequestStatus next : RequestStatus.values()) {
            if (r.status().agentTargets().contains(next)) {
                allowed.add(next.code());
            }
        }
        r.filedBy().ifPresent(f -> {
            ObjectNode filed = node.putObject("filedBy").put("agentId", f.agentId()).put("agentName", f.agentName())
                    .put("letterArrivedOn", f.letterArrivedOn().map(LocalDate::toString).orElse(null));
            f.letter().ifPresent(l -> filed.putObject("letter").put("fileName", l.fileName())
                    .put("contentType", l.contentType()).put("size", l.size()));
        });
        ArrayNode history = node.putArray("history");
        r.history().forEach(t -> history.addObject().put("at", t.at().toString()).put("actor", t.actorId())
                .put("from", t.from() == null ? null : t.from().code()).put("to", t.to().code())
                .put("note", t.note()));
        return node;
    }

    public static <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> view) {
        ObjectNode node = Json.object();
        ArrayNode items = node.putArray("items");
        page.items().forEach(item -> items.add(view.apply(item)));
        node.put("nextCursor", page.nextCursor().orElse(null));
        return node;
    }

    public static String etag(CitizenRequest r) {
        return "\"" + r.reference() + "-v" + r.version() + "\"";
    }
}
