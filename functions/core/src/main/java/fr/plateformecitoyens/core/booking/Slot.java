package fr.plateformecitoyens.core.booking;

import java.time.LocalDateTime;

/** A time one can book, and how many places are left in it. */
public record Slot(LocalDateTime start, LocalDateTime end, int remaining) {
}
