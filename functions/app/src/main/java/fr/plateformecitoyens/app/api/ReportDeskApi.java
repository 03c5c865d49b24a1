package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.procedure.DefaultCatalogue;
import fr.plateformecitoyens.core.report.ApiKey;
import fr.plateformecitoyens.core.report.ApiKeys;
import fr.plateformecitoyens.core.report.Report;
import fr.plateformecitoyens.core.report.ReportStatus;
import fr.plateformecitoyens.core.report.ReportStore;
import fr.plateformecitoyens.core.report.Reports;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.SubmitRequest;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agents' side of reports: the list of their services' reports with filters, one report, its
 * assignment, its status with a public note, its escalation into a démarche request; and, for the
 * tenant's administrators, the Open311 keys of client applications.
 */
public final class ReportDeskApi {

    private static final int MAX_BODY = 16 * 1024;
    private static final String BASE = "/api/v1/tenants/{tenantId}/agent-reports";

    private final Services services;

    private ReportDeskApi(Services services) {
        this.services = services;
    }

    public static ApiFunction function(Services services) {
        ReportDeskApi api = new ReportDeskApi(services);
        return new ApiFunction("reportDeskApi", Map.of(
                "GET " + BASE, api::list,
                "GET " + BASE + "/{reportId}", api::read,
                "POST " + BASE + "/{reportId}/status", api::changeStatus,
                "POST " + BASE + "/{reportId}/assignment", api::assign,
                "POST " + BASE + "/{reportId}/escalation", api::escalate,
                "GET /api/v1/tenants/{tenantId}/open311-keys", api::keys,
                "POST /api/v1/tenants/{tenantId}/open311-keys", api::createKey,
                "DELETE /api/v1/tenants/{tenantId}/open311-keys/{keyId}", api::revokeKey));
    }

    private ApiResponse list(ApiRequest request) {
        String tenantId = request.path("tenantId");
        AgentMembership membership = services.reports().membership(tenantId, request.subject());
        Optional<ReportStatus> status = request.query("status").map(code -> {
            try {
                return ReportStatus.fromCode(code);
            } catch (IllegalArgumentException e) {
                throw new DomainException.InvalidInput("Filtre inconnu.", List.of(new FieldError("status",
                        "Choisissez un statut parmi new, acknowledged, in_progress, resolved, rejected.")));
            }
        });
        String state = request.query("state").orElse(status.map(s -> s.open() ? "open" : "closed").orElse("open"));
        if (!state.equals("open") && !state.equals("closed")
                || status.isPresent() && status.get().open() != state.equals("open")) {
            throw new DomainException.InvalidInput("Filtre inconnu.", List.of(new FieldError("state",
                    "Choisissez « open » ou « closed », en accord avec le statut demandé.")));
        }
        int olderThanDays = request.intQuery("olderThanDays", 0);
        if (olderThanDays < 0 || olderThanDays > 3650) {
            throw new DomainException.InvalidInput("Filtre inconnu.", List.of(new FieldError("olderThanDays",
                    "Indiquez un nombre de jours entre 0 et 3650.")));
        }
        Optional<Instant> to = olderThanDays == 0 ? Optional.empty()
                : Optional.of(services.clock().instant().minus(Duration.ofDays(olderThanDays)));
        Set<String> serviceIds = membership.role() == AgentMembership.AgentRole.ADMIN ? Set.of()
                : Set.copyOf(membership.serviceIds());
        if (membership.role() != AgentMembership.AgentRole.ADMIN && serviceIds.isEmpty()) {
            throw new DomainException.Forbidden("Vous ne traitez aucun service de cette collectivité.");
        }
        ReportStore.Query query = new ReportStore.Query(Optional.empty(), to,
                request.query("category").map(Set::of).orElse(Set.of()), status.map(Set::of).orElse(Set.of()),
                serviceIds);
        int limit = Math.max(1, Math.min(request.intQuery("limit", 25), 100));
        var page = services.reportStore().byTenant(tenantId, state.equals("open"), query, request.query("cursor"),
                limit);
        return ApiResponse.ok(Views.page(page, ReportViews::summaryForAgent));
    }

    private ApiResponse read(ApiRequest request) {
        return respond(services.reports().forAgent(request.path("tenantId"), request.path("reportId"),
                request.subject()));
    }

