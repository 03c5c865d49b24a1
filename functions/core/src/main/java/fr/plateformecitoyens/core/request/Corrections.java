package fr.plateformecitoyens.core.request;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.port.EventPublisher;
import fr.plateformecitoyens.core.port.FormValidator;
import fr.plateformecitoyens.core.port.ProcedureVersions;
import fr.plateformecitoyens.core.port.RequestStore;
import fr.plateformecitoyens.core.procedure.Procedure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A citizen completes their request after the service declared it incomplete (CRPA L114-5): the changed
 * answers are checked against the démarche version the request was made on, and the request goes back to
 * the status it had when it was declared incomplete ({@code submitted}, or {@code in_progress} if an agent
 * had taken it), so it lands where it was in the service's work. The decision clock runs again from the
 * correction, afresh or with the days that were left, as the regime says ({@link DecisionClock#replay}).
 */
public final class Corrections {

    private static final int MAX_NOTE = 4000;

    private final RequestStore store;
    private final ProcedureVersions procedures;
    private final FormValidator validator;
    private final EventPublisher events;
    private final Clock clock;

    public Corrections(RequestStore store, ProcedureVersions procedures, FormValidator validator,
            EventPublisher events, Clock clock) {
        this.store = store;
        this.procedures = procedures;
        this.validator = validator;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param changes answers that replace the stored ones, key by key; a {@code null} value removes an answer
     * @param note    what the citizen says with the correction (may be empty)
     */
    public CitizenRequest correct(String applicantId, String reference, long expectedVersion,
            Map<String, Object> changes, String note) {
        CitizenRequest request = new CitizenRequests(store).read(applicantId, reference);
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new DomainException.InvalidInput("Le message est trop long.",
                    List.of(new FieldError("note", "Le message ne doit pas dépasser " + MAX_NOTE + " caractères.")));
        }
        if (request.version() != expectedVersion) {
            throw stale();
        }
        if (request.status() != RequestStatus.INCOMPLETE) {
            throw new DomainException.Conflict("Seule une demande déclarée incomplète peut être complétée ; "
                    + "celle-ci est « " + request.status().label() + " ».");
        }
        Procedure procedure = procedures.version(request.tenantId(), request.procedureId(), request.procedureVersion())
                .orElseThrow(() -> new IllegalStateException("request " + reference + " was made on a démarche "
                        + "version that is not stored"));
        Map<String, Object> data = new HashMap<>(request.data());
        changes.forEach((name, value) -> {
            if (value == null) {
                data.remove(name);
            } else {
                data.put(name, value);
            }
        });
        List<FieldError> errors = validator.validate(procedure, data);
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("Certaines réponses sont à corriger.", errors);
        }
        RequestStatus back = request.lastTransitionTo(RequestStatus.INCOMPLETE).map(Transition::from)
                .filter(RequestStatus::clockRuns).orElse(RequestStatus.SUBMITTED);
        Instant now = clock.instant();
        Transition transition = new Transition(now, applicantId, RequestStatus.INCOMPLETE, back, text);
        List<Transition> longer = new ArrayList<>(request.history());
        longer.add(transition);
        Optional<java.time.LocalDate> date = DecisionClock.replay(procedure.regime(),
                request.acknowledgement().receivedAt(), longer);
        CitizenRequest changed = request.corrected(data, transition, date);
        if (!store.replace(changed, expectedVersion)) {
            throw stale();
        }
        events.publish(new DomainEvent(DomainEvent.Type.REQUEST_STATUS_CHANGED, request.tenantId(), reference, now,
                changed.version()));
        return changed;
    }

    private static DomainException stale() {
        return new DomainException.PreconditionFailed("Cette demande a été modifiée entre-temps. Rechargez-la.");
    }
}
