package fr.plateformecitoyens.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.core.booking.AppointmentType;
import fr.plateformecitoyens.core.booking.BookingRules;
import fr.plateformecitoyens.core.booking.OpeningCalendar;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.booking.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads and writes a bookable resource's definition as JSON (how it is stored and seeded). */
public final class ResourceCodec {

    private ResourceCodec() {
    }

    public static ObjectNode write(Resource r) {
        ObjectNode node = Json.object().put("tenantId", r.tenantId()).put("id", r.id()).put("kind", r.kind().name())
                .put("name", r.name()).put("description", r.description()).put("address", r.address())
                .put("capacity", r.capacity()).put("gridMinutes", r.gridMinutes()).put("seats", r.seats())
                .put("feeCents", r.feeCents());
        node.set("opening", opening(r.opening()));
        node.putObject("rules").put("minNoticeMinutes", r.rules().minNoticeMinutes())
                .put("maxNoticeDays", r.rules().maxNoticeDays())
                .put("cancelCutoffHours", r.rules().cancelCutoffHours())
                .put("maxDurationMinutes", r.rules().maxDurationMinutes())
                .put("approvalRequired", r.rules().approvalRequired());
        ArrayNode types = node.putArray("types");
        r.types().forEach(t -> types.addObject().put("id", t.id()).put("name", t.name())
                .put("durationMinutes", t.durationMinutes()));
        r.equipment().forEach(node.putArray("equipment")::add);
        r.audiences().stream().sorted().forEach(a -> node.withArray("audiences").add(a.name()));
        return node;
    }

    /** Weekly hours keyed by lower-case English day name, then the exceptions by date. */
    public static ObjectNode opening(OpeningCalendar calendar) {
        ObjectNode node = Json.object();
        ObjectNode weekly = node.putObject("weekly");
        calendar.weekly().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> weekly.set(e.getKey().name().toLowerCase(Locale.ROOT), ranges(e.getValue())));
        ObjectNode exceptions = node.putObject("exceptions");
        calendar.exceptions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> exceptions.set(e.getKey().toString(), ranges(e.getValue())));
        node.put("opensOnHolidays", calendar.opensOnHolidays());
        return node;
    }

    private static ArrayNode ranges(List<TimeRange> ranges) {
        ArrayNode array = Json.array();
        ranges.forEach(r -> array.addObject().put("start", r.start().toString()).put("end", r.end().toString()));
        return array;
    }

    public static Resource read(JsonNode n) {
        JsonNode rules = n.path("rules");
        List<AppointmentType> types = new ArrayList<>();
        n.path("types").forEach(t -> types.add(new AppointmentType(t.path("id").asText(), t.path("name").asText(),
                t.path("durationMinutes").asInt())));
        List<String> equipment = new ArrayList<>();
        n.path("equipment").forEach(e -> equipment.add(e.asText()));
        Set<Resource.Audience> audiences = EnumSet.noneOf(Resource.Audience.class);
        n.path("audiences").forEach(a -> audiences.add(Resource.Audience.valueOf(a.asText())));
        return new Resource(n.path("tenantId").asText(), n.path("id").asText(),
                Resource.Kind.valueOf(n.path("kind").asText()), n.path("name").asText(), n.path("description").asText(),
                n.path("address").asText(), n.path("capacity").asInt(), n.path("gridMinutes").asInt(),
                readOpening(n.path("opening")), new BookingRules(rules.path("minNoticeMinutes").asInt(),
                        rules.path("maxNoticeDays").asInt(), rules.path("cancelCutoffHours").asInt(),
                        rules.path("maxDurationMinutes").asInt(), rules.path("approvalRequired").asBoolean()),
                types, n.path("seats").asInt(), equipment, audiences, n.path("feeCents").asInt());
    }

    public static OpeningCalendar readOpening(JsonNode n) {
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        n.path("weekly").fields().forEachRemaining(e -> weekly.put(
                DayOfWeek.valueOf(e.getKey().toUpperCase(Locale.ROOT)), readRanges(e.getValue())));
        Map<LocalDate, List<TimeRange>> exceptions = new HashMap<>();
        n.path("exceptions").fields().forEachRemaining(e -> exceptions.put(LocalDate.parse(e.getKey()),
                readRanges(e.getValue())));
        return new OpeningCalendar(weekly, exceptions, n.path("opensOnHolidays").asBoolean());
    }

    private static List<TimeRange> readRanges(JsonNode array) {
        List<TimeRange> ranges = new ArrayList<>();
        array.forEach(r -> ranges.add(TimeRange.of(r.path("start").asText(), r.path("end").asText())));
        return ranges;
    }
}
