package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads open to everyone: health, the tenants, each tenant's published catalogue. */
public final class PublicApi {

    private final Services services;

    private PublicApi(Services services) {
        this.services = services;
    }

    public static ApiFunction function(Services services) {
        PublicApi api = new PublicApi(services);
        return new ApiFunction("publicApi", Map.of(
                "GET /api/v1/health", request -> ApiResponse.ok(Json.object().put("status", "ok")),
                "GET /api/v1/tenants", api::tenants,
                "GET /api/v1/tenants/{tenantId}/procedures", api::procedures));
    }

    private ApiResponse tenants(ApiRequest request) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        services.tenants().tenants().stream().sorted(Comparator.comparing(Tenant::name))
                .forEach(t -> items.add(Views.tenant(t)));
        return ApiResponse.ok(body).withHeader("cache-control", "public, max-age=60");
    }

    private ApiResponse procedures(ApiRequest request) {
        String tenantId = request.path("tenantId");
        services.tenants().tenant(tenantId)
                .orElseThrow(() -> new DomainException.NotFound("Cette collectivité n'existe pas."));
        Map<String, HandlingService> byId = services.tenants().services(tenantId).stream()
                .collect(Collectors.toMap(HandlingService::id, Function.identity()));
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        services.catalogue().published(tenantId).stream().sorted(Comparator.comparing(Procedure::title))
                .forEach(p -> items.add(Views.procedure(p, byId.get(p.serviceId()))));
        return ApiResponse.ok(body).withHeader("cache-control", "public, max-age=60");
    }
}
