package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.booking.BlockedPeriod;
import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.Bookings;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.References;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The agents' side of bookings: the agenda of a service or a room, booking for a caller, no-shows,
 * decisions on room bookings, blocked periods. Any agent of the tenant may use it.
 */
public final class AgendaApi {

    private static final int MAX_BODY = 16 * 1024;

    private final Services services;

    private AgendaApi(Services services) {
        this.services = services;
    }

    public static ApiFunction function(Services services) {
        AgendaApi api = new AgendaApi(services);
        return new ApiFunction("agendaApi", Map.of(
                "GET /api/v1/tenants/{tenantId}/agenda", api::agenda,
                "POST /api/v1/tenants/{tenantId}/agenda/appointments", api::bookForCaller,
                "GET /api/v1/tenants/{tenantId}/agenda/bookings/{bookingId}", api::booking,
                "POST /api/v1/tenants/{tenantId}/agenda/bookings/{bookingId}/no-show", api::noShow,
                "POST /api/v1/tenants/{tenantId}/agenda/bookings/{bookingId}/decision", api::decide,
                "GET /api/v1/tenants/{tenantId}/agenda/blocked-periods", api::blockedPeriods,
                "POST /api/v1/tenants/{tenantId}/agenda/blocked-periods", api::block,
                "DELETE /api/v1/tenants/{tenantId}/agenda/blocked-periods/{periodId}", api::reopen));
    }

    private String agent(ApiRequest request) {
        String subject = request.subject();
        services.tenants().membership(request.path("tenantId"), subject)
                .orElseThrow(() -> new DomainException.Forbidden("Vous n'êtes pas agent de cette collectivité."));
        return subject;
    }

    private static Resource.Kind kind(String text) {
        return switch (text == null ? "" : text.toLowerCase(Locale.ROOT)) {
            case "appointment", "" -> Resource.Kind.APPOINTMENT_SERVICE;
            case "room" -> Resource.Kind.ROOM;
            default -> throw BookingViews.invalid("kind", "Choisissez « appointment » ou « room ».");
        };
    }

