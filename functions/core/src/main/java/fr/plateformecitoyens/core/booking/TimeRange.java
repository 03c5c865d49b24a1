package fr.plateformecitoyens.core.booking;

import java.time.LocalTime;

/** Opening hours of part of a day, start included, end excluded, in Paris time. */
public record TimeRange(LocalTime start, LocalTime end) {

    public TimeRange {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a range ends after it starts: " + start + "-" + end);
        }
    }

    public static TimeRange of(String start, String end) {
        return new TimeRange(LocalTime.parse(start), LocalTime.parse(end));
    }

    public boolean contains(LocalTime from, LocalTime to) {
        return !from.isBefore(start) && !to.isAfter(end) && from.isBefore(to);
    }
}
