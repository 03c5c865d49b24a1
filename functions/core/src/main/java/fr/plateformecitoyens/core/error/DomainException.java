package fr.plateformecitoyens.core.error;

import java.util.List;

/**
 * A failure the caller can act on. Each kind maps to one HTTP status in the adapters; {@code detail} is a
 * French sentence meant for the person using the platform.
 */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Forbidden, DomainException.Conflict,
        DomainException.PreconditionFailed, DomainException.PreconditionRequired, DomainException.InvalidInput,
        DomainException.BadRequest, DomainException.Unavailable {

    private final String title;

    protected DomainException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** What the caller asked for does not exist, or is not theirs to know about. */
    public static final class NotFound extends DomainException {
        public NotFound(String detail) {
            super("Introuvable", detail);
        }
    }

    /** The caller is known but may not do this. */
    public static final class Forbidden extends DomainException {
        public Forbidden(String detail) {
            super("Accès refusé", detail);
        }
    }

    /** The request is valid but contradicts the current state (a transition the status does not allow). */
    public static final class Conflict extends DomainException {
        public Conflict(String detail) {
            super("Conflit", detail);
        }
    }

    /**
     * The place asked for is taken (409); {@code alternatives} are the next free ones, as domain values
     * the adapters render.
     */
    public static final class Unavailable extends DomainException {
        private final List<?> alternatives;

        public Unavailable(String detail, List<?> alternatives) {
            super("Plus de place", detail);
            this.alternatives = List.copyOf(alternatives);
        }

        public List<?> alternatives() {
            return alternatives;
        }
    }

    /** The caller's copy is stale: somebody changed the resource since it was read. */
    public static final class PreconditionFailed extends DomainException {
        public PreconditionFailed(String detail) {
            super("Modifiée entre-temps", detail);
        }
    }

    /** A change was sent without saying which version it applies to (no If-Match). */
    public static final class PreconditionRequired extends DomainException {
        public PreconditionRequired(String detail) {
            super("Version requise", detail);
        }
    }

    /** The request cannot be understood (malformed syntax, missing header). */
    public static final class BadRequest extends DomainException {
        public BadRequest(String detail) {
            super("Requête invalide", detail);
        }
    }

    /** Well-formed input that breaks the rules; lists every field at fault. */
    public static final class InvalidInput extends DomainException {
        private final List<FieldError> errors;

        public InvalidInput(String detail, List<FieldError> errors) {
            super("Données invalides", detail);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** One field at fault and why, in French. {@code field} is a JSON pointer-like dotted path. */
    public record FieldError(String field, String message) {
    }
}
