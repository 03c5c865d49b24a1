package fr.plateformecitoyens.core.booking;

import java.time.LocalDateTime;

/** A period an agent closed on a resource (works, an event): no booking may overlap it. */
public record BlockedPeriod(String tenantId, String resourceId, String id, LocalDateTime start, LocalDateTime end,
        String reason, String createdBy) {

    public BlockedPeriod {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a blocked period ends after it starts");
        }
    }

    public boolean overlaps(LocalDateTime from, LocalDateTime to) {
        return from.isBefore(end) && to.isAfter(start);
    }
}
