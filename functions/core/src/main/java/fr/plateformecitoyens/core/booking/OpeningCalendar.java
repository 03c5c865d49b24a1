package fr.plateformecitoyens.core.booking;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When a service or a room is open: weekly hours, minus public holidays (unless the service opens on
 * them), with exceptions for given days (a closure, or other hours that replace the week's).
 *
 * @param exceptions by day: an empty list closes the day, ranges replace the day's usual hours
 */
public record OpeningCalendar(Map<DayOfWeek, List<TimeRange>> weekly, Map<LocalDate, List<TimeRange>> exceptions,
        boolean opensOnHolidays) {

    public OpeningCalendar {
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, ranges) -> days.put(day, List.copyOf(ranges)));
        weekly = Map.copyOf(days);
        exceptions = Map.copyOf(exceptions);
    }

    /** The opening ranges of {@code day}, earliest first; empty when closed. */
    public List<TimeRange> rangesOn(LocalDate day) {
        List<TimeRange> special = exceptions.get(day);
        if (special != null) {
            return special;
        }
        if (!opensOnHolidays && FrenchHolidays.isHoliday(day)) {
            return List.of();
        }
        return weekly.getOrDefault(day.getDayOfWeek(), List.of());
    }
}
