package fr.plateformecitoyens.app.schedule;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.log.Log;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.core.booking.Bookings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * The hourly booking job: publishes the reminders due this hour (48 hours before each confirmed booking,
 * and those of the two hours before, in case a run was missed; the e-mails are sent once whatever the
 * repeats), and gives back the places of bookings a crash left half-placed.
 */
public final class BookingRemindersFunction implements Function<InputStream, byte[]> {

    private static final int CATCH_UP_HOURS = 2;

    private final Services services;

    public BookingRemindersFunction(Services services) {
        this.services = services;
    }

    @Override
    public byte[] apply(InputStream input) {
        String id;
        try {
            id = Json.parse(input.readAllBytes()).path("id").asText("schedule");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Log.begin("bookingReminders", id);
        try {
            Bookings bookings = services.booking();
            Instant hour = services.clock().instant().truncatedTo(ChronoUnit.HOURS);
            int reminded = 0;
            for (int back = CATCH_UP_HOURS; back >= 0; back--) {
                reminded += bookings.remind(hour.minus(back, ChronoUnit.HOURS));
            }
            int undone = bookings.undoStalePlacings();
            Log.info("booking reminders published", "reminded", reminded, "undone", undone);
            return Json.writeBytes(Json.object().put("reminded", reminded).put("undone", undone));
        } finally {
            Log.end();
        }
    }
}
