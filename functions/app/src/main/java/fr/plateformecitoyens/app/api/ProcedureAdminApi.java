package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.DefinitionReader;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.procedure.Draft;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.procedure.ProcedureAdministration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant's administrator defines its démarches: list, create and edit drafts (If-Match on the draft's ETag),
 * preview the citizen's form, publish, unpublish, duplicate any version.
 */
public final class ProcedureAdminApi {

    private static final int MAX_BODY = 128 * 1024;
    private static final String BASE = "/api/v1/tenants/{tenantId}/admin/procedures";
    private static final Pattern ETAG = Pattern.compile("^\"(.+)-r(\\d+)\"$");

    private final Supplier<ProcedureAdministration> admin;

    private ProcedureAdminApi(Services services) {
        this.admin = () -> new ProcedureAdministration(services.tenants(), services.definitions(), services.clock());
    }

    public static ApiFunction function(Services services) {
        ProcedureAdminApi api = new ProcedureAdminApi(services);
        return new ApiFunction("procedureAdminApi", Map.of(
                "GET " + BASE, api::list,
                "POST " + BASE, api::create,
                "POST " + BASE + "/preview", api::preview,
                "GET " + BASE + "/{procedureId}/draft", api::readDraft,
                "PUT " + BASE + "/{procedureId}/draft", api::editDraft,
                "GET " + BASE + "/{procedureId}/versions/{version}", api::readVersion,
                "POST " + BASE + "/{procedureId}/publish", api::publish,
                "POST " + BASE + "/{procedureId}/unpublish", api::unpublish,
                "POST " + BASE + "/{procedureId}/duplicate", api::duplicate));
    }

    private ApiResponse list(ApiRequest request) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        admin.get().list(request.path("tenantId"), request.subject())
                .forEach(s -> items.add(ProcedureViews.summary(s)));
        return ApiResponse.ok(body);
    }

    private ApiResponse create(ApiRequest request) {
        String tenantId = request.path("tenantId");
        admin.get().administrator(tenantId, request.subject());
        JsonNode body = request.jsonBody(MAX_BODY);
        String id = body.path("id").asText("").strip();
        Procedure definition;
        try {
            definition = DefinitionReader.read(body, tenantId, id.isEmpty() ? "sans-identifiant" : id, 0);
        } catch (DomainException.InvalidInput refused) {
            throw id.isEmpty() ? withMissingId(refused.errors()) : refused;
        }
        if (id.isEmpty()) {
            throw withMissingId(List.of());
        }
        Draft draft = admin.get().create(tenantId, request.subject(), definition);
        return respond(201, draft).withHeader("location", "/api/v1/tenants/" + tenantId + "/admin/procedures/" + id
                + "/draft");
    }

    private ApiResponse preview(ApiRequest request) {
        String tenantId = request.path("tenantId");
        admin.get().administrator(tenantId, request.subject());
        JsonNode body = request.jsonBody(MAX_BODY);
        String id = body.path("id").asText("apercu");
        Procedure definition = DefinitionReader.read(body, tenantId, id.isBlank() ? "apercu" : id, 0);
        return ApiResponse.ok(ProcedureViews.form(definition));
    }

    private ApiResponse readDraft(ApiRequest request) {
        return respond(200, admin.get().draft(request.path("tenantId"), request.subject(),
                request.path("procedureId")));
    }

    private ApiResponse editDraft(ApiRequest request) {
        String tenantId = request.path("tenantId");
        String id = request.path("procedureId");
        admin.get().administrator(tenantId, request.subject());
        long revision = revision(request, id).orElseThrow(() -> new DomainException.PreconditionRequired(
                "L'en-tête If-Match est obligatoire : renvoyez l'ETag du brouillon tel que vous l'avez lu."));
        Procedure definition = DefinitionReader.read(request.jsonBody(MAX_BODY), tenantId, id, 0);
        return respond(200, admin.get().edit(tenantId, request.subject(), definition, revision));
    }

    private ApiResponse readVersion(ApiRequest request) {
        int version;
        try {
            version = Integer.parseInt(request.path("version"));
        } catch (NumberFormatException e) {
            throw new DomainException.NotFound("Cette version de la démarche n'existe pas.");
        }
        Procedure found = admin.get().version(request.path("tenantId"), request.subject(),
                request.path("procedureId"), version);
        return ApiResponse.ok(ProcedureViews.definition(found).put("state", "version"));
    }

    private ApiResponse publish(ApiRequest request) {
        String id = request.path("procedureId");
        Procedure version = admin.get().publish(request.path("tenantId"), request.subject(), id,
                revision(request, id));
        return ApiResponse.ok(ProcedureViews.definition(version).put("state", "published"));
    }

    private ApiResponse unpublish(ApiRequest request) {
        admin.get().unpublish(request.path("tenantId"), request.subject(), request.path("procedureId"));
        return ApiResponse.ok(Json.object().put("id", request.path("procedureId")).put("state", "unpublished"));
    }

    private ApiResponse duplicate(ApiRequest request) {
        String tenantId = request.path("tenantId");
        admin.get().administrator(tenantId, request.subject());
        JsonNode body = request.jsonBody(MAX_BODY);
        JsonNode version = body.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new DomainException.InvalidInput("Indiquez la version à dupliquer.",
                    List.of(new FieldError("version", "Indiquez le numéro de la version à dupliquer.")));
        }
        Optional<String> newId = Optional.ofNullable(body.path("id").asText(null)).filter(s -> !s.isBlank());
        Draft draft = admin.get().duplicate(tenantId, request.subject(), request.path("procedureId"),
                version.asInt(), newId);
        return respond(201, draft);
    }

    /** Every fault of a definition sent without its id, the id first. */
    private static DomainException.InvalidInput withMissingId(List<FieldError> others) {
        List<FieldError> errors = new java.util.ArrayList<>();
        errors.add(new FieldError("id", "Indiquez l'identifiant de la démarche (minuscules, chiffres, tirets)."));
        errors.addAll(others);
        return new DomainException.InvalidInput("La définition de la démarche est à corriger.", errors);
    }

    /** The revision an If-Match header names, checked against the draft's id; a mismatched tag is stale. */
    private static OptionalLong revision(ApiRequest request, String id) {
        Optional<String> ifMatch = request.header("if-match");
        if (ifMatch.isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher matcher = ETAG.matcher(ifMatch.get().strip());
        if (!matcher.matches() || !matcher.group(1).equals(id)) {
            throw new DomainException.PreconditionFailed("Ce brouillon a été modifié par ailleurs. Rechargez-le.");
        }
        return OptionalLong.of(Long.parseLong(matcher.group(2)));
    }

    private static ApiResponse respond(int status, Draft draft) {
        return ApiResponse.json(status, ProcedureViews.draft(draft)).withHeader("etag", ProcedureViews.etag(draft));
    }
}
