package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.n;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.number;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.string;

import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.request.Channel;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a booking to its item. Index keys: gsi1 the holder's bookings ({@code HOLDER#id}, by start),
 * gsi2 a resource's agenda by month ({@code AGENDA#tenant#resource#yyyy-MM}, by start), gsi3 either the
 * bookings being placed ({@code PLACING}) or, for a confirmed booking, the hour its reminder is due
 * ({@code REMIND#<UTC hour>}, 48 hours before its start).
 */
final class BookingItems {

    static final long REMINDER_HOURS = 48;

    private BookingItems() {
    }

    static String agendaPartition(String tenantId, Resource.Kind kind, String resourceId, YearMonth month) {
        return "AGENDA#" + tenantId + "#" + kind.name() + "#" + resourceId + "#" + month;
    }

    static String reminderPartition(Instant hour) {
        return "REMIND#" + hour.truncatedTo(ChronoUnit.HOURS);
    }

    static Map<String, AttributeValue> toItem(Booking b) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key("BOOKING#" + b.id(), "BOOKING"));
        item.put("gsi1pk", s("HOLDER#" + b.holderId()));
        item.put("gsi1sk", s(b.start() + "#" + b.id()));
        item.put("gsi2pk", s(agendaPartition(b.tenantId(), b.kind(), b.resourceId(), YearMonth.from(b.start()))));
        item.put("gsi2sk", s(b.start() + "#" + b.id()));
        if (b.status() == Booking.Status.PLACING) {
            item.put("gsi3pk", s("PLACING"));
            item.put("gsi3sk", s(b.createdAt() + "#" + b.id()));
        } else if (b.status() == Booking.Status.CONFIRMED) {
            Instant due = b.start().atZone(DecisionClock.PARIS).toInstant().minus(REMINDER_HOURS, ChronoUnit.HOURS);
            item.put("gsi3pk", s(reminderPartition(due)));
            item.put("gsi3sk", s(b.id()));
        }
        item.put("id", s(b.id()));
        item.put("tenantId", s(b.tenantId()));
        item.put("kind", s(b.kind().name()));
        item.put("resourceId", s(b.resourceId()));
        item.put("resourceName", s(b.resourceName()));
        item.put("typeId", s(b.typeId()));
        item.put("typeName", s(b.typeName()));
        item.put("start", s(b.start().toString()));
        item.put("end", s(b.end().toString()));
        item.put("cells", AttributeValue.fromL(b.cells().stream().map(c -> s(c.toString())).toList()));
        item.put("holderId", s(b.holderId()));
        item.put("holderName", s(b.holderName() == null ? "" : b.holderName()));
        item.put("holderEmail", s(b.holderEmail() == null ? "" : b.holderEmail()));
        item.put("channel", s(b.channel().code()));
        item.put("status", s(b.status().name()));
        item.put("note", s(b.note()));
        item.put("createdAt", s(b.createdAt().toString()));
        item.put("updatedAt", s(b.updatedAt().toString()));
        item.put("version", n(b.version()));
        return item;
    }

    static Booking fromItem(Map<String, AttributeValue> item) {
        String email = string(item, "holderEmail");
        return new Booking(string(item, "id"), string(item, "tenantId"), Resource.Kind.valueOf(string(item, "kind")),
                string(item, "resourceId"), string(item, "resourceName"), string(item, "typeId"),
                string(item, "typeName"), LocalDateTime.parse(string(item, "start")),
                LocalDateTime.parse(string(item, "end")),
                item.get("cells").l().stream().map(c -> LocalDateTime.parse(c.s())).toList(), string(item, "holderId"),
                string(item, "holderName"), email == null || email.isEmpty() ? null : email,
                Channel.fromCode(string(item, "channel")), Booking.Status.valueOf(string(item, "status")),
                string(item, "note"), Instant.parse(string(item, "createdAt")), Instant.parse(string(item,
                        "updatedAt")),
                number(item, "version"));
    }
}
