package fr.plateformecitoyens.local.booking;

import fr.plateformecitoyens.core.booking.FrenchHolidays;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Tokens;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Days and citizens for booking tests, so that tests never compete for the same slot by accident. */
final class BookingFixtures {

    static final String COMMUNE = "/api/v1/tenants/beaumont-des-sources";
    private static final AtomicInteger NEXT_DAY = new AtomicInteger(3);

    private BookingFixtures() {
    }

    /** A working day (Monday to Friday, no public holiday) of its own, a few days ahead. */
    static LocalDate freshWorkingDay() {
        while (true) {
            LocalDate day = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(NEXT_DAY.getAndIncrement());
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !FrenchHolidays.isHoliday(day)) {
                return day;
            }
        }
    }

    /** A fresh citizen's ID token, signed as the Cognito emulator signs them. */
    static String citizen(Api api) {
        try {
            return Tokens.citizen(api.cloud().stack().issuer(), api.cloud().stack().userPoolClientId(),
                    "citoyen-" + UUID.randomUUID());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The time of day on {@code day} in Paris, as the API writes it (ISO 8601 with the offset of that day). */
    static String at(LocalDate day, String time) {
        return day.atTime(java.time.LocalTime.parse(time)).atZone(ZoneId.of("Europe/Paris"))
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String appointment(String serviceId, String typeId, String start) {
        return "{\"serviceId\":\"" + serviceId + "\",\"typeId\":\"" + typeId + "\",\"start\":\"" + start + "\"}";
    }
}
