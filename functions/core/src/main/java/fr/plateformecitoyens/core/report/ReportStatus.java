package fr.plateformecitoyens.core.report;

import java.util.Locale;
import java.util.Set;

/**
 * Where a report (signalement) stands. The first three are open: the problem is still there. A report
 * is closed once resolved or rejected; a rejection always says why.
 */
public enum ReportStatus {
    NEW("Reçu"), ACKNOWLEDGED("Pris en compte"), IN_PROGRESS("En cours de traitement"), RESOLVED("Résolu"),
    REJECTED("Rejeté");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The French label shown to citizens and agents. */
    public String label() {
        return label;
    }

    public boolean open() {
        return this == NEW || this == ACKNOWLEDGED || this == IN_PROGRESS;
    }

    /** The statuses an agent may move a report to from this one. */
    public Set<ReportStatus> next() {
        return switch (this) {
            case NEW -> Set.of(ACKNOWLEDGED, IN_PROGRESS, RESOLVED, REJECTED);
            case ACKNOWLEDGED -> Set.of(IN_PROGRESS, RESOLVED, REJECTED);
            case IN_PROGRESS -> Set.of(RESOLVED, REJECTED);
            case RESOLVED, REJECTED -> Set.of(IN_PROGRESS);
        };
    }

    public static ReportStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
