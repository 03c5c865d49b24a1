package fr.plateformecitoyens.core.procedure;

import java.time.LocalDate;

/**
 * The unit a démarche's period is counted in. Most periods are in months (CRPA L231-1: two months); decrees set
 * some in days or weeks (CRPA L231-6).
 */
public enum PeriodUnit {
    DAYS(730, "jour", "jours"), WEEKS(104, "semaine", "semaines"), MONTHS(24, "mois", "mois");

    private final int max;
    private final String singular;
    private final String plural;

    PeriodUnit(int max, String singular, String plural) {
        this.max = max;
        this.singular = singular;
        this.plural = plural;
    }

    /** The longest period accepted in this unit: two years. */
    public int max() {
        return max;
    }

    /** {@code amount} units after {@code day}; a month lacking the day ends on its last day. */
    public LocalDate after(LocalDate day, int amount) {
        return switch (this) {
            case DAYS -> day.plusDays(amount);
            case WEEKS -> day.plusWeeks(amount);
            case MONTHS -> day.plusMonths(amount);
        };
    }

    /** The French words for {@code amount} of this unit, e.g. « 2 mois », « 1 semaine ». */
    public String words(int amount) {
        return amount + " " + (amount > 1 ? plural : singular);
    }

    /** The code used in JSON: {@code days}, {@code weeks}, {@code months}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PeriodUnit fromCode(String code) {
        for (PeriodUnit unit : values()) {
            if (unit.code().equals(code)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("unknown period unit " + code);
    }
}
