package fr.plateformecitoyens.core.procedure;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.port.DefinitionStore;
import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.AgentMembership.AgentRole;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A tenant's administrator writes démarches: drafts edited under optimistic revisions, published as the next
 * immutable version (which the catalogue then offers), unpublished, duplicated from any version. Only an
 * administrator of the tenant may do any of it.
 */
public final class ProcedureAdministration {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,59}");

    private final TenantDirectory tenants;
    private final DefinitionStore store;
    private final Clock clock;

    public ProcedureAdministration(TenantDirectory tenants, DefinitionStore store, Clock clock) {
        this.tenants = tenants;
        this.store = store;
        this.clock = clock;
    }

    /** One démarche as its administrator sees it: its draft if any, its versions, the one published. */
    public record Summary(String id, String title, Optional<Draft> draft, List<Procedure> versions,
            OptionalInt published) {
    }

    /** Refuses anyone but an administrator of the tenant. */
    public AgentMembership administrator(String tenantId, String subject) {
        return tenants.membership(tenantId, subject).filter(m -> m.role() == AgentRole.ADMIN)
                .orElseThrow(() -> new DomainException.Forbidden("Seuls les administrateurs de cette collectivité "
                        + "gèrent ses démarches."));
    }

    public List<Summary> list(String tenantId, String subject) {
        administrator(tenantId, subject);
        Map<String, List<Procedure>> versions = new LinkedHashMap<>();
        store.versions(tenantId).forEach(p -> versions.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p));
        Map<String, Draft> drafts = new LinkedHashMap<>();
        store.drafts(tenantId).forEach(d -> drafts.put(d.definition().id(), d));
        Map<String, Integer> published = store.published(tenantId);
        List<String> ids = new ArrayList<>(versions.keySet());
        drafts.keySet().stream().filter(id -> !versions.containsKey(id)).forEach(ids::add);
        List<Summary> summaries = new ArrayList<>();
        for (String id : ids) {
            List<Procedure> list = versions.getOrDefault(id, List.of());
            Optional<Draft> draft = Optional.ofNullable(drafts.get(id));
            String title = draft.map(d -> d.definition().title()).orElseGet(() -> list.get(list.size() - 1).title());
            Integer version = published.get(id);
            summaries.add(new Summary(id, title, draft, list,
                    version == null ? OptionalInt.empty() : OptionalInt.of(version)));
        }
        summaries.sort(Comparator.comparing(Summary::title));
        return summaries;
    }

    public Draft draft(String tenantId, String subject, String procedureId) {
        administrator(tenantId, subject);
        return store.draft(tenantId, procedureId).orElseThrow(() -> new DomainException.NotFound(
                "Cette démarche n'a pas de brouillon."));
    }

    public Procedure version(String tenantId, String subject, String procedureId, int version) {
        administrator(tenantId, subject);
        return store.version(tenantId, procedureId, version).orElseThrow(() -> new DomainException.NotFound(
                "Cette version de la démarche n'existe pas."));
    }

    /** A new démarche, as a draft. Its id must be new to the tenant. */
    public Draft create(String tenantId, String subject, Procedure definition) {
        administrator(tenantId, subject);
        if (!ID.matcher(definition.id()).matches()) {
            throw new DomainException.InvalidInput("La définition de la démarche est à corriger.", List.of(
                    new FieldError("id", "L'identifiant s'écrit en minuscules, chiffres et tirets (2 à 60).")));
        }
        checkService(tenantId, definition);
        if (!store.versions(tenantId, definition.id()).isEmpty()
                || store.draft(tenantId, definition.id()).isPresent()) {
            throw new DomainException.Conflict("Une démarche porte déjà l'identifiant « " + definition.id()
                    + " » : modifiez-la ou dupliquez-la.");
        }
        Draft draft = new Draft(definition.as(definition.id(), 0), 1, clock.instant(), subject);
        if (!store.createDraft(draft)) {
            throw new DomainException.Conflict("Un brouillon de cette démarche vient d'être créé par ailleurs.");
        }
        return draft;
    }

    /** Replaces a draft, if it is still the revision the administrator read. */
    public Draft edit(String tenantId, String subject, Procedure definition, long expectedRevision) {
        Draft current = draft(tenantId, subject, definition.id());
        checkService(tenantId, definition);
        if (current.revision() != expectedRevision) {
            throw stale();
        }
        Draft next = new Draft(definition.as(definition.id(), 0), expectedRevision + 1, clock.instant(), subject);
        if (!store.replaceDraft(next, expectedRevision)) {
            throw stale();
        }
        return next;
    }

    /**
     * Freezes the draft as the next version and makes it the catalogue's. A retry after a failure half-way
     * finds the version it stored and goes on with it.
     */
    public Procedure publish(String tenantId, String subject, String procedureId, OptionalLong expectedRevision) {
        Draft draft = draft(tenantId, subject, procedureId);
        if (expectedRevision.isPresent() && expectedRevision.getAsLong() != draft.revision()) {
            throw stale();
        }
        checkService(tenantId, draft.definition());
        List<Procedure> versions = store.versions(tenantId, procedureId);
        Procedure latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        Procedure version;
        if (latest != null && latest.equals(draft.definition().as(procedureId, latest.version()))) {
            version = latest;
        } else {
            version = draft.definition().as(procedureId, latest == null ? 1 : latest.version() + 1);
            if (!store.addVersion(version)) {
                throw new DomainException.Conflict("Cette démarche vient d'être publiée par ailleurs. Rechargez-la.");
            }
        }
        store.publish(version);
        store.deleteDraft(tenantId, procedureId, draft.revision());
        return version;
    }

    /** Takes the démarche out of the catalogue; requests already made keep their version. */
    public void unpublish(String tenantId, String subject, String procedureId) {
        administrator(tenantId, subject);
        if (!store.published(tenantId).containsKey(procedureId)) {
            throw new DomainException.NotFound("Cette démarche n'est pas publiée.");
        }
        store.unpublish(tenantId, procedureId);
    }

    /**
     * A new draft from any version: of the same démarche (its next version) when {@code newId} is empty, or of a
     * new démarche.
     */
    public Draft duplicate(String tenantId, String subject, String procedureId, int fromVersion,
            Optional<String> newId) {
        Procedure source = version(tenantId, subject, procedureId, fromVersion);
        String id = newId.orElse(procedureId);
        if (newId.isPresent()) {
            return create(tenantId, subject, source.as(id, 0));
        }
        Draft draft = new Draft(source.as(id, 0), 1, clock.instant(), subject);
        if (!store.createDraft(draft)) {
            throw new DomainException.Conflict("Cette démarche a déjà un brouillon : modifiez-le ou publiez-le "
                    + "d'abord.");
        }
        return draft;
    }

    private void checkService(String tenantId, Procedure definition) {
        if (tenants.service(tenantId, definition.serviceId()).isEmpty()) {
            throw new DomainException.InvalidInput("La définition de la démarche est à corriger.", List.of(
                    new FieldError("serviceId", "Ce service n'existe pas dans votre collectivité.")));
        }
    }

    private static DomainException stale() {
        return new DomainException.PreconditionFailed("Ce brouillon a été modifié par ailleurs. Rechargez-le.");
    }
}
