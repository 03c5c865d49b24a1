package fr.plateformecitoyens.core.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where bookings are kept. Each method is one keyed read or one conditional write. */
public interface BookingStore {

    /** Stores a new booking; false when one with its id exists already. */
    boolean create(Booking booking);

    Optional<Booking> find(String id);

    /** Replaces the booking if its stored version is still {@code expectedVersion}; false otherwise. */
    boolean replace(Booking booking, long expectedVersion);

    /** A holder's bookings, latest start first. */
    List<Booking> byHolder(String holderId);

    /** The bookings of one resource starting between the two days, included, earliest first. */
    List<Booking> agenda(String tenantId, String resourceId, LocalDate from, LocalDate to);

    /** Confirmed bookings whose reminder is due in the hour starting at {@code hour}. */
    List<Booking> remindersDue(Instant hour);

    /** Bookings left in {@link Booking.Status#PLACING} (a crash mid-way), to be undone. */
    List<Booking> stalePlacings(Instant olderThan);
}