    private ApiResponse agenda(ApiRequest request) {
        agent(request);
        String tenantId = request.path("tenantId");
        Resource resource = services.booking().resource(tenantId, kind(request.query("kind").orElse("")),
                request.query("resource").orElseThrow(() -> BookingViews.invalid("resource",
                        "Choisissez un service ou une salle.")));
        LocalDate from = BookingViews.parseDay(request.query("from").orElse(null), "from");
        LocalDate to = request.query("to").map(t -> BookingViews.parseDay(t, "to")).orElse(from);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= Bookings.MAX_WINDOW_DAYS) {
            throw BookingViews.invalid("to", "Choisissez une fin après le début, " + Bookings.MAX_WINDOW_DAYS
                    + " jours au plus.");
        }
        ObjectNode body = Json.object().put("resourceId", resource.id()).put("from", from.toString())
                .put("to", to.toString());
        ArrayNode items = body.putArray("items");
        services.bookings().agenda(tenantId, resource.id(), from, to).stream()
                .filter(b -> b.kind() == resource.kind() && b.status() != Booking.Status.FAILED
                        && b.status() != Booking.Status.PLACING)
                .forEach(b -> items.add(BookingViews.booking(b, resource)));
        return ApiResponse.ok(body);
    }

    private ApiResponse bookForCaller(ApiRequest request) {
        String agentId = agent(request);
        JsonNode body = request.jsonBody(MAX_BODY);
        JsonNode holder = body.path("holder");
        String name = holder.path("name").asText("").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw BookingViews.invalid("holder.name", "Indiquez le nom de la personne.");
        }
        String email = holder.path("email").asText("").strip();
        if (!email.isEmpty() && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            throw BookingViews.invalid("holder.email", "Adresse électronique invalide.");
        }
        Channel channel = switch (body.path("channel").asText("phone")) {
            case "phone" -> Channel.PHONE;
            case "counter" -> Channel.COUNTER;
            default -> throw BookingViews.invalid("channel", "Choisissez « phone » ou « counter ».");
        };
        Optional<String> key = request.header("idempotency-key");
        String holderId = !email.isEmpty() ? "contact:" + email.toLowerCase(Locale.ROOT)
                : "contact:" + key.map(k -> References.forIdempotencyKey(LocalDate.now(services.clock()),
                        request.path("tenantId"), agentId, "caller:" + k))
                        .orElseGet(() -> References.random(LocalDate.now(services.clock())));
        LocalDateTime start = BookingViews.parseTime(body.path("start").asText(null), "start");
        Booking booked = services.booking().bookAppointment(request.path("tenantId"), body.path("serviceId").asText(),
                body.path("typeId").asText(), start, new Bookings.Holder(holderId, name, email.isEmpty() ? null
                        : email),
                channel, key);
        return ApiResponse.json(201, view(booked));
    }

    private Booking bookingOfTenant(ApiRequest request) {
        String tenantId = request.path("tenantId");
        return services.bookings().find(request.path("bookingId")).filter(b -> b.tenantId().equals(tenantId))
                .orElseThrow(() -> new DomainException.NotFound("Aucune réservation ne porte ce numéro."));
    }

    private ApiResponse booking(ApiRequest request) {
        agent(request);
        return ApiResponse.ok(view(bookingOfTenant(request)));
    }

    private ApiResponse noShow(ApiRequest request) {
        agent(request);
        return ApiResponse.ok(view(services.booking().markNoShow(bookingOfTenant(request))));
    }

    private ApiResponse decide(ApiRequest request) {
        agent(request);
        JsonNode body = request.jsonBody(MAX_BODY);
        if (!body.path("approve").isBoolean()) {
            throw BookingViews.invalid("approve", "Indiquez true pour valider, false pour refuser.");
        }
        Booking decided = services.booking().decide(bookingOfTenant(request), body.path("approve").asBoolean(),
                body.path("reason").asText(""));
        return ApiResponse.ok(view(decided));
    }

    private ApiResponse block(ApiRequest request) {
        String agentId = agent(request);
        JsonNode body = request.jsonBody(MAX_BODY);
        BlockedPeriod period = services.booking().block(request.path("tenantId"), kind(body.path("kind").asText("")),
                body.path("resourceId").asText(), BookingViews.parseTime(body.path("start").asText(null), "start"),
                BookingViews.parseTime(body.path("end").asText(null), "end"), body.path("reason").asText(""), agentId);
        return ApiResponse.json(201, period(period));
    }

    private ApiResponse blockedPeriods(ApiRequest request) {
        agent(request);
        String resourceId = request.query("resource").orElseThrow(() -> BookingViews.invalid("resource",
                "Choisissez un service ou une salle."));
        ObjectNode body = Json.object().put("resourceId", resourceId);
        ArrayNode items = body.putArray("items");
        services.booking().blockedPeriods(request.path("tenantId"), kind(request.query("kind").orElse("")), resourceId)
                .forEach(p -> items.add(period(p)));
        return ApiResponse.ok(body);
    }

    private ApiResponse reopen(ApiRequest request) {
        agent(request);
        String resourceId = request.query("resource").orElseThrow(() -> BookingViews.invalid("resource",
                "Choisissez un service ou une salle."));
        return ApiResponse.ok(period(services.booking().reopen(request.path("tenantId"),
                kind(request.query("kind").orElse("")), resourceId, request.path("periodId"))));
    }

    private static ObjectNode period(BlockedPeriod period) {
        return Json.object().put("id", period.id()).put("resourceId", period.resourceId())
                .put("start", BookingViews.time(period.start())).put("end", BookingViews.time(period.end()))
                .put("reason", period.reason());
    }

    private ObjectNode view(Booking booking) {
        Optional<Resource> resource = services.resources().resource(booking.tenantId(), booking.kind(),
                booking.resourceId());
        return BookingViews.booking(booking, resource.orElse(null));
    }
}