    private ApiResponse changeStatus(ApiRequest request) {
        String subject = request.subject();
        long expected = ReportViews.expectedVersion(request.header("if-match"), request.path("reportId"));
        JsonNode body = request.jsonBody(MAX_BODY);
        ReportStatus to = Bodies.targetStatus(body, ReportStatus::fromCode);
        return respond(services.reports().changeStatus(request.path("tenantId"), request.path("reportId"), subject,
                expected, to, Bodies.note(body)));
    }

    private ApiResponse assign(ApiRequest request) {
        String subject = request.subject();
        long expected = ReportViews.expectedVersion(request.header("if-match"), request.path("reportId"));
        JsonNode body = request.jsonBody(MAX_BODY);
        String assignee = body.path("assigneeId").isTextual() ? body.get("assigneeId").asText() : subject;
        return respond(services.reports().assign(request.path("tenantId"), request.path("reportId"), subject,
                expected, assignee));
    }

    /**
     * Files a « Demande à la mairie » for the reporter from the report, with the report's id as the
     * idempotency key, so that escalating twice leads to the same request.
     */
    private ApiResponse escalate(ApiRequest request) {
        Reports reports = services.reports();
        Report report = reports.forAgent(request.path("tenantId"), request.path("reportId"), request.subject());
        if (report.requestReference().isPresent()) {
            return respond(report);
        }
        String subjectLine = "Signalement " + report.id() + " : " + report.categoryName();
        String where = report.location().address().isEmpty() ? "" : report.location().address() + " ";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("objet", subjectLine.length() > 150 ? subjectLine.substring(0, 150) : subjectLine);
        String message = report.description() + "\n\nLieu : " + where + "(" + report.location().lat() + ", "
                + report.location().lon() + ")";
        data.put("message", message.length() > 4000 ? message.substring(0, 4000) : message);
        Applicant applicant = new Applicant(report.reporter().id(), report.reporter().givenName(),
                report.reporter().familyName(), report.reporter().email());
        SubmitRequest submit = new SubmitRequest(services.tenants(), services.catalogue(), services.validator(),
                services.requests(), services.events(), services.clock());
        var outcome = submit.submit(new SubmitRequest.Command(report.tenantId(), DefaultCatalogue.GENERAL_REQUEST, data,
                applicant, Channel.WEB, Optional.of("signalement-" + report.id())));
        return respond(reports.linkRequest(report, outcome.request().reference()));
    }

    private ApiResponse respond(Report report) {
        return ApiResponse.ok(ReportViews.forAgent(report, services.reportStore().photos(report.id()),
                services::documents)).withHeader("etag", ReportViews.etag(report));
    }

    private String admin(ApiRequest request) {
        String subject = request.subject();
        AgentMembership membership = services.reports().membership(request.path("tenantId"), subject);
        if (membership.role() != AgentMembership.AgentRole.ADMIN) {
            throw new DomainException.Forbidden(
                    "Seuls les administrateurs de la collectivité gèrent les clés Open311.");
        }
        return subject;
    }

    private ApiResponse keys(ApiRequest request) {
        admin(request);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        services.apiKeys().list(request.path("tenantId")).forEach(k -> items.add(key(k)));
        return ApiResponse.ok(body);
    }

    private ApiResponse createKey(ApiRequest request) {
        String subject = admin(request);
        JsonNode body = request.jsonBody(MAX_BODY);
        ApiKeys.Created created = services.apiKeys().create(request.path("tenantId"),
                body.path("name").isTextual() ? body.get("name").asText() : null, subject);
        return ApiResponse.json(201, key(created.key()).put("apiKey", created.secretKey()));
    }

    private ApiResponse revokeKey(ApiRequest request) {
        admin(request);
        services.apiKeys().revoke(request.path("tenantId"), request.path("keyId"));
        return new ApiResponse(204, Map.of("cache-control", "no-store"), new byte[0], false);
    }

    private static ObjectNode key(ApiKey k) {
        return Json.object().put("keyId", k.keyId()).put("name", k.name()).put("createdAt", k.createdAt().toString())
                .put("revokedAt", k.revokedAt().map(Instant::toString).orElse(null)).put("active", k.active());
    }
}
