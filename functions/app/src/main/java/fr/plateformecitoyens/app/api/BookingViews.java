package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.json.ResourceCodec;
import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.booking.Slot;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.legal.DecisionClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The JSON shapes of bookings and bookable resources; times are ISO 8601 with the Paris offset. */
public final class BookingViews {

    private BookingViews() {
    }

    public static String time(LocalDateTime local) {
        return local.atZone(DecisionClock.PARIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** A time sent by a client: with an offset (converted to Paris time) or without (taken as Paris time). */
    public static LocalDateTime parseTime(String text, String field) {
        if (text == null || text.isBlank()) {
            throw invalid(field, "Indiquez une date et une heure.");
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(DecisionClock.PARIS).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException again) {
                throw invalid(field, "Date et heure illisibles : attendu par exemple 2027-01-15T09:30:00+01:00.");
            }
        }
    }

    public static LocalDate parseDay(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid(field, "Date illisible : attendu par exemple 2027-01-15.");
        }
    }

    static DomainException invalid(String field, String message) {
        return new DomainException.InvalidInput(message, List.of(new DomainException.FieldError(field, message)));
    }

    public static ObjectNode slot(Slot slot) {
        return Json.object().put("start", time(slot.start())).put("end", time(slot.end()))
                .put("remaining", slot.remaining());
    }

    public static ArrayNode slots(List<?> slots) {
        ArrayNode array = Json.array();
        slots.forEach(s -> array.add(slot((Slot) s)));
        return array;
    }

    public static ObjectNode service(Resource r) {
        ObjectNode node = common(r).put("desks", r.capacity());
        ArrayNode types = node.putArray("types");
        r.types().forEach(t -> types.addObject().put("id", t.id()).put("name", t.name())
                .put("durationMinutes", t.durationMinutes()));
        return node;
    }

    public static ObjectNode room(Resource r) {
        ObjectNode node = common(r).put("seats", r.seats()).put("approvalRequired", r.rules().approvalRequired())
                .put("feeCents", r.feeCents()).put("maxDurationMinutes", r.rules().maxDurationMinutes());
        r.equipment().forEach(node.putArray("equipment")::add);
        ArrayNode audiences = node.putArray("audiences");
        r.audiences().stream().sorted().forEach(a -> audiences.add(a.name().toLowerCase(Locale.ROOT)));
        return node;
    }

    private static ObjectNode common(Resource r) {
        ObjectNode node = Json.object().put("id", r.id()).put("name", r.name()).put("description", r.description())
                .put("address", r.address()).put("gridMinutes", r.gridMinutes())
                .put("cancelCutoffHours", r.rules().cancelCutoffHours())
                .put("minNoticeMinutes", r.rules().minNoticeMinutes()).put("maxNoticeDays", r.rules().maxNoticeDays());
        node.set("openingHours", ResourceCodec.opening(r.opening()).path("weekly"));
        return node;
    }

    public static ObjectNode booking(Booking b, Resource resource) {
        ObjectNode node = Json.object().put("id", b.id())
                .put("kind", b.kind() == Resource.Kind.ROOM ? "room" : "appointment").put("tenantId", b.tenantId())
                .put("resourceId", b.resourceId()).put("resourceName", b.resourceName()).put("typeId", b.typeId())
                .put("typeName", b.typeName()).put("start", time(b.start())).put("end", time(b.end()))
                .put("status", b.status().code()).put("note", b.note()).put("holderName", b.holderName())
                .put("holderEmail", b.holderEmail()).put("channel", b.channel().code())
                .put("createdAt", b.createdAt().toString());
        if (resource != null) {
            node.put("address", resource.address());
            node.put("cancellableUntil", time(b.start().minusHours(resource.rules().cancelCutoffHours())));
        }
        return node;
    }
}
