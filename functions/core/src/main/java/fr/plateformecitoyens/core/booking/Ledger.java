package fr.plateformecitoyens.core.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Counts the places taken in each grid cell of a resource. Taking a place is one conditional write: it
 * succeeds only while fewer than the capacity are taken and the holder has none in that cell, so the
 * guarantee against double booking comes from the data, not from a check made before writing.
 */
public interface Ledger {

    /** The outcome of {@link #take}. */
    enum Take {
        TAKEN, FULL, ALREADY_HELD
    }

    Take take(String ledgerKey, LocalDateTime cell, int capacity, String holderId);

    /** Gives the holder's place back; doing it twice, or for a place not held, changes nothing. */
    void release(String ledgerKey, LocalDateTime cell, String holderId);

    /** Places taken per cell over the days from {@code from} to {@code to} included. */
    Map<LocalDateTime, Integer> taken(String ledgerKey, LocalDate from, LocalDate to);
}
