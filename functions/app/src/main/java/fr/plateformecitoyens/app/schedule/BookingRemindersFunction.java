package fr.plateformecitoyens.app.schedule;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.core.booking.Bookings;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * The hourly booking job: publishes the reminders due this hour (48 hours before each confirmed booking,
 * and those of the two hours before, in case a run was missed; the e-mails are sent once whatever the
 * repeats), and gives back the places of bookings a crash left half-placed.
 */
public final class BookingRemindersFunction {

    private static final int CATCH_UP_HOURS = 2;

    private BookingRemindersFunction() {
    }

    public static Function<InputStream, byte[]> function(Services services) {
        return new ScheduledJob("bookingReminders", () -> {
            Bookings bookings = services.booking();
            Instant hour = services.clock().instant().truncatedTo(ChronoUnit.HOURS);
            int reminded = 0;
            for (int back = CATCH_UP_HOURS; back >= 0; back--) {
                reminded += bookings.remind(hour.minus(back, ChronoUnit.HOURS));
            }
            return Json.object().put("reminded", reminded).put("undone", bookings.undoStalePlacings());
        });
    }
}
