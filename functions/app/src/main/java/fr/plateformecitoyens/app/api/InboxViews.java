package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.inbox.InboxEntry;
import fr.plateformecitoyens.core.inbox.InboxQuery;
import fr.plateformecitoyens.core.inbox.InboxQuery.Assignee;
import fr.plateformecitoyens.core.inbox.InboxQuery.Sort;
import fr.plateformecitoyens.core.inbox.Names;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Instruction;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.request.References;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.AgentMembership.AgentRole;
import fr.plateformecitoyens.core.tenant.HandlingService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox views: the query string of {@code GET /inbox} (and of its CSV export) read into an
 * {@link InboxQuery} the agent may ask for, and each line as JSON. See docs/openapi.yaml for the
 * parameters.
 */
final class InboxViews {

    /** Requests whose implicit decision arises within this many days are flagged as due soon. */
    static final int DUE_SOON_DAYS = 7;
    private static final int MAX_DUE_DAYS = 366;

    private InboxViews() {
    }

    /** A view and what the agent asked to search, once checked. */
    record View(InboxQuery query, Optional<String> reference, String serviceLabel) {
    }

    static View read(Services services, Instruction instruction, ApiRequest request) {
        String tenantId = request.path("tenantId");
        AgentMembership membership = instruction.membership(tenantId, request.subject());
        List<FieldError> errors = new ArrayList<>();
        Assignee assignee = assignee(request, errors);
        Optional<String> serviceId = request.query("service");
        if (serviceId.isEmpty() && assignee.kind() != Assignee.Kind.AGENT) {
            serviceId = Optional.of(defaultService(services, membership));
        }
        if (serviceId.isPresent()) {
            if (!membership.handles(serviceId.get())) {
                throw new DomainException.Forbidden("Ce service n'est pas le vôtre.");
            }
            if (services.tenants().service(tenantId, serviceId.get()).isEmpty()) {
                throw new DomainException.NotFound("Cette collectivité n'a pas de service « " + serviceId.get()
                        + " ».");
            }
        }
        String state = request.query("state").orElse("open");
        if (!state.equals("open") && !state.equals("done")) {
            errors.add(new FieldError("state", "Choisissez « open » ou « done »."));
        }
        boolean open = !state.equals("done");
        Set<RequestStatus> statuses = statuses(request, open, errors);
        Optional<Channel> channel = request.query("channel").flatMap(c -> channel(c, errors));
        Optional<LocalDate> dueBy = request.query("due").flatMap(d -> due(services, d, errors));
        Sort sort = sort(request.query("sort").orElse(open ? "received" : "-received"), errors);
        if (!open && (dueBy.isPresent() || sort == Sort.DUE)) {
            errors.add(new FieldError("due", "Les demandes terminées n'ont plus d'échéance."));
        }
        Optional<String> reference = Optional.empty();
        Optional<String> name = Optional.empty();
        Optional<String> q = request.query("q").map(String::strip);
        if (q.isPresent()) {
            String upper = q.get().toUpperCase(java.util.Locale.ROOT);
            if (References.isWellFormed(upper)) {
                reference = Optional.of(upper);
            } else if (Names.normalise(q.get()).length() >= Names.PARTITION_LETTERS) {
                name = Optional.of(Names.normalise(q.get()));
            } else {
                errors.add(new FieldError("q", "Saisissez une référence (par exemple 2026-K7Q4-M2XH) ou au moins "
                        + "deux lettres du nom de famille."));
            }
            if (name.isPresent() && serviceId.isEmpty()) {
                errors.add(new FieldError("service", "Choisissez le service où chercher ce nom."));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("Certains filtres ne sont pas valides.", errors);
        }
        Set<String> visible = membership.role() == AgentRole.ADMIN ? Set.of() : Set.copyOf(membership.serviceIds());
        InboxQuery query = new InboxQuery(tenantId, serviceId, visible, open, statuses,
                request.query("procedure"), channel, dueBy, assignee, sort, name);
        return new View(query, reference, serviceId.orElse(null));
    }

    /** One page of the view: a search by reference is one GetItem, anything else one index Query. */
    static Page<InboxEntry> page(Services services, Instruction instruction, View view, ApiRequest request,
            Optional<String> cursor, int limit) {
        if (view.reference().isPresent()) {
            try {
                CitizenRequest found = instruction.read(view.query().tenantId(), view.reference().get(),
                        request.subject());
                return new Page<>(List.of(entry(found)), Optional.empty());
            } catch (DomainException.NotFound | DomainException.Forbidden e) {
                return new Page<>(List.of(), Optional.empty());
            }
        }
        return services.inbox().page(view.query(), cursor, limit);
    }

    static ObjectNode line(InboxEntry e, LocalDate today) {
        ObjectNode node = Json.object().put("reference", e.reference()).put("tenantId", e.tenantId())
                .put("serviceId", e.serviceId()).put("procedureId", e.procedureId())
                .put("procedureTitle", e.procedureTitle()).put("status", e.status().code())
                .put("statusLabel", e.status().label()).put("channel", e.channel().code())
                .put("receivedAt", e.receivedAt().toString()).put("updatedAt", e.updatedAt().toString())
                .put("implicitDecisionDate", e.implicitDecisionDate().map(LocalDate::toString).orElse(null))
                .put("citizenName", e.citizenName()).put("assigneeId", e.assigneeId().orElse(null))
                .put("etag", "\"" + e.reference() + "-v" + e.version() + "\"");
        node.put("dueSoon", e.status().clockRuns() && e.implicitDecisionDate()
                .map(d -> !d.isAfter(today.plusDays(DUE_SOON_DAYS))).orElse(false));
        return node;
    }

    static ObjectNode page(Page<InboxEntry> page, LocalDate today) {
        ObjectNode node = Json.object();
        ArrayNode items = node.putArray("items");
        page.items().forEach(e -> items.add(line(e, today)));
        node.put("nextCursor", page.nextCursor().orElse(null));
        return node;
    }

    static InboxEntry entry(CitizenRequest r) {
        return new InboxEntry(r.tenantId(), r.reference(), r.serviceId(), r.procedureId(), r.procedureTitle(),
                r.status(), r.channel(), r.receivedAt(), r.updatedAt(), r.implicitDecisionDate(),
                r.applicant().givenName() == null ? "" : r.applicant().givenName(),
                r.applicant().familyName() == null ? "" : r.applicant().familyName(), r.assigneeId(), r.version());
    }

    static LocalDate today(Services services) {
        return DecisionClock.dayOf(services.clock().instant());
    }

    private static String defaultService(Services services, AgentMembership membership) {
        if (!membership.serviceIds().isEmpty()) {
            return membership.serviceIds().get(0);
        }
        return services.tenants().services(membership.tenantId()).stream().map(HandlingService::id).findFirst()
                .orElseThrow(() -> new DomainException.NotFound("Cette collectivité n'a encore aucun service."));
    }

    private static Assignee assignee(ApiRequest request, List<FieldError> errors) {
        Optional<String> value = request.query("assignee");
        if (value.isEmpty()) {
            return Assignee.ANY;
        }
        return switch (value.get()) {
            case "me" -> Assignee.agent(request.subject());
            case "unassigned" -> Assignee.NOBODY;
            default -> {
                if (!value.get().matches("[A-Za-z0-9-]{1,64}")) {
                    errors.add(new FieldError("assignee",
                            "Choisissez « me », « unassigned » ou l'identifiant d'un agent."));
                }
                yield Assignee.agent(value.get());
            }
        };
    }

    private static Set<RequestStatus> statuses(ApiRequest request, boolean open, List<FieldError> errors) {
        Set<RequestStatus> statuses = new HashSet<>();
        for (String code : request.query("status").map(s -> s.split(",")).orElse(new String[0])) {
            try {
                RequestStatus status = RequestStatus.fromCode(code.strip());
                if (status.isFinal() == open) {
                    errors.add(new FieldError("status", "Le statut « " + code.strip()
                            + " » n'est pas de ce côté de la liste (state)."));
                }
                statuses.add(status);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "Statut inconnu : « " + code.strip() + " »."));
            }
        }
        return statuses;
    }

    private static Optional<Channel> channel(String code, List<FieldError> errors) {
        try {
            return Optional.of(Channel.fromCode(code));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("channel", "Choisissez web, counter, phone ou post."));
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> due(Services services, String days, List<FieldError> errors) {
        try {
            int n = Integer.parseInt(days);
            if (n >= 0 && n <= MAX_DUE_DAYS) {
                return Optional.of(today(services).plusDays(n));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("due", "Indiquez un nombre de jours entre 0 et " + MAX_DUE_DAYS + "."));
        return Optional.empty();
    }

    private static Sort sort(String value, List<FieldError> errors) {
        return switch (value) {
            case "received" -> Sort.RECEIVED_ASC;
            case "-received" -> Sort.RECEIVED_DESC;
            case "due" -> Sort.DUE;
            default -> {
                errors.add(new FieldError("sort", "Choisissez « received », « -received » ou « due »."));
                yield Sort.RECEIVED_ASC;
            }
        };
    }
}
