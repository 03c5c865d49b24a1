package fr.plateformecitoyens.core.request;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a request stands. Agents move it along the arrows of {@link #agentTargets()}; the decision clock
 * alone sets the two implicit outcomes.
 */
public enum RequestStatus {
    SUBMITTED, INCOMPLETE, IN_PROGRESS, ACCEPTED, REJECTED, CLOSED, IMPLICITLY_ACCEPTED, IMPLICITLY_REJECTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestStatus fromCode(String code) {
        for (RequestStatus status : values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status " + code);
    }

    /** How the status reads to a citizen, in French. */
    public String label() {
        return switch (this) {
            case SUBMITTED -> "Déposée";
            case INCOMPLETE -> "Incomplète";
            case IN_PROGRESS -> "En cours de traitement";
            case ACCEPTED -> "Acceptée";
            case REJECTED -> "Refusée";
            case CLOSED -> "Clôturée";
            case IMPLICITLY_ACCEPTED -> "Acceptée (décision implicite)";
            case IMPLICITLY_REJECTED -> "Refusée (décision implicite)";
        };
    }

    /** True once a decision, express or implicit, has been taken, or the request was closed. */
    public boolean isFinal() {
        return switch (this) {
            case SUBMITTED, INCOMPLETE, IN_PROGRESS -> false;
            default -> true;
        };
    }

    /** True while the implicit-decision clock runs (it is suspended while the request is incomplete). */
    public boolean clockRuns() {
        return this == SUBMITTED || this == IN_PROGRESS;
    }

    /** The statuses an agent may move a request to from this one. */
    public Set<RequestStatus> agentTargets() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(IN_PROGRESS, INCOMPLETE, ACCEPTED, REJECTED, CLOSED);
            case INCOMPLETE -> EnumSet.of(IN_PROGRESS, REJECTED, CLOSED);
            case IN_PROGRESS -> EnumSet.of(INCOMPLETE, ACCEPTED, REJECTED, CLOSED);
            default -> EnumSet.noneOf(RequestStatus.class);
        };
    }
}
