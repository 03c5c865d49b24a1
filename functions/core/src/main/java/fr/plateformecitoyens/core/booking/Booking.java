package fr.plateformecitoyens.core.booking;

import fr.plateformecitoyens.core.request.Channel;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * An appointment or a room booking. Times are local to Paris; {@code cells} are the grid cells it holds
 * in the ledger while it is {@link Status#holdsPlace() holding its place}.
 *
 * @param holderId who holds the place: the citizen's account id, or a contact id for a caller with no
 *                 account; one holder cannot hold the same cell twice
 * @param typeId   the appointment type (empty for a room)
 * @param note     the purpose given for a room, or the reason of a refusal
 */
public record Booking(String id, String tenantId, Resource.Kind kind, String resourceId, String resourceName,
        String typeId, String typeName, LocalDateTime start, LocalDateTime end, List<LocalDateTime> cells,
        String holderId, String holderName, String holderEmail, Channel channel, Status status, String note,
        Instant createdAt, Instant updatedAt, long version) {

    /** Where a booking stands. */
    public enum Status {
        /** Being placed: cells are being taken; becomes confirmed, awaiting approval, or failed. */
        PLACING,
        /** Never placed (the place was taken first, or placing was interrupted); not shown to anyone. */
        FAILED,
        CONFIRMED,
        AWAITING_APPROVAL,
        CANCELLED,
        REFUSED,
        NO_SHOW;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** True while the booking holds its cells in the ledger. */
        public boolean holdsPlace() {
            return this == PLACING || this == CONFIRMED || this == AWAITING_APPROVAL || this == NO_SHOW;
        }
    }

    public Booking {
        Objects.requireNonNull(id, "id");
        cells = List.copyOf(cells);
        typeId = typeId == null ? "" : typeId;
        typeName = typeName == null ? "" : typeName;
        note = note == null ? "" : note;
    }

    public Booking with(Status newStatus, String newNote, Instant at) {
        return new Booking(id, tenantId, kind, resourceId, resourceName, typeId, typeName, start, end, cells, holderId,
                holderName, holderEmail, channel, newStatus, newNote, createdAt, at, version + 1);
    }

    public Booking movedTo(LocalDateTime newStart, LocalDateTime newEnd, List<LocalDateTime> newCells, Instant at) {
        return new Booking(id, tenantId, kind, resourceId, resourceName, typeId, typeName, newStart, newEnd, newCells,
                holderId, holderName, holderEmail, channel, status, note, createdAt, at, version + 1);
    }
}
