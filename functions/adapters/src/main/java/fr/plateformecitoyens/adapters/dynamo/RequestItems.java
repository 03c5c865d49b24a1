package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.n;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.number;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.optionalString;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.string;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.legal.Acknowledgement;
import fr.plateformecitoyens.core.procedure.PeriodUnit;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.FiledBy;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import fr.plateformecitoyens.core.tenant.HandlingService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a request to its item and back. The answers, the acknowledgement and the history are stored as
 * JSON documents: they are read whole and never queried. The index keys follow {@link Keys}.
 */
public final class RequestItems {

    private RequestItems() {
    }

    public static Map<String, AttributeValue> toItem(CitizenRequest r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.request(r.reference())));
        item.put(Keys.SK, s("REQUEST"));
        item.put("gsi1pk", s(Keys.citizen(r.applicant().id())));
        item.put("gsi1sk", s(r.receivedAt() + "#" + r.tenantId() + "#" + r.reference()));
        item.put("gsi2pk", s(Keys.inbox(r.tenantId(), r.serviceId(), !r.status().isFinal())));
        item.put("gsi2sk", s(r.receivedAt() + "#" + r.reference()));
        if (r.status().clockRuns() && r.implicitDecisionDate().isPresent()) {
            item.put("gsi3pk", s(Keys.due(r.implicitDecisionDate().get())));
            item.put("gsi3sk", s(r.tenantId() + "#" + r.reference()));
        }
        InboxKeys.put(item, r);
        item.put("tenantId", s(r.tenantId()));
        item.put("reference", s(r.reference()));
        item.put("procedureId", s(r.procedureId()));
        item.put("procedureVersion", n(r.procedureVersion()));
        item.put("procedureTitle", s(r.procedureTitle()));
        item.put("serviceId", s(r.serviceId()));
        item.put("applicantId", s(r.applicant().id()));
        item.put("applicantGivenName", s(r.applicant().givenName()));
        item.put("applicantFamilyName", s(r.applicant().familyName()));
        item.put("applicantEmail", s(r.applicant().email() == null ? "" : r.applicant().email()));
        item.put("channel", s(r.channel().code()));
        item.put("status", s(r.status().code()));
        item.put("receivedAt", s(r.receivedAt().toString()));
        item.put("updatedAt", s(r.updatedAt().toString()));
        item.put("implicitDecisionDate", s(r.implicitDecisionDate().map(LocalDate::toString).orElse("")));
        item.put("data", s(Json.write(r.data())));
        item.put("acknowledgement", s(Json.write(acknowledgement(r.acknowledgement()))));
        item.put("history", s(Json.write(history(r.history()))));
        item.put("version", n(r.version()));
        item.put("fingerprint", s(r.fingerprint()));
        r.filedBy().ifPresent(f -> item.put("filedBy", s(Json.write(filedBy(f)))));
        r.assigneeId().ifPresent(a -> item.put("assigneeId", s(a)));
        return item;
    }

    static CitizenRequest fromItem(Map<String, AttributeValue> item) {
        Applicant applicant = new Applicant(string(item, "applicantId"), string(item, "applicantGivenName"),
                string(item, "applicantFamilyName"), optionalString(item, "applicantEmail").orElse(null));
        return new CitizenRequest(string(item, "tenantId"), string(item, "reference"), string(item, "procedureId"),
                (int) number(item, "procedureVersion"), string(item, "procedureTitle"), string(item, "serviceId"),
                applicant, Channel.fromCode(string(item, "channel")), Json.toMap(Json.parse(string(item, "data"))),
                RequestStatus.fromCode(string(item, "status")), Instant.parse(string(item, "receivedAt")),
                Instant.parse(string(item, "updatedAt")),
                acknowledgement(Json.parse(string(item, "acknowledgement"))),
                optionalString(item, "implicitDecisionDate").map(LocalDate::parse),
                history(Json.parse(string(item, "history"))), number(item, "version"), string(item, "fingerprint"),
                optionalString(item, "filedBy").map(text -> filedBy(Json.parse(text))),
                optionalString(item, "assigneeId"));
    }

    private static ObjectNode filedBy(FiledBy f) {
        ObjectNode node = Json.object().put("agentId", f.agentId()).put("agentName", f.agentName())
                .put("letterArrivedOn", f.letterArrivedOn().map(LocalDate::toString).orElse(null));
        f.letter().ifPresent(l -> node.putObject("letter").put("key", l.key()).put("fileName", l.fileName())
                .put("contentType", l.contentType()).put("size", l.size()));
        return node;
    }

    private static FiledBy filedBy(JsonNode n) {
        JsonNode letter = n.path("letter");
        return new FiledBy(n.path("agentId").asText(), n.path("agentName").asText(),
                Optional.ofNullable(n.path("letterArrivedOn").textValue()).map(LocalDate::parse),
                letter.isObject() ? Optional.of(new DocumentRef(letter.path("key").asText(),
                        letter.path("fileName").asText(), letter.path("contentType").asText(),
                        letter.path("size").asLong())) : Optional.empty());
    }

    private static ObjectNode acknowledgement(Acknowledgement a) {
        ObjectNode node = Json.object();
        node.put("receivedAt", a.receivedAt().toString());
        ObjectNode service = node.putObject("service");
        service.put("tenantId", a.service().tenantId()).put("id", a.service().id()).put("name", a.service().name())
                .put("address", a.service().address()).put("phone", a.service().phone())
                .put("email", a.service().email());
        node.put("rule", a.rule().name());
        node.put("periodMonths", a.periodMonths());
        node.put("periodUnit", a.periodUnit().code());
        node.put("implicitDecisionDate", a.implicitDecisionDate().map(LocalDate::toString).orElse(null));
        node.put("legalBasis", a.legalBasis());
        a.mentions().forEach(node.putArray("mentions")::add);
        node.put("issuedAt", a.issuedAt().toString());
        return node;
    }

    private static Acknowledgement acknowledgement(JsonNode n) {
        JsonNode s = n.path("service");
        HandlingService service = new HandlingService(s.path("tenantId").asText(), s.path("id").asText(),
                s.path("name").asText(), s.path("address").asText(), s.path("phone").asText(),
                s.path("email").asText());
        List<String> mentions = new ArrayList<>();
        n.path("mentions").forEach(m -> mentions.add(m.asText()));
        return new Acknowledgement(Instant.parse(n.path("receivedAt").asText()), service,
                SilenceRule.valueOf(n.path("rule").asText()), n.path("periodMonths").asInt(),
                Optional.ofNullable(n.path("implicitDecisionDate").textValue()).map(LocalDate::parse),
                n.path("legalBasis").asText(), mentions, Instant.parse(n.path("issuedAt").asText()),
                PeriodUnit.fromCode(n.path("periodUnit").asText("months")));
    }

    private static ArrayNode history(List<Transition> transitions) {
        ArrayNode array = Json.array();
        for (Transition t : transitions) {
            ObjectNode node = array.addObject();
            node.put("at", t.at().toString());
            node.put("actor", t.actorId());
            node.put("from", t.from() == null ? null : t.from().code());
            node.put("to", t.to().code());
            node.put("note", t.note());
            t.document().ifPresent(d -> node.putObject("document").put("key", d.key()).put("fileName", d.fileName())
                    .put("contentType", d.contentType()).put("size", d.size()));
        }
        return array;
    }

    private static List<Transition> history(JsonNode array) {
        List<Transition> transitions = new ArrayList<>();
        for (JsonNode node : array) {
            String from = node.path("from").textValue();
            transitions.add(new Transition(Instant.parse(node.path("at").asText()), node.path("actor").asText(),
                    from == null ? null : RequestStatus.fromCode(from),
                            RequestStatus.fromCode(node.path("to").asText()),
                    node.path("note").asText(), document(node.path("document"))));
        }
        return transitions;
    }

    private static Optional<DocumentRef> document(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new DocumentRef(node.path("key").asText(), node.path("fileName").asText(),
                node.path("contentType").asText(), node.path("size").asLong()));
    }
}
