package fr.plateformecitoyens.app.open311;

import static fr.plateformecitoyens.app.open311.Open311Format.record;

import fr.plateformecitoyens.adapters.log.Log;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.report.ApiKey;
import fr.plateformecitoyens.core.report.Report;
import fr.plateformecitoyens.core.report.ReportCategory;
import fr.plateformecitoyens.core.report.ReportPhoto;
import fr.plateformecitoyens.core.report.ReportStore;
import fr.plateformecitoyens.core.report.Reporter;
import fr.plateformecitoyens.core.report.Reports;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Open311 GeoReport v2 over the reports, under {@code /open311/v2/}: a tenant is a {@code jurisdiction_id}
 * and a report category a service. Reads are open to all; posting a request needs the {@code api_key}
 * of a client application of the tenant. Errors are the spec's list of {@code {code, description}}.
 */
public final class Open311Api {

    private static final String BASE = "/open311/v2/";
    /** Default window of GET requests, as the spec recommends, and the most it returns. */
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    private static final int MAX_RESULTS = 1000;
    private static final Duration MEDIA_LINK = Duration.ofHours(1);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Services services;

    private Open311Api(Services services) {
        this.services = services;
    }

    /** A failure to report in the spec's error format. */
    private static final class Failure extends RuntimeException {
        private final int code;

        Failure(int code, String description) {
            super(description);
            this.code = code;
        }
    }

    public static ApiFunction function(Services services) {
        Open311Api api = new Open311Api(services);
        Map<String, ApiFunction.Route> routes = new HashMap<>();
        for (Open311Format format : Open311Format.values()) {
            String suffix = "." + format.name().toLowerCase(java.util.Locale.ROOT);
            routes.put("GET " + BASE + "services" + suffix, r -> api.guard(format, () -> api.services(r, format)));
            routes.put("GET " + BASE + "requests" + suffix, r -> api.guard(format, () -> api.requests(r, format)));
            routes.put("POST " + BASE + "requests" + suffix, r -> api.guard(format, () -> api.post(r, format)));
        }
        routes.put("GET " + BASE + "services/{service_code}", r -> api.suffixed(r, "service_code", api::definition));
        routes.put("GET " + BASE + "requests/{service_request_id}", r -> api.suffixed(r, "service_request_id",
                api::request));
        routes.put("GET " + BASE + "tokens/{token}", r -> api.suffixed(r, "token", api::token));
        return new ApiFunction("open311", routes);
    }

    @FunctionalInterface
    private interface Handler {
        ApiResponse handle(ApiRequest request, String id, Open311Format format);
    }

    private ApiResponse suffixed(ApiRequest request, String parameter, Handler handler) {
        String resource = request.path(parameter);
        Open311Format format = Open311Format.of(resource);
        if (format == null) {
            return Open311Format.JSON.error(404, "Unknown format: end the resource with .json or .xml");
        }
        return guard(format, () -> handler.handle(request, Open311Format.strip(resource), format));
    }

    private ApiResponse guard(Open311Format format, java.util.function.Supplier<ApiResponse> work) {
        try {
            return work.get();
        } catch (Failure e) {
            return format.error(e.code, e.getMessage());
        } catch (DomainException.InvalidInput e) {
            return format.error(400, e.detail() + " " + String.join(" ", e.errors().stream()
                    .map(f -> f.field() + ": " + f.message()).toList()));
        } catch (DomainException.NotFound e) {
            return format.error(404, e.detail());
        } catch (DomainException e) {
            return format.error(400, e.detail());
        }
    }

    private Tenant jurisdiction(Map<String, String> parameters) {
        String id = parameters.get("jurisdiction_id");
        if (id == null || id.isBlank()) {
            throw new Failure(400, "jurisdiction_id is required: this endpoint serves several jurisdictions.");
        }
        return services.tenants().tenant(id).orElseThrow(() -> new Failure(404, "Unknown jurisdiction_id: " + id));
    }

    private ApiResponse services(ApiRequest request, Open311Format format) {
        Tenant tenant = jurisdiction(request.queryParameters());
        List<Map<String, Object>> list = new ArrayList<>();
        for (ReportCategory c : services.reportStore().categories(tenant.id())) {
            list.add(record("jurisdiction_id", tenant.id(), "service_code", c.code(), "service_name", c.name(),
                    "description", c.description(), "metadata", false, "type", "realtime",
                    "keywords", String.join(",", c.keywords()), "group", c.group()));
        }
        return format.list(200, "services", "service", list);
    }

    private ApiResponse definition(ApiRequest request, String code, Open311Format format) {
        Tenant tenant = jurisdiction(request.queryParameters());
        ReportCategory c = services.reportStore().category(tenant.id(), code)
                .orElseThrow(() -> new Failure(404, "Unknown service_code: " + code));
        return format.single(200, "service_definition", record("service_code", c.code(), "attributes", List.of()));
    }

