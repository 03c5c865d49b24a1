package fr.plateformecitoyens.core.request;

import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.legal.Acknowledgement;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.port.Catalogue;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.port.EventPublisher;
import fr.plateformecitoyens.core.port.RequestStore;
import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.procedure.LegalRegime;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What agents do with a request: read it and move it along its lifecycle. Every call checks that the
 * agent works for the tenant and handles the request's service; a request of another tenant is simply
 * not found.
 */
public final class Instruction {

    private static final int MAX_NOTE = 4000;

    private final TenantDirectory tenants;
    private final Catalogue catalogue;
    private final RequestStore store;
    private final EventPublisher events;
    private final Clock clock;

    public Instruction(TenantDirectory tenants, Catalogue catalogue, RequestStore store, EventPublisher events,
            Clock clock) {
        this.tenants = tenants;
        this.catalogue = catalogue;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** The agent's membership of the tenant, or a refusal that reveals nothing about the tenant. */
    public AgentMembership membership(String tenantId, String agentId) {
        return tenants.membership(tenantId, agentId)
                .orElseThrow(() -> new DomainException.Forbidden("Vous n'êtes pas agent de cette collectivité."));
    }

    public CitizenRequest read(String tenantId, String reference, String agentId) {
        AgentMembership membership = membership(tenantId, agentId);
        CitizenRequest request = Optional.ofNullable(reference).filter(References::isWellFormed)
                .flatMap(store::find)
                .filter(found -> found.tenantId().equals(tenantId))
                .orElseThrow(() -> new DomainException.NotFound("Aucune demande ne porte cette référence."));
        if (!membership.handles(request.serviceId())) {
            throw new DomainException.Forbidden("Cette demande relève d'un service qui n'est pas le vôtre.");
        }
        return request;
    }

    /** Moves a request to {@code to}, provided the agent's copy is still the current version. */
    public CitizenRequest transition(String tenantId, String reference, String agentId, long expectedVersion,
            RequestStatus to, String note) {
        return transition(tenantId, reference, agentId, expectedVersion, to, note, Optional.empty());
    }

    /** The same, with a document attached to the decision (see {@link #acceptsDocument}). */
    public CitizenRequest transition(String tenantId, String reference, String agentId, long expectedVersion,
            RequestStatus to, String note, Optional<DocumentRef> document) {
        CitizenRequest request = read(tenantId, reference, agentId);
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new DomainException.InvalidInput("Le message est trop long.",
                    List.of(new FieldError("note", "Le message ne doit pas dépasser " + MAX_NOTE + " caractères.")));
        }
        if (request.version() != expectedVersion) {
            throw stale();
        }
        if (!request.status().agentTargets().contains(to)) {
            throw new DomainException.Conflict("Une demande « " + request.status().code() + " » ne peut pas passer "
                    + "à « " + to.code() + " ».");
        }
        if ((to == RequestStatus.REJECTED || to == RequestStatus.INCOMPLETE) && text.isEmpty()) {
            String why = to == RequestStatus.REJECTED ? "Indiquez le motif du refus."
                    : "Indiquez les pièces ou informations manquantes.";
            throw new DomainException.InvalidInput(why, List.of(new FieldError("note", why)));
        }
        Instant now = clock.instant();
        if (document.isPresent() && !acceptsDocument(to)) {
            throw new DomainException.InvalidInput("Un document ne peut accompagner qu'une décision.",
                    List.of(new FieldError("document", "Joignez un document à une acceptation ou à un refus.")));
        }
        CitizenRequest changed = request.with(new Transition(now, agentId, request.status(), to, text, document),
                nextDecisionDate(request, to, now));
        if (!store.replace(changed, expectedVersion)) {
            throw stale();
        }
        events.publish(new DomainEvent(DomainEvent.Type.REQUEST_STATUS_CHANGED, tenantId, reference, now,
                changed.version()));
        return changed;
    }

    /** Only an express decision (acceptance or rejection) carries a document. */
    public static boolean acceptsDocument(RequestStatus to) {
        return to == RequestStatus.ACCEPTED || to == RequestStatus.REJECTED;
    }

    private Optional<LocalDate> nextDecisionDate(CitizenRequest request, RequestStatus to, Instant now) {
        if (!to.clockRuns()) {
            return Optional.empty();
        }
        if (request.status() != RequestStatus.INCOMPLETE) {
            return request.implicitDecisionDate();
        }
        List<Transition> longer = new java.util.ArrayList<>(request.history());
        longer.add(new Transition(now, Transition.SYSTEM, RequestStatus.INCOMPLETE, to, ""));
        return DecisionClock.replay(regimeOf(request), request.acknowledgement().receivedAt(), longer);
    }

    private LegalRegime regimeOf(CitizenRequest request) {
        return catalogue.version(request.tenantId(), request.procedureId(), request.procedureVersion())
                .or(() -> catalogue.published(request.tenantId(), request.procedureId()))
                .map(p -> p.regime())
                .orElseGet(() -> fallbackRegime(request.acknowledgement()));
    }

    /** The regime the acknowledgement states, for a request whose démarche version cannot be read. */
    private static LegalRegime fallbackRegime(Acknowledgement a) {
        // The common rules: an SVA clock starts afresh after a correction, an SVR one resumes (L114-5).
        return new LegalRegime(a.rule(), a.periodMonths(), a.rule() == SilenceRule.SVA, a.legalBasis(),
                a.periodUnit());
    }

    private static DomainException stale() {
        return new DomainException.PreconditionFailed("Cette demande a été modifiée par ailleurs. Rechargez-la.");
    }
}
