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
import fr.plateformecitoyens.core.port.UploadGrant;
import fr.plateformecitoyens.core.report.Location;
import fr.plateformecitoyens.core.report.Report;
import fr.plateformecitoyens.core.report.ReportPhotos;
import fr.plateformecitoyens.core.report.ReportStore;
import fr.plateformecitoyens.core.report.Reporter;
import fr.plateformecitoyens.core.report.Reports;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports (signalements) from the portal: the categories and the open reports of a tenant (open to all),
 * and a signed-in citizen's own reports (file one, list, read, add photos).
 */
public final class ReportApi {

    private static final int MAX_BODY = 16 * 1024;
    private static final int MAX_RADIUS = 2000;

    private final Services services;

    private ReportApi(Services services) {
        this.services = services;
    }

    public static ApiFunction function(Services services) {
        ReportApi api = new ReportApi(services);
        return new ApiFunction("reportApi", Map.of(
                "GET /api/v1/tenants/{tenantId}/report-categories", api::categories,
                "GET /api/v1/tenants/{tenantId}/reports", api::publicList,
                "POST /api/v1/tenants/{tenantId}/reports", api::file,
                "GET /api/v1/me/reports", api::mine,
                "GET /api/v1/me/reports/{reportId}", api::readMine,
                "POST /api/v1/me/reports/{reportId}/photos", api::grantPhoto));
    }

    private ApiResponse categories(ApiRequest request) {
        Tenant tenant = services.reports().tenant(request.path("tenantId"));
        ObjectNode body = Json.object();
        ObjectNode territory = body.putObject("territory");
        territory.put("minLat", tenant.territory().minLat()).put("minLong", tenant.territory().minLong())
                .put("maxLat", tenant.territory().maxLat()).put("maxLong", tenant.territory().maxLong())
                .put("centreLat", tenant.territory().centreLat()).put("centreLong", tenant.territory().centreLong());
        ArrayNode items = body.putArray("items");
        services.reportStore().categories(tenant.id()).forEach(c -> items.add(ReportViews.category(c)));
        return ApiResponse.ok(body).withHeader("cache-control", "public, max-age=60");
    }

    /** The open reports, newest first; with {@code near=lat,long} those within {@code radius} metres. */
    private ApiResponse publicList(ApiRequest request) {
        String tenantId = request.path("tenantId");
        Reports reports = services.reports();
        reports.tenant(tenantId);
        Optional<String> near = request.query("near");
        if (near.isPresent()) {
            double[] point = point(near.get());
            int radius = request.intQuery("radius", 300);
            if (radius < 1 || radius > MAX_RADIUS) {
                throw new DomainException.InvalidInput("Rayon invalide.", List.of(new FieldError("radius",
                        "Choisissez un rayon entre 1 et " + MAX_RADIUS + " mètres.")));
            }
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            Location centre = new Location(point[0], point[1], "");
            int limit = Math.max(1, Math.min(request.intQuery("limit", 20), 100));
            for (Report r : reports.near(tenantId, point[0], point[1], radius, limit)) {
                items.add(ReportViews.publicView(r).put("distanceMetres",
                        Math.round(centre.metresTo(r.location().lat(), r.location().lon()))));
            }
            body.putNull("nextCursor");
            return ApiResponse.ok(body);
        }
        int limit = Math.max(1, Math.min(request.intQuery("limit", 20), 100));
        var page = services.reportStore().byTenant(tenantId, true, ReportStore.Query.any(), request.query("cursor"),
                limit);
        return ApiResponse.ok(Views.page(page, ReportViews::publicView));
    }

    private static double[] point(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                double lat = Double.parseDouble(parts[0].strip());
                double lon = Double.parseDouble(parts[1].strip());
                if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
                    return new double[] {lat, lon};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DomainException.InvalidInput("Point invalide.", List.of(new FieldError("near",
                "Indiquez « latitude,longitude » en degrés décimaux.")));
    }

    private ApiResponse file(ApiRequest request) {
        String subject = request.subject();
        JsonNode body = request.jsonBody(MAX_BODY);
        Optional<String> key = request.idempotencyKey();
        JsonNode location = body.path("location");
        Reporter reporter = new Reporter(subject, request.claim("given_name").orElse(""),
                request.claim("family_name").orElse(""), request.claim("email").orElse(null));
        Reports.Outcome outcome = services.reports().file(new Reports.Filing(request.path("tenantId"),
                text(body, "category"), text(body, "description"), number(location, "lat"), number(location, "long"),
                text(location, "address"), reporter, "web", key));
        Report report = outcome.report();
        ApiResponse response = ApiResponse.json(201, ReportViews.detail(report, List.of(), services::documents))
                .withHeader("location", "/api/v1/me/reports/" + report.id())
                .withHeader("etag", ReportViews.etag(report));
        return outcome.replayed() ? response.withHeader("idempotent-replayed", "true") : response;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Double number(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    private ApiResponse mine(ApiRequest request) {
        int limit = Math.max(1, Math.min(request.intQuery("limit", 20), 100));
        var page = services.reportStore().byReporter(request.subject(), request.query("cursor"), limit);
        return ApiResponse.ok(Views.page(page, ReportViews::publicView));
    }

    private ApiResponse readMine(ApiRequest request) {
        Report report = services.reports().mine(request.path("reportId"), request.subject());
        return ApiResponse.ok(ReportViews.detail(report, services.reportStore().photos(report.id()),
                services::documents)).withHeader("etag", ReportViews.etag(report));
    }

    private ApiResponse grantPhoto(ApiRequest request) {
        String subject = request.subject();
        JsonNode body = request.jsonBody(MAX_BODY);
        Report report = services.reports().mine(request.path("reportId"), subject);
        JsonNode length = body.get("contentLength");
        ReportPhotos.Granted granted = services.reportPhotos().grant(report, text(body, "contentType"),
                length != null && length.canConvertToLong() && length.isIntegralNumber() ? length.asLong() : null);
        UploadGrant grant = granted.grant();
        ObjectNode view = ReportViews.photo(granted.photo(), services::documents);
        ObjectNode upload = view.putObject("upload").put("method", grant.method()).put("url", grant.url().toString())
                .put("expiresAt", grant.expiresAt().toString());
        ObjectNode headers = upload.putObject("headers");
        grant.headers().forEach(headers::put);
        return ApiResponse.json(201, view);
    }
}
