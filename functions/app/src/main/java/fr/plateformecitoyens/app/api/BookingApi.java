package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.Bookings;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.request.Channel;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Appointments and rooms for citizens: what can be booked and when (open to all), and one's own
 * bookings (book, list, read, cancel, reschedule, calendar file).
 */
public final class BookingApi {

    private static final int MAX_BODY = 16 * 1024;

    private final Services services;

    private BookingApi(Services services) {
        this.services = services;
    }

    public static ApiFunction function(Services services) {
        BookingApi api = new BookingApi(services);
        return new ApiFunction("bookingApi", Map.ofEntries(
                Map.entry("GET /api/v1/tenants/{tenantId}/appointment-services", r -> api.resources(r,
                        Resource.Kind.APPOINTMENT_SERVICE)),
                Map.entry("GET /api/v1/tenants/{tenantId}/appointment-services/{serviceId}/slots", api::serviceSlots),
                Map.entry("GET /api/v1/tenants/{tenantId}/rooms", r -> api.resources(r, Resource.Kind.ROOM)),
                Map.entry("GET /api/v1/tenants/{tenantId}/rooms/{roomId}/slots", api::roomSlots),
                Map.entry("POST /api/v1/tenants/{tenantId}/appointments", api::bookAppointment),
                Map.entry("POST /api/v1/tenants/{tenantId}/room-bookings", api::bookRoom),
                Map.entry("GET /api/v1/me/appointments", r -> api.mine(r, Resource.Kind.APPOINTMENT_SERVICE)),
                Map.entry("GET /api/v1/me/appointments/{bookingId}", r -> api.readOne(r,
                        Resource.Kind.APPOINTMENT_SERVICE)),
                Map.entry("DELETE /api/v1/me/appointments/{bookingId}", r -> api.cancel(r,
                        Resource.Kind.APPOINTMENT_SERVICE)),
                Map.entry("POST /api/v1/me/appointments/{bookingId}/reschedule", api::reschedule),
                Map.entry("GET /api/v1/me/room-bookings", r -> api.mine(r, Resource.Kind.ROOM)),
                Map.entry("GET /api/v1/me/room-bookings/{bookingId}", r -> api.readOne(r, Resource.Kind.ROOM)),
                Map.entry("DELETE /api/v1/me/room-bookings/{bookingId}", r -> api.cancel(r, Resource.Kind.ROOM))));
    }

    private void tenantExists(String tenantId) {
        services.tenants().tenant(tenantId)
                .orElseThrow(() -> new DomainException.NotFound("Cette collectivité n'existe pas."));
    }

    private ApiResponse resources(ApiRequest request, Resource.Kind kind) {
        String tenantId = request.path("tenantId");
        tenantExists(tenantId);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        services.resources().resources(tenantId, kind).stream().sorted(Comparator.comparing(Resource::name))
                .forEach(r -> items.add(kind == Resource.Kind.ROOM ? BookingViews.room(r) : BookingViews.service(r)));
        return ApiResponse.ok(body).withHeader("cache-control", "public, max-age=60");
    }

    private ApiResponse serviceSlots(ApiRequest request) {
        Bookings bookings = services.booking();
        Resource service = bookings.resource(request.path("tenantId"), Resource.Kind.APPOINTMENT_SERVICE,
                request.path("serviceId"));
        String typeId = request.query("type").orElseThrow(() -> BookingViews.invalid("type",
                "Choisissez un type de rendez-vous."));
        int minutes = service.type(typeId).orElseThrow(() -> new DomainException.NotFound(
                "Ce type de rendez-vous n'existe pas.")).durationMinutes();
        return slots(request, bookings, service, minutes);
    }

    private ApiResponse roomSlots(ApiRequest request) {
        Bookings bookings = services.booking();
        Resource room = bookings.resource(request.path("tenantId"), Resource.Kind.ROOM, request.path("roomId"));
        return slots(request, bookings, room, room.gridMinutes());
    }

    private ApiResponse slots(ApiRequest request, Bookings bookings, Resource resource, int minutes) {
        LocalDate today = fr.plateformecitoyens.core.legal.DecisionClock.dayOf(services.clock().instant());
        LocalDate from = request.query("from").map(t -> BookingViews.parseDay(t, "from")).orElse(today);
        LocalDate to = request.query("to").map(t -> BookingViews.parseDay(t, "to")).orElse(from.plusDays(6));
        ObjectNode body = Json.object().put("resourceId", resource.id()).put("from", from.toString())
                .put("to", to.toString());
        body.set("items", BookingViews.slots(bookings.availability(resource, minutes, from, to)));
        return ApiResponse.ok(body);
    }

