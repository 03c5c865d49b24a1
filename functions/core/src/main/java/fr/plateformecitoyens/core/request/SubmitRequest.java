package fr.plateformecitoyens.core.request;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.legal.Acknowledgement;
import fr.plateformecitoyens.core.legal.AcknowledgementWriter;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.port.Catalogue;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.port.EventPublisher;
import fr.plateformecitoyens.core.port.FormValidator;
import fr.plateformecitoyens.core.port.RequestStore;
import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Files a request: checks the answers, routes it to the démarche's service, writes its acknowledgement
 * and stores it with one conditional write, then publishes {@code REQUEST_SUBMITTED}.
 *
 * <p>With an idempotency key the reference derives from the key, so a retry meets the request the first
 * attempt stored and gets it back (and the event is published again, since the first attempt may have
 * stopped before publishing it; the e-mail side is idempotent). The same key with other answers is refused.
 */
public final class SubmitRequest {

    private static final int ATTEMPTS = 3;

    private final TenantDirectory tenants;
    private final Catalogue catalogue;
    private final FormValidator validator;
    private final RequestStore store;
    private final EventPublisher events;
    private final Clock clock;
    private final AnswerCompletion completion;

    public SubmitRequest(TenantDirectory tenants, Catalogue catalogue, FormValidator validator, RequestStore store,
            EventPublisher events, Clock clock) {
        this(tenants, catalogue, validator, store, events, clock, AnswerCompletion.NONE);
    }

    /** With {@code completion} applied to the valid answers once the reference is chosen. */
    public SubmitRequest(TenantDirectory tenants, Catalogue catalogue, FormValidator validator, RequestStore store,
            EventPublisher events, Clock clock, AnswerCompletion completion) {
        this.tenants = tenants;
        this.catalogue = catalogue;
        this.validator = validator;
        this.store = store;
        this.events = events;
        this.clock = clock;
        this.completion = completion;
    }

    /** What the caller asks to file. */
    public record Command(String tenantId, String procedureId, Map<String, Object> data, Applicant applicant,
            Channel channel, Optional<String> idempotencyKey, Optional<Intake> intake) {

        public Command {
            intake = intake == null ? Optional.empty() : intake;
        }

        /** A request the applicant files themself: received now. */
        public Command(String tenantId, String procedureId, Map<String, Object> data, Applicant applicant,
                Channel channel, Optional<String> idempotencyKey) {
            this(tenantId, procedureId, data, applicant, channel, idempotencyKey, Optional.empty());
        }
    }

    /**
     * A request an agent files for somebody: when it was really received (a letter's arrival day), who filed it,
     * and the scanned letter to keep with it once its reference is known.
     */
    public record Intake(Instant receivedAt, FiledBy filedBy, LetterClaim letter) {
    }

    /** Moves the scanned letter, if any, under the request's reference; refuses a file that is not a letter. */
    @FunctionalInterface
    public interface LetterClaim {
        Optional<fr.plateformecitoyens.core.document.DocumentRef> claimFor(String reference);
    }

    /** The stored request, and whether it was stored by an earlier attempt with the same key. */
    public record Outcome(CitizenRequest request, boolean replayed) {
    }

    public Outcome submit(Command command) {
        Tenant tenant = tenants.tenant(command.tenantId())
                .orElseThrow(() -> new DomainException.NotFound("Cette collectivité n'existe pas."));
        Procedure procedure = catalogue.published(tenant.id(), command.procedureId())
                .orElseThrow(() -> new DomainException.NotFound(
                        "Cette démarche n'existe pas ou n'est plus proposée."));
        List<FieldError> errors = validator.validate(procedure, command.data());
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("Certaines réponses sont à corriger.", errors);
        }
        HandlingService service = tenants.service(tenant.id(), procedure.serviceId())
                .orElseThrow(() -> new IllegalStateException("procedure " + procedure.id() + " routes to unknown "
                        + "service " + procedure.serviceId()));
        Instant now = clock.instant();
        Instant receivedAt = command.intake().map(Intake::receivedAt).orElse(now);
        String fingerprint = Fingerprint.of(procedure.id(), command.data());
        Acknowledgement acknowledgement = AcknowledgementWriter.write(tenant, procedure, service, receivedAt, now,
                command.channel() == Channel.POST);
        String actor = command.intake().map(i -> i.filedBy().agentId()).orElse(command.applicant().id());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String reference = command.idempotencyKey()
                    .map(key -> References.forIdempotencyKey(DecisionClock.dayOf(now), tenant.id(),
                            command.applicant().id(), key))
                    .orElseGet(() -> References.random(DecisionClock.dayOf(now)));
            Optional<FiledBy> filedBy = Optional.empty();
            if (command.intake().isPresent()) {
                Intake intake = command.intake().get();
                filedBy = Optional.of(intake.filedBy().withLetter(intake.letter().claimFor(reference)));
            }
            Map<String, Object> data = completion.complete(procedure, command.data(), command.applicant(), reference);
            CitizenRequest request = new CitizenRequest(tenant.id(), reference, procedure.id(), procedure.version(),
                    procedure.title(), service.id(), command.applicant(), command.channel(), data,
                    RequestStatus.SUBMITTED, receivedAt, now, acknowledgement, acknowledgement.implicitDecisionDate(),
                    List.of(new Transition(now, actor, null, RequestStatus.SUBMITTED, "")), 1,
                    fingerprint, filedBy, Optional.empty());
            Optional<CitizenRequest> existing = store.createIfAbsent(request);
            if (existing.isEmpty()) {
                publish(request);
                return new Outcome(request, false);
            }
            if (command.idempotencyKey().isPresent()) {
                return replay(existing.get(), command, fingerprint);
            }
        }
        throw new IllegalStateException("no free reference after " + ATTEMPTS + " attempts");
    }

    private Outcome replay(CitizenRequest existing, Command command, String fingerprint) {
        if (!existing.applicant().id().equals(command.applicant().id())
                || !existing.fingerprint().equals(fingerprint)) {
            throw new DomainException.InvalidInput("Cette clé d'idempotence a déjà servi pour une autre demande.",
                    List.of(new FieldError("Idempotency-Key",
                            "Utilisez une nouvelle clé pour une nouvelle demande.")));
        }
        publish(existing);
        return new Outcome(existing, true);
    }

    private void publish(CitizenRequest request) {
        events.publish(new DomainEvent(DomainEvent.Type.REQUEST_SUBMITTED, request.tenantId(), request.reference(),
                request.receivedAt(), request.version()));
    }
}
