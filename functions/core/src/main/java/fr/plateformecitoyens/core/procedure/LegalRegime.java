package fr.plateformecitoyens.core.procedure;

/**
 * The legal regime of a démarche: what silence means and after how long.
 *
 * @param periodMonths   the period after which the implicit decision arises (2 by default, 4 for a
 *                       registration limited by capacity)
 * @param restartsOnCorrection whether the clock starts afresh when missing pieces arrive (SVA, L114-5) or
 *                       resumes where it stopped
 * @param legalBasis     the text that sets the regime, quoted in the acknowledgement
 */
public record LegalRegime(SilenceRule rule, int periodMonths, boolean restartsOnCorrection, String legalBasis) {

    public LegalRegime {
        if (periodMonths < 1 || periodMonths > 24) {
            throw new IllegalArgumentException("period must be between 1 and 24 months");
        }
    }

    public static LegalRegime silenceMeansAcceptance(int months) {
        return new LegalRegime(SilenceRule.SVA, months, true, "Code des relations entre le public et "
                + "l'administration, article L231-1");
    }

    public static LegalRegime silenceMeansRejection(int months, String legalBasis) {
        return new LegalRegime(SilenceRule.SVR, months, false, legalBasis);
    }

    /** A French label such as « Silence vaut acceptation après 2 mois ». */
    public String label() {
        String meaning = rule == SilenceRule.SVA ? "acceptation" : "rejet";
        return "Silence vaut " + meaning + " après " + periodMonths + " mois";
    }
}
