package fr.plateformecitoyens.core.booking;

import fr.plateformecitoyens.core.legal.DecisionClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The time grid of a resource: which starts can be booked on a day, which cells a booking covers, and
 * why a given time cannot be booked (in French, for the person).
 */
public final class SlotGrid {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    private SlotGrid() {
    }

    /** The grid cells from {@code start} (included) to {@code end} (excluded). */
    public static List<LocalDateTime> cells(Resource resource, LocalDateTime start, LocalDateTime end) {
        List<LocalDateTime> cells = new ArrayList<>();
        for (LocalDateTime t = start; t.isBefore(end); t = t.plusMinutes(resource.gridMinutes())) {
            cells.add(t);
        }
        return cells;
    }

    /** The starts on {@code day} where a booking of {@code minutes} fits inside one opening range. */
    public static List<LocalDateTime> starts(Resource resource, LocalDate day, int minutes) {
        int grid = resource.gridMinutes();
        List<LocalDateTime> starts = new ArrayList<>();
        for (TimeRange range : resource.opening().rangesOn(day)) {
            int open = range.start().toSecondOfDay() / 60;
            int close = range.end().toSecondOfDay() / 60;
            for (int m = (open + grid - 1) / grid * grid; m + minutes <= close; m += grid) {
                starts.add(day.atStartOfDay().plusMinutes(m));
            }
        }
        return starts;
    }

    /**
     * Why a booking from {@code start} to {@code end} cannot be made now, or empty when it can (places
     * left aside: the ledger decides those).
     */
    public static Optional<String> refusal(Resource resource, LocalDateTime start, LocalDateTime end, Instant now,
            List<BlockedPeriod> blocked) {
        LocalDateTime nowHere = LocalDateTime.ofInstant(now, DecisionClock.PARIS);
        if (!start.isAfter(nowHere)) {
            return Optional.of("Ce créneau est déjà passé.");
        }
        if (!start.isBefore(end)) {
            return Optional.of("La fin doit suivre le début.");
        }
        long minutes = Duration.between(start, end).toMinutes();
        if (minutes > resource.rules().maxDurationMinutes()) {
            int max = resource.rules().maxDurationMinutes();
            String limit = max % 60 == 0 ? max / 60 + " h" : max / 60 + " h " + String.format("%02d", max % 60);
            return Optional.of("La durée dépasse le maximum permis (" + limit + ").");
        }
        if (start.isBefore(nowHere.plusMinutes(resource.rules().minNoticeMinutes()))) {
            return Optional.of("Ce créneau est trop proche : réservez au moins " + notice(resource)
                    + " à l'avance.");
        }
        if (start.toLocalDate().isAfter(nowHere.toLocalDate().plusDays(resource.rules().maxNoticeDays()))) {
            return Optional.of("Ce créneau est trop lointain : réservez au plus " + resource.rules().maxNoticeDays()
                    + " jours à l'avance.");
        }
        boolean onGrid = start.getMinute() % resource.gridMinutes() == 0 && start.getSecond() == 0
                && start.getNano() == 0 && (start.getHour() * 60 + start.getMinute()) % resource.gridMinutes() == 0
                && minutes % resource.gridMinutes() == 0;
        if (!onGrid) {
            return Optional.of("Les créneaux commencent toutes les " + resource.gridMinutes() + " minutes.");
        }
        if (!start.toLocalDate().equals(end.minusNanos(1).toLocalDate())) {
            return Optional.of("Une réservation tient sur une seule journée.");
        }
        LocalDate day = start.toLocalDate();
        List<TimeRange> ranges = resource.opening().rangesOn(day);
        if (ranges.isEmpty()) {
            String why = FrenchHolidays.isHoliday(day) && !resource.opening().exceptions().containsKey(day)
                    ? " : c'est un jour férié." : ".";
            return Optional.of("Fermé le " + DAY.format(day) + why);
        }
        LocalTime to = end.toLocalTime().equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : end.toLocalTime();
        if (ranges.stream().noneMatch(r -> r.contains(start.toLocalTime(), to))) {
            return Optional.of("Ce créneau est en dehors des heures d'ouverture.");
        }
        for (BlockedPeriod period : blocked) {
            if (period.overlaps(start, end)) {
                return Optional.of("Ce créneau tombe pendant une fermeture : " + period.reason() + ".");
            }
        }
        return Optional.empty();
    }

    private static String notice(Resource resource) {
        int minutes = resource.rules().minNoticeMinutes();
        if (minutes % 1440 == 0) {
            return minutes / 1440 + " jour" + (minutes >= 2880 ? "s" : "");
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " minutes";
    }
}