    private Bookings.Holder holder(ApiRequest request) {
        String name = (request.claim("given_name").orElse("") + " " + request.claim("family_name").orElse("")).strip();
        return new Bookings.Holder(request.subject(), name, request.claim("email").orElse(null));
    }

    private ApiResponse bookAppointment(ApiRequest request) {
        Bookings.Holder holder = holder(request);
        JsonNode body = request.jsonBody(MAX_BODY);
        LocalDateTime start = BookingViews.parseTime(body.path("start").asText(null), "start");
        Bookings bookings = services.booking();
        Resource service = bookings.resource(request.path("tenantId"), Resource.Kind.APPOINTMENT_SERVICE,
                body.path("serviceId").asText());
        Booking booked = bookings.bookAppointment(service, body.path("typeId").asText(), start, holder, Channel.WEB,
                request.header("idempotency-key"));
        return created(booked, service);
    }

    private ApiResponse bookRoom(ApiRequest request) {
        Bookings.Holder holder = holder(request);
        JsonNode body = request.jsonBody(MAX_BODY);
        LocalDateTime start = BookingViews.parseTime(body.path("start").asText(null), "start");
        LocalDateTime end = BookingViews.parseTime(body.path("end").asText(null), "end");
        Resource.Audience audience;
        try {
            audience = Resource.Audience.valueOf(body.path("audience").asText("resident").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BookingViews.invalid("audience", "Choisissez « resident » ou « association ».");
        }
        Bookings bookings = services.booking();
        Resource room = bookings.resource(request.path("tenantId"), Resource.Kind.ROOM, body.path("roomId").asText());
        Booking booked = bookings.bookRoom(room, start, end, holder, Channel.WEB, body.path("purpose").asText(""),
                audience, request.header("idempotency-key"));
        return created(booked, room);
    }

    private ApiResponse created(Booking booked, Resource resource) {
        String base = booked.kind() == Resource.Kind.ROOM ? "/api/v1/me/room-bookings/" : "/api/v1/me/appointments/";
        return ApiResponse.json(201, BookingViews.booking(booked, resource)).withHeader("location", base + booked.id());
    }

    private ApiResponse mine(ApiRequest request, Resource.Kind kind) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        services.bookings().byHolder(request.subject()).stream()
                .filter(b -> b.kind() == kind && b.status() != Booking.Status.FAILED
                        && b.status() != Booking.Status.PLACING)
                .forEach(b -> items.add(view(b)));
        return ApiResponse.ok(body);
    }

    private ApiResponse readOne(ApiRequest request, Resource.Kind kind) {
        String id = request.path("bookingId");
        boolean calendar = id.endsWith(".ics");
        Booking booking = services.booking().mine(calendar ? id.substring(0, id.length() - 4) : id,
                request.subject(), kind);
        if (!calendar) {
            return ApiResponse.ok(view(booking));
        }
        Resource resource = resourceOf(booking).orElse(null);
        String ics = CalendarFiles.of(booking, resource);
        return new ApiResponse(200, Map.of("content-type", "text/calendar; charset=utf-8",
                "content-disposition", "attachment; filename=\"reservation-" + booking.id() + ".ics\"",
                "cache-control", "no-store"), ics.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
    }

    private ApiResponse cancel(ApiRequest request, Resource.Kind kind) {
        return ApiResponse.ok(view(services.booking().cancel(request.path("bookingId"), request.subject(), kind)));
    }

    private ApiResponse reschedule(ApiRequest request) {
        String subject = request.subject();
        JsonNode body = request.jsonBody(MAX_BODY);
        LocalDateTime start = BookingViews.parseTime(body.path("start").asText(null), "start");
        return ApiResponse.ok(view(services.booking().reschedule(request.path("bookingId"), subject, start)));
    }

    private ObjectNode view(Booking booking) {
        return BookingViews.booking(booking, resourceOf(booking).orElse(null));
    }

    private Optional<Resource> resourceOf(Booking booking) {
        return services.resources().resource(booking.tenantId(), booking.kind(), booking.resourceId());
    }
}
