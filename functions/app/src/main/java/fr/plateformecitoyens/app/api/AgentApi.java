package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.document.FileType;
import fr.plateformecitoyens.core.document.UploadPolicy;
import fr.plateformecitoyens.core.document.Uploads;
import fr.plateformecitoyens.core.access.AccessEntry;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Instruction;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The agents' back-office: their memberships, a service's inbox, a request, its transitions. */
public final class AgentApi {

    private static final int MAX_BODY = 64 * 1024;
    /** A decision attached by an agent: a PDF, as a letter of decision is. */
    private static final UploadPolicy DECISION_FILES = new UploadPolicy(EnumSet.of(FileType.PDF), 10L * 1024 * 1024);

    private final Services services;
    private final Supplier<Instruction> instruction;

    private AgentApi(Services services) {
        this.services = services;
        this.instruction = () -> new Instruction(services.tenants(), services.catalogue(), services.requests(),
                services.events(), services.clock());
    }

    public static ApiFunction function(Services services) {
        AgentApi api = new AgentApi(services);
        return new ApiFunction("agentApi", Map.of(
                "GET /api/v1/agents/me", api::memberships,
                "GET /api/v1/tenants/{tenantId}/inbox", api::inbox,
                "GET /api/v1/tenants/{tenantId}/requests/{reference}", api::read,
                "POST /api/v1/tenants/{tenantId}/requests/{reference}/transitions", api::transition,
                "GET /api/v1/tenants/{tenantId}/requests/{reference}/acknowledgement.pdf", api::acknowledgement,
                "GET /api/v1/tenants/{tenantId}/requests/{reference}/documents/{document}", api::document));
    }

    private ApiResponse memberships(ApiRequest request) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("memberships");
        for (AgentMembership m : services.tenants().memberships(request.subject())) {
            ObjectNode node = items.addObject().put("tenantId", m.tenantId())
                    .put("tenantName", services.tenants().tenant(m.tenantId()).map(Tenant::name).orElse(m.tenantId()))
                    .put("role", m.role().code());
            ArrayNode list = node.putArray("services");
            for (HandlingService s : services.tenants().services(m.tenantId())) {
                if (m.handles(s.id())) {
                    list.addObject().put("id", s.id()).put("name", s.name());
                }
            }
        }
        return ApiResponse.ok(body);
    }

    private ApiResponse inbox(ApiRequest request) {
        return InboxApi.inbox(services, instruction.get(), request);
    }

    private ApiResponse read(ApiRequest request) {
        CitizenRequest found = instruction.get().read(request.path("tenantId"), request.path("reference"),
                request.subject());
        services.accessJournal().record(found.tenantId(), request.subject(), FilingApi.agentName(request),
                AccessEntry.Action.REQUEST_READ, Optional.of(found.reference()), Optional.of(found.applicant().id()));
        return respond(found);
    }

    private ApiResponse transition(ApiRequest request) {
        String subject = request.subject();
        long version = Etags.expectedVersion(request, request.path("reference"));
        JsonNode body = request.jsonBody(MAX_BODY);
        RequestStatus to = Bodies.targetStatus(body, RequestStatus::fromCode);
        String note = Bodies.note(body);
        Optional<DocumentRef> document = decisionDocument(request, body.get("document"), to, version);
        CitizenRequest changed = instruction.get().transition(request.path("tenantId"), request.path("reference"),
                subject, version, to, note, document);
        return respond(changed);
    }

    /**
     * The PDF an agent attaches to a decision: {@code {"uploadId", "fileName"}} of an upload they were granted
     * (UploadApi), claimed once the agent may read the request, under a key of the version the decision makes.
     */
    private Optional<DocumentRef> decisionDocument(ApiRequest request, JsonNode document, RequestStatus to,
            long version) {
        if (document == null || document.isNull()) {
            return Optional.empty();
        }
        if (!document.isObject() || !document.path("uploadId").isTextual() || !Instruction.acceptsDocument(to)) {
            String why = Instruction.acceptsDocument(to) ? "Indiquez l'envoi du fichier (uploadId et fileName)."
                    : "Joignez un document à une acceptation ou à un refus.";
            throw new DomainException.InvalidInput(why, List.of(new FieldError("document", why)));
        }
        CitizenRequest current = instruction.get().read(request.path("tenantId"), request.path("reference"),
                request.subject());
        String key = "decisions/" + current.tenantId() + "/" + current.reference() + "/decision-v" + (version + 1)
                + ".pdf";
        return Optional.of(new Uploads(services.documents()).claim(UploadApi.agentOwner(request.subject()),
                document.path("uploadId").asText(), document.path("fileName").asText(null), DECISION_FILES, key,
                "document"));
    }

    private ApiResponse respond(CitizenRequest request) {
        String tenantName = services.tenants().tenant(request.tenantId()).map(Tenant::name).orElse(null);
        ObjectNode view = LegalDocumentsHttp.describe(Views.forAgent(request, tenantName), request,
                "/api/v1/tenants/" + request.tenantId() + "/requests/" + request.reference());
        return ApiResponse.ok(view).withHeader("etag", Views.etag(request));
    }

    /** The acknowledgement of a request the agent may read (same tenant and service checks as the read). */
    private ApiResponse acknowledgement(ApiRequest request) {
        CitizenRequest found = instruction.get().read(request.path("tenantId"), request.path("reference"),
                request.subject());
        return LegalDocumentsHttp.pdf(services, found, "acknowledgement");
    }

    private ApiResponse document(ApiRequest request) {
        CitizenRequest found = instruction.get().read(request.path("tenantId"), request.path("reference"),
                request.subject());
        return LegalDocumentsHttp.pdf(services, found, request.path("document"));
    }
}
