package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.log.Log;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.person.People;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.CitizenRequests;
import fr.plateformecitoyens.core.request.Corrections;
import fr.plateformecitoyens.core.request.SubmitRequest;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A signed-in citizen's requests: file one, list them, read one, download its legal documents, complete it
 * when the service asked for missing pieces.
 */
public final class CitizenApi {

    /** The largest request body accepted: far above any form, far below API Gateway's own limit. */
    public static final int MAX_BODY = 256 * 1024;

    private final Services services;
    private final Supplier<SubmitRequest> submit;
    private final Supplier<CitizenRequests> mine;

    private CitizenApi(Services services) {
        this.services = services;
        this.submit = () -> new SubmitRequest(services.tenants(), services.catalogue(), services.validator(),
                services.requests(), services.events(), services.clock(), services.answerCompletion());
        this.mine = () -> new CitizenRequests(services.requests());
    }

    public static ApiFunction function(Services services) {
        CitizenApi api = new CitizenApi(services);
        return new ApiFunction("citizenApi", Map.of(
                "POST /api/v1/tenants/{tenantId}/requests", api::submit,
                "GET /api/v1/me/requests", api::list,
                "GET /api/v1/me/requests/{reference}", api::read,
                "GET /api/v1/me/requests/{reference}/acknowledgement.pdf", api::acknowledgement,
                "GET /api/v1/me/requests/{reference}/documents/{document}", api::document,
                "POST /api/v1/me/requests/{reference}/corrections", api::correct));
    }

    private ApiResponse submit(ApiRequest request) {
        String subject = request.subject();
        JsonNode body = request.jsonBody(MAX_BODY);
        JsonNode procedureId = body.get("procedureId");
        JsonNode data = body.get("data");
        if (procedureId == null || !procedureId.isTextual() || data == null || !data.isObject()) {
            throw new DomainException.InvalidInput("La requête doit indiquer la démarche et les réponses.",
                    List.of(new FieldError("procedureId", "Indiquez l'identifiant de la démarche."),
                            new FieldError("data", "Envoyez les réponses sous forme d'objet JSON.")));
        }
        Optional<String> key = request.idempotencyKey();
        Applicant applicant = new Applicant(subject, request.claim("given_name").orElse(""),
                request.claim("family_name").orElse(""), request.claim("email").orElse(null));
        SubmitRequest.Outcome outcome = submit.get().submit(new SubmitRequest.Command(request.path("tenantId"),
                procedureId.asText(), Json.toMap(data), applicant, Channel.WEB, key));
        CitizenRequest created = outcome.request();
        try {
            new People(services.people(), services.tenants(), services.accessJournal())
                    .rememberCitizen(created.tenantId(), applicant);
        } catch (RuntimeException e) {
            // The request is stored: the directory entry is refreshed by the citizen's next request.
            Log.error("citizen not remembered in the tenant's directory", e, "reference", created.reference());
        }
        ObjectNode view = Json.object().put("reference", created.reference()).put("status", created.status().code())
                .put("receivedAt", created.receivedAt().toString());
        view.putObject("procedure").put("id", created.procedureId()).put("title", created.procedureTitle())
                .put("version", created.procedureVersion());
        view.set("acknowledgement", Views.acknowledgement(created.acknowledgement()));
        ApiResponse response = ApiResponse.json(201, view)
                .withHeader("location", "/api/v1/me/requests/" + created.reference());
        return outcome.replayed() ? response.withHeader("idempotent-replayed", "true") : response;
    }

    private ApiResponse list(ApiRequest request) {
        var page = mine.get().list(request.subject(), request.query("cursor"), request.intQuery("limit", 20));
        Map<String, String> names = new java.util.HashMap<>();
        return ApiResponse.ok(Views.page(page, r -> Views.summary(r, names.computeIfAbsent(r.tenantId(),
                this::tenantName))));
    }

    private ApiResponse read(ApiRequest request) {
        CitizenRequest found = mine.get().read(request.subject(), request.path("reference"));
        return mineView(found);
    }

    private ApiResponse mineView(CitizenRequest found) {
        ObjectNode view = LegalDocumentsHttp.describe(Views.detail(found, tenantName(found.tenantId())), found,
                "/api/v1/me/requests/" + found.reference());
        return ApiResponse.ok(view).withHeader("etag", Views.etag(found));
    }

    private ApiResponse acknowledgement(ApiRequest request) {
        CitizenRequest found = mine.get().read(request.subject(), request.path("reference"));
        return LegalDocumentsHttp.pdf(services, found, "acknowledgement");
    }

    private ApiResponse document(ApiRequest request) {
        CitizenRequest found = mine.get().read(request.subject(), request.path("reference"));
        return LegalDocumentsHttp.pdf(services, found, request.path("document"));
    }

    /** The citizen completes an incomplete request: {@code {"data": {...}, "note": "..."}} with If-Match. */
    private ApiResponse correct(ApiRequest request) {
        String subject = request.subject();
        long version = Etags.expectedVersion(request, request.path("reference"));
        JsonNode body = request.jsonBody(MAX_BODY);
        JsonNode data = body.get("data");
        if (data == null || !data.isObject()) {
            throw new DomainException.InvalidInput("Envoyez les réponses modifiées.",
                    List.of(new FieldError("data", "Envoyez les réponses sous forme d'objet JSON.")));
        }
        String note = Bodies.note(body);
        Map<String, Object> changes = Json.toMap(data);
        CitizenRequest changed = new Corrections(services.requests(), services.procedureVersions(),
                services.validator(), services.events(), services.clock())
                .correct(subject, request.path("reference"), version, changes, note);
        return mineView(changed);
    }

    private String tenantName(String tenantId) {
        return services.tenants().tenant(tenantId).map(Tenant::name).orElse(tenantId);
    }
}