    private ApiResponse post(ApiRequest request, Open311Format format) {
        String type = request.header("content-type").orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new Failure(400, "Send the request as application/x-www-form-urlencoded.");
        }
        Map<String, String> form = new HashMap<>(request.queryParameters());
        form.putAll(Open311Format.form(request.body()));
        Tenant tenant = jurisdiction(form);
        ApiKey key = services.apiKeys().check(tenant.id(), form.get("api_key"))
                .orElseThrow(() -> new Failure(403, "Invalid api_key for this jurisdiction."));
        String code = form.get("service_code");
        if (code == null || code.isBlank()) {
            throw new Failure(400, "service_code is required.");
        }
        if (services.reportStore().category(tenant.id(), code).isEmpty()) {
            throw new Failure(400, "Unknown service_code: " + code);
        }
        Double lat = decimal(form, "lat");
        Double lon = decimal(form, "long");
        if (lat == null || lon == null) {
            throw new Failure(400, "lat and long are required: this jurisdiction locates every request "
                    + "(address_string and address_id alone are not geocoded).");
        }
        Reporter reporter = new Reporter("open311:" + key.keyId(), form.get("first_name"), form.get("last_name"),
                form.get("email"));
        Report report = services.reports().file(new Reports.Filing(tenant.id(), code, form.get("description"), lat,
                lon, form.get("address_string"), reporter, "open311", Optional.empty())).report();
        Log.info("open311 request filed", "report", report.id(), "client", key.keyId());
        return format.list(201, "service_requests", "request", List.of(record("service_request_id", report.id(),
                "service_notice", notice(report), "account_id", null)));
    }

    private static Double decimal(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new Failure(400, name + " must be a decimal number of degrees.");
        }
    }

    private ApiResponse requests(ApiRequest request, Open311Format format) {
        Map<String, String> q = request.queryParameters();
        Tenant tenant = jurisdiction(q);
        List<Report> found = new ArrayList<>();
        if (q.containsKey("service_request_id") && !q.get("service_request_id").isBlank()) {
            for (String id : q.get("service_request_id").split(",")) {
                services.reportStore().find(id.strip()).filter(r -> r.tenantId().equals(tenant.id()))
                        .ifPresent(found::add);
            }
        } else {
            Instant end = date(q, "end_date").orElse(services.clock().instant());
            Instant start = date(q, "start_date").orElse(end.minus(DEFAULT_WINDOW));
            Set<String> codes = q.containsKey("service_code") && !q.get("service_code").isBlank()
                    ? Set.of(q.get("service_code").split(",")) : Set.of();
            String status = q.getOrDefault("status", "").strip();
            Set<String> statuses = status.isEmpty() ? Set.of("open", "closed") : Set.of(status.split(","));
            if (!Set.of("open", "closed").containsAll(statuses)) {
                throw new Failure(400, "status must be open, closed or both.");
            }
            ReportStore.Query query = new ReportStore.Query(Optional.of(start), Optional.of(end), codes, Set.of(),
                    Set.of());
            for (String s : statuses) {
                found.addAll(services.reportStore().byTenant(tenant.id(), s.equals("open"), query, Optional.empty(),
                        MAX_RESULTS).items());
            }
            found.sort(Comparator.comparing(Report::createdAt).reversed());
        }
        List<Map<String, Object>> list = found.stream().limit(MAX_RESULTS).map(r -> view(r, tenant)).toList();
        return format.list(200, "service_requests", "request", list);
    }

    private static Optional<Instant> date(Map<String, String> q, String name) {
        String value = q.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new Failure(400, name + " must be an ISO 8601 date and time with its offset, "
                    + "e.g. 2026-12-01T00:00:00+01:00.");
        }
    }

    private ApiResponse request(ApiRequest request, String id, Open311Format format) {
        Tenant tenant = jurisdiction(request.queryParameters());
        Report report = services.reportStore().find(id).filter(r -> r.tenantId().equals(tenant.id()))
                .orElseThrow(() -> new Failure(404, "Unknown service_request_id: " + id));
        return format.list(200, "service_requests", "request", List.of(view(report, tenant)));
    }

    /** Requests are created at once, so a token is the request's own id. */
    private ApiResponse token(ApiRequest request, String token, Open311Format format) {
        Tenant tenant = jurisdiction(request.queryParameters());
        Report report = services.reportStore().find(token).filter(r -> r.tenantId().equals(tenant.id()))
                .orElseThrow(() -> new Failure(404, "Unknown token: " + token));
        return format.list(200, "service_requests", "request", List.of(record("service_request_id", report.id(),
                "token", token)));
    }

    private Map<String, Object> view(Report r, Tenant tenant) {
        String agency = services.tenants().service(tenant.id(), r.serviceId()).map(HandlingService::name)
                .orElse(tenant.name());
        String media = services.reportStore().photos(r.id()).stream()
                .filter(p -> p.state() == ReportPhoto.State.READY && p.webKey().isPresent()).findFirst()
                .map(p -> services.documents().grantDownload(p.webKey().get(), "photo-" + p.photoId() + ".jpg",
                        MEDIA_LINK).toString()).orElse(null);
        return record("service_request_id", r.id(), "status", r.status().open() ? "open" : "closed",
                "status_notes", r.latestNote(), "service_name", r.categoryName(), "service_code", r.categoryCode(),
                "description", r.description(), "agency_responsible", agency, "service_notice", notice(r),
                "requested_datetime", time(r.createdAt()), "updated_datetime", time(r.updatedAt()),
                "expected_datetime", null, "address", r.location().address(), "address_id", null, "zipcode", null,
                "lat", r.location().lat(), "long", r.location().lon(), "media_url", media);
    }

    private static String notice(Report r) {
        return r.status().label();
    }

    private static String time(Instant instant) {
        return ISO.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(DecisionClock.PARIS).toOffsetDateTime());
    }
}
