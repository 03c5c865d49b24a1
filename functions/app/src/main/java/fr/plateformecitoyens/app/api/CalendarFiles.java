package fr.plateformecitoyens.app.api;

import fr.plateformecitoyens.adapters.Config;
import fr.plateformecitoyens.adapters.calendar.IcsCalendar;
import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.Resource;

/** The iCalendar file of a booking, as offered for download and attached to e-mails. */
final class CalendarFiles {

    private CalendarFiles() {
    }

    static String of(Booking booking, Resource resource) {
        return IcsCalendar.of(booking, resource == null ? "" : resource.address(),
                Config.optional("MAIL_SENDER").orElse("no-reply@example.org"));
    }
}
