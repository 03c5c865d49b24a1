package fr.plateformecitoyens.core.booking;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Something citizens book: an appointment service (desks working in parallel) or a room (one booking at
 * a time). Time is cut into cells of {@code gridMinutes}; a booking holds every cell it covers, and a
 * cell holds at most {@code capacity} bookings.
 *
 * @param types     the appointment types of a service (empty for a room)
 * @param seats     for a room, how many people it takes (0 for a service)
 * @param audiences for a room, who may book it
 * @param feeCents  for a room, the fee (0 when free), paid later through the payments capability
 */
public record Resource(String tenantId, String id, Kind kind, String name, String description, String address,
        int capacity, int gridMinutes, OpeningCalendar opening, BookingRules rules, List<AppointmentType> types,
        int seats, List<String> equipment, Set<Audience> audiences, int feeCents) {

    /** The two kinds of bookable resource. */
    public enum Kind {
        APPOINTMENT_SERVICE, ROOM
    }

    /** Who may book a room. */
    public enum Audience {
        RESIDENT, ASSOCIATION
    }

    public Resource {
        types = List.copyOf(types);
        equipment = List.copyOf(equipment);
        audiences = Set.copyOf(audiences);
        if (capacity < 1 || gridMinutes < 5 || 1440 % gridMinutes != 0) {
            throw new IllegalArgumentException("capacity must be positive and the grid divide a day");
        }
        for (AppointmentType type : types) {
            if (type.durationMinutes() % gridMinutes != 0 || type.durationMinutes() > rules.maxDurationMinutes()) {
                throw new IllegalArgumentException("type " + type.id() + " must last a multiple of the grid");
            }
        }
    }

    public Optional<AppointmentType> type(String typeId) {
        return types.stream().filter(t -> t.id().equals(typeId)).findFirst();
    }

    /** The key under which this resource's cells are counted. */
    public String ledgerKey() {
        return ledgerKey(kind, tenantId, id);
    }

    public static String ledgerKey(Kind kind, String tenantId, String id) {
        return (kind == Kind.ROOM ? "ROOM#" : "SERVICE#") + tenantId + "#" + id;
    }
}
