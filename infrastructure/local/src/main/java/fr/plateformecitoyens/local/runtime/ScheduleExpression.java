package fr.plateformecitoyens.local.runtime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * An EventBridge schedule expression, {@code rate(5 minutes)} or {@code cron(30 1 * * ? *)} (minutes,
 * hours, day of month, month, day of week with 1 = Sunday, year; always UTC), and when it next fires.
 * The {@code L}, {@code W} and {@code #} forms are refused rather than misread.
 */
public final class ScheduleExpression {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
            Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
            Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5,
            "FRI", 6, "SAT", 7);

    private final Duration rate;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final BitSet years;

    private ScheduleExpression(Duration rate, BitSet[] fields) {
        this.rate = rate;
        this.minutes = fields == null ? null : fields[0];
        this.hours = fields == null ? null : fields[1];
        this.daysOfMonth = fields == null ? null : fields[2];
        this.months = fields == null ? null : fields[3];
        this.daysOfWeek = fields == null ? null : fields[4];
        this.years = fields == null ? null : fields[5];
    }

    public static ScheduleExpression parse(String expression) {
        String text = expression.strip();
        if (text.startsWith("rate(") && text.endsWith(")")) {
            String[] parts = text.substring(5, text.length() - 1).strip().split("\\s+");
            long value = Long.parseLong(parts[0]);
            ChronoUnit unit = switch (parts[1].toLowerCase(Locale.ROOT).replaceAll("s$", "")) {
                case "minute" -> ChronoUnit.MINUTES;
                case "hour" -> ChronoUnit.HOURS;
                case "day" -> ChronoUnit.DAYS;
                default -> throw new IllegalArgumentException("unknown rate unit in " + expression);
            };
            return new ScheduleExpression(Duration.of(value, unit), null);
        }
        if (text.startsWith("cron(") && text.endsWith(")")) {
            String[] parts = text.substring(5, text.length() - 1).strip().split("\\s+");
            if (parts.length != 6) {
                throw new IllegalArgumentException("a cron expression has six fields: " + expression);
            }
            BitSet[] fields = {field(parts[0], 0, 59, Map.of()), field(parts[1], 0, 23, Map.of()),
                field(parts[2], 1, 31, Map.of()), field(parts[3], 1, 12, MONTHS), field(parts[4], 1, 7, DAYS),
                field(parts[5], 1970, 2199, Map.of())};
            return new ScheduleExpression(null, fields);
        }
        throw new IllegalArgumentException("not a schedule expression: " + expression);
    }

    private static BitSet field(String text, int min, int max, Map<String, Integer> names) {
        BitSet bits = new BitSet();
        if (text.equals("*") || text.equals("?")) {
            bits.set(min, max + 1);
            return bits;
        }
        for (String part : text.split(",")) {
            if (part.contains("L") && !names.containsKey(part) || part.contains("W") && !names.containsKey(part)
                    || part.contains("#")) {
                throw new IllegalArgumentException("cron form not supported locally: " + text);
            }
            int step = 1;
            String range = part;
            if (part.contains("/")) {
                step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
                range = part.substring(0, part.indexOf('/'));
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = value(range.substring(0, range.indexOf('-')), names);
                to = value(range.substring(range.indexOf('-') + 1), names);
            } else {
                from = value(range, names);
                to = part.contains("/") ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException("value out of range in cron field " + text);
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int value(String text, Map<String, Integer> names) {
        Integer named = names.get(text.toUpperCase(Locale.ROOT));
        return named != null ? named : Integer.parseInt(text);
    }

    /** The first firing strictly after {@code after}; for a rate, one period later. */
    public ZonedDateTime nextAfter(ZonedDateTime after) {
        if (rate != null) {
            return after.plus(rate);
        }
        ZonedDateTime t = after.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!years.get(t.getYear()) || !months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!daysOfMonth.get(t.getDayOfMonth()) || !daysOfWeek.get(awsDay(t.getDayOfWeek()))) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
        throw new IllegalStateException("the schedule never fires in the next five years");
    }

    private static int awsDay(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }
}
