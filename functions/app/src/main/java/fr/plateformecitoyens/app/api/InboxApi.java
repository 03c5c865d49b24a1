package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.app.http.Problems;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.inbox.Assignments;
import fr.plateformecitoyens.core.inbox.InboxEntry;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Instruction;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.request.RequestStatus;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The agents' working list: the inbox views and their CSV export, assignment, bulk assignment and bulk
 * transitions, and the tenant's statistics.
 */
public final class InboxApi {

    static final int MAX_BULK = 50;
    static final int MAX_EXPORT = 5_000;
    private static final int MAX_BODY = 64 * 1024;

    private final Services services;
    private final Supplier<Instruction> instruction;
    private final Supplier<Assignments> assignments;

    private InboxApi(Services services) {
        this.services = services;
        this.instruction = () -> new Instruction(services.tenants(), services.catalogue(), services.requests(),
                services.events(), services.clock());
        this.assignments = () -> new Assignments(services.tenants(), services.requests(), instruction.get(),
                services.clock());
    }

    public static ApiFunction function(Services services) {
        InboxApi api = new InboxApi(services);
        return new ApiFunction("inboxApi", Map.of(
                "GET /api/v1/tenants/{tenantId}/inbox/export", api::export,
                "PUT /api/v1/tenants/{tenantId}/requests/{reference}/assignee", api::assign,
                "POST /api/v1/tenants/{tenantId}/bulk/assignments", api::bulkAssign,
                "POST /api/v1/tenants/{tenantId}/bulk/transitions", api::bulkTransition,
                "GET /api/v1/tenants/{tenantId}/statistics", api::statistics));
    }

    /** {@code GET /inbox}: one page of a view (served by the agents' function, which owns that route). */
    static ApiResponse inbox(Services services, Instruction instruction, ApiRequest request) {
        InboxViews.View view = InboxViews.read(services, instruction, request);
        int limit = Math.max(1, Math.min(request.intQuery("limit", 25), 100));
        Page<InboxEntry> page = InboxViews.page(services, instruction, view, request, request.query("cursor"), limit);
        ObjectNode body = InboxViews.page(page, InboxViews.today(services));
        body.put("serviceId", view.serviceLabel());
        return ApiResponse.ok(body);
    }

    private ApiResponse export(ApiRequest request) {
        InboxViews.View view = InboxViews.read(services, instruction.get(), request);
        InboxCsv csv = new InboxCsv();
        Optional<String> cursor = Optional.empty();
        int rows = 0;
        do {
            Page<InboxEntry> page = InboxViews.page(services, instruction.get(), view, request, cursor, 100);
            for (InboxEntry e : page.items()) {
                if (rows < MAX_EXPORT) {
                    csv.add(e);
                }
                rows++;
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent() && rows < MAX_EXPORT);
        LocalDate today = InboxViews.today(services);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "text/csv; charset=utf-8; header=present");
        headers.put("content-disposition", "attachment; filename=\""
                + InboxCsv.fileName(view.query().tenantId(), view.serviceLabel(), today) + "\"");
        headers.put("cache-control", "no-store");
        headers.put("x-export-truncated", Boolean.toString(cursor.isPresent() || rows > MAX_EXPORT));
        return new ApiResponse(200, headers, csv.text().getBytes(StandardCharsets.UTF_8), false);
    }

    private ApiResponse assign(ApiRequest request) {
        long version = expectedVersion(request.header("if-match").orElseThrow(() ->
                new DomainException.PreconditionRequired("L'en-tête If-Match est obligatoire : renvoyez l'ETag de "
                        + "la demande telle que vous l'avez lue.")), request.path("reference"));
        Optional<String> assignee = assignee(request.jsonBody(MAX_BODY), request.subject());
        CitizenRequest changed = assignments.get().assign(request.path("tenantId"), request.path("reference"),
                request.subject(), version, assignee);
        return ApiResponse.ok(Views.forAgent(changed, null)).withHeader("etag", Views.etag(changed));
    }

    private ApiResponse bulkAssign(ApiRequest request) {
        JsonNode body = request.jsonBody(MAX_BODY);
        Optional<String> assignee = assignee(body, request.subject());
        Assignments use = assignments.get();
        return bulk(request, body, (reference, version) -> use.assign(request.path("tenantId"), reference,
                request.subject(), version, assignee));
    }

    private ApiResponse bulkTransition(ApiRequest request) {
        JsonNode body = request.jsonBody(MAX_BODY);
        RequestStatus to = Bodies.targetStatus(body, RequestStatus::fromCode);
        String text = Bodies.note(body);
        Instruction use = instruction.get();
        return bulk(request, body, (reference, version) -> use.transition(request.path("tenantId"), reference,
                request.subject(), version, to, text));
    }

    /** One change applied to each listed request on its own; one outcome per request, in the order given. */
    private ApiResponse bulk(ApiRequest request, JsonNode body, BulkChange change) {
        instruction.get().membership(request.path("tenantId"), request.subject());
        JsonNode items = body.path("items");
        if (!items.isArray() || items.isEmpty() || items.size() > MAX_BULK) {
            throw new DomainException.InvalidInput("La liste des demandes n'est pas valide.",
                    List.of(new FieldError("items", "Choisissez entre 1 et " + MAX_BULK + " demandes.")));
        }
        ObjectNode out = Json.object();
        ArrayNode results = out.putArray("results");
        int applied = 0;
        for (JsonNode item : items) {
            String reference = item.path("reference").asText("");
            ObjectNode result = results.addObject().put("reference", reference);
            try {
                long version = expectedVersion(item.path("etag").asText(""), reference);
                CitizenRequest changed = change.apply(reference, version);
                result.put("status", 200).put("etag", Views.etag(changed));
                applied++;
            } catch (DomainException e) {
                ApiResponse problem = Problems.of(e, request.rawPath());
                result.put("status", problem.status());
                result.set("problem", Json.parse(problem.body()));
            }
        }
        out.put("applied", applied).put("failed", items.size() - applied);
        return ApiResponse.ok(out);
    }

    private ApiResponse statistics(ApiRequest request) {
        return StatisticsViews.respond(services, instruction.get(), request);
    }

    private static Optional<String> assignee(JsonNode body, String subject) {
        JsonNode value = body.get("assigneeId");
        if (value == null || !(value.isNull() || value.isTextual())) {
            throw new DomainException.InvalidInput("Indiquez à qui attribuer la demande.",
                    List.of(new FieldError("assigneeId", "Donnez « me », l'identifiant d'un agent, ou null.")));
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(value.asText().equals("me") ? subject : value.asText());
    }

    private static long expectedVersion(String etag, String reference) {
        return Etags.versionIn(etag, reference);
    }

    @FunctionalInterface
    private interface BulkChange {
        CitizenRequest apply(String reference, long version);
    }
}
