package fr.plateformecitoyens.core.procedure;

/**
 * The legal regime of a démarche: what silence means and after how long.
 *
 * @param periodMonths   the length of the period after which the implicit decision arises, counted in
 *                       {@code unit} (named for the usual unit: 2 months by default, 4 for a registration
 *                       limited by capacity)
 * @param restartsOnCorrection whether the clock starts afresh when missing pieces arrive (SVA, L114-5) or
 *                       resumes where it stopped
 * @param legalBasis     the text that sets the regime, quoted in the acknowledgement
 * @param unit           days, weeks or months
 */
public record LegalRegime(SilenceRule rule, int periodMonths, boolean restartsOnCorrection, String legalBasis,
        PeriodUnit unit) {

    public LegalRegime {
        if (unit == null) {
            unit = PeriodUnit.MONTHS;
        }
        if (periodMonths < 1 || periodMonths > unit.max()) {
            throw new IllegalArgumentException("period must be between 1 and " + unit.max() + " " + unit.code());
        }
    }

    /** A regime whose period is in months. */
    public LegalRegime(SilenceRule rule, int periodMonths, boolean restartsOnCorrection, String legalBasis) {
        this(rule, periodMonths, restartsOnCorrection, legalBasis, PeriodUnit.MONTHS);
    }

    public static LegalRegime silenceMeansAcceptance(int months) {
        return new LegalRegime(SilenceRule.SVA, months, true, "Code des relations entre le public et "
                + "l'administration, article L231-1");
    }

    public static LegalRegime silenceMeansRejection(int months, String legalBasis) {
        return new LegalRegime(SilenceRule.SVR, months, false, legalBasis);
    }

    /** The same regime founded on another text. */
    public LegalRegime withBasis(String basis) {
        return new LegalRegime(rule, periodMonths, restartsOnCorrection, basis, unit);
    }

    /** The length of the period, counted in {@link #unit()}. */
    public int period() {
        return periodMonths;
    }

    /** A French label such as « Silence vaut acceptation après 2 mois ». */
    public String label() {
        String meaning = rule == SilenceRule.SVA ? "acceptation" : "rejet";
        return "Silence vaut " + meaning + " après " + unit.words(periodMonths);
    }
}
