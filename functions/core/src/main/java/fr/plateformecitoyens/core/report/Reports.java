package fr.plateformecitoyens.core.report;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.port.EventPublisher;
import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.request.Fingerprint;
import fr.plateformecitoyens.core.request.References;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The use cases of reports: file one (from the portal or from Open311), read one's own, and for agents
 * read, assign and change the status of the reports of their services. Every change is one conditional
 * write on the report's version; a change of status then publishes {@code REPORT_STATUS_CHANGED}.
 */
public final class Reports {

    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_ADDRESS = 200;
    public static final int MAX_NOTE = 2000;
    /** Geohash precision of the "nearby" cells: about 600 m by 800 m in metropolitan France. */
    public static final int NEAR_PRECISION = 6;
    private static final int ATTEMPTS = 3;

    private final TenantDirectory tenants;
    private final ReportStore store;
    private final EventPublisher events;
    private final Clock clock;

    public Reports(TenantDirectory tenants, ReportStore store, EventPublisher events, Clock clock) {
        this.tenants = tenants;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** What a reporter files; {@code lat} and {@code lon} are null when the caller gave none. */
    public record Filing(String tenantId, String categoryCode, String description, Double lat, Double lon,
            String address, Reporter reporter, String channel, Optional<String> idempotencyKey) {
    }

    /** The stored report, and whether an earlier attempt with the same key stored it. */
    public record Outcome(Report report, boolean replayed) {
    }

    public Tenant tenant(String tenantId) {
        return tenants.tenant(tenantId).orElseThrow(() -> new DomainException.NotFound(
                "Cette collectivité n'existe pas."));
    }

    public Outcome file(Filing filing) {
        Tenant tenant = tenant(filing.tenantId());
        List<FieldError> errors = new ArrayList<>();
        Optional<ReportCategory> category = filing.categoryCode() == null || filing.categoryCode().isBlank()
                ? Optional.empty() : store.category(tenant.id(), filing.categoryCode());
        if (category.isEmpty()) {
            errors.add(new FieldError("category", filing.categoryCode() == null || filing.categoryCode().isBlank()
                    ? "Choisissez une catégorie." : "Cette catégorie n'existe pas dans cette collectivité."));
        }
        String description = filing.description() == null ? "" : filing.description().strip();
        if (description.isEmpty()) {
            errors.add(new FieldError("description", "Décrivez le problème."));
        } else if (description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "La description ne doit pas dépasser " + MAX_DESCRIPTION
                    + " caractères."));
        }
        String address = filing.address() == null ? "" : filing.address().strip();
        if (address.length() > MAX_ADDRESS) {
            errors.add(new FieldError("address", "L'adresse ne doit pas dépasser " + MAX_ADDRESS + " caractères."));
        }
        errors.addAll(locationErrors(tenant, filing.lat(), filing.lon()));
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("Certaines informations du signalement sont à corriger.", errors);
        }
        ReportCategory chosen = category.get();
        Location location = new Location(filing.lat(), filing.lon(), address);
        Instant now = clock.instant();
        String fingerprint = Fingerprint.of(chosen.code(), Map.of("description", description,
                "lat", Double.toString(location.lat()), "lon", Double.toString(location.lon()), "address", address));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String id = filing.idempotencyKey()
                    .map(key -> References.forIdempotencyKey(DecisionClock.dayOf(now), tenant.id(),
                            "report:" + filing.reporter().id(), key))
                    .orElseGet(() -> References.random(DecisionClock.dayOf(now)));
            Report report = new Report(tenant.id(), id, chosen.code(), chosen.name(), chosen.serviceId(), description,
                    location, filing.reporter(), filing.channel(), ReportStatus.NEW, now, now,
                    List.of(new ReportChange(now, filing.reporter().id(), null, ReportStatus.NEW, "", "")),
                    Optional.empty(), "", Optional.empty(), 1, fingerprint);
            Optional<Report> existing = store.createIfAbsent(report);
            if (existing.isEmpty()) {
                return new Outcome(report, false);
            }
            if (filing.idempotencyKey().isPresent()) {
                Report first = existing.get();
                if (!first.reporter().id().equals(filing.reporter().id()) || !first.fingerprint().equals(fingerprint)) {
                    throw new DomainException.InvalidInput("Cette clé d'idempotence a déjà servi pour un autre "
                            + "signalement.", List.of(new FieldError("Idempotency-Key",
                                    "Utilisez une nouvelle clé pour un nouveau signalement.")));
                }
                return new Outcome(first, true);
            }
        }
        throw new IllegalStateException("no free report id after " + ATTEMPTS + " attempts");
    }

    /** What is wrong with a location given for a report of this tenant (nothing when it is inside). */
    public static List<FieldError> locationErrors(Tenant tenant, Double lat, Double lon) {
        if (lat == null || lon == null || lat.isNaN() || lon.isNaN()) {
            return List.of(new FieldError("location", "Indiquez où se trouve le problème (latitude et longitude)."));
        }
        if (!tenant.territory().contains(lat, lon)) {
            return List.of(new FieldError("location", "Ce lieu est en dehors du territoire de " + tenant.name()
                    + ". Choisissez un point sur son territoire."));
        }
        return List.of();
    }

    /** A report of the reporter's own; another's is reported as missing. */
    public Report mine(String reportId, String reporterId) {
        return store.find(reportId).filter(r -> r.reporter().id().equals(reporterId))
                .orElseThrow(() -> new DomainException.NotFound("Ce signalement n'existe pas."));
    }

    /** A report of the tenant, as seen by one of its agents of the report's service. */
    public Report forAgent(String tenantId, String reportId, String agentId) {
        AgentMembership membership = membership(tenantId, agentId);
        Report report = store.find(reportId).filter(r -> r.tenantId().equals(tenantId))
                .orElseThrow(() -> new DomainException.NotFound(
                        "Ce signalement n'existe pas dans cette collectivité."));
        if (!membership.handles(report.serviceId())) {
            throw new DomainException.Forbidden("Ce signalement relève d'un service qui n'est pas le vôtre.");
        }
        return report;
    }

    public AgentMembership membership(String tenantId, String agentId) {
        tenant(tenantId);
        return tenants.membership(tenantId, agentId).orElseThrow(() -> new DomainException.Forbidden(
                "Vous n'êtes pas agent de cette collectivité."));
    }

    /** Moves a report to {@code to} with a public note; a rejection needs one. */
    public Report changeStatus(String tenantId, String reportId, String agentId, long expectedVersion,
            ReportStatus to, String note) {
        Report report = forAgent(tenantId, reportId, agentId);
        checkVersion(report, expectedVersion);
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw new DomainException.InvalidInput("Le message est trop long.", List.of(new FieldError("note",
                    "Le message ne doit pas dépasser " + MAX_NOTE + " caractères.")));
        }
        if (!report.status().next().contains(to)) {
            throw new DomainException.Conflict("Un signalement « " + report.status().label()
                    + " » ne peut pas passer à « " + to.label() + " ».");
        }
        if (to == ReportStatus.REJECTED && text.isEmpty()) {
            throw new DomainException.InvalidInput("Un rejet doit être motivé.", List.of(new FieldError("note",
                    "Expliquez à la personne pourquoi son signalement est rejeté.")));
        }
        Report changed = report.moved(new ReportChange(clock.instant(), agentId, report.status(), to, text, ""));
        write(changed, expectedVersion);
        events.publish(new DomainEvent(DomainEvent.Type.REPORT_STATUS_CHANGED, tenantId, reportId, changed.updatedAt(),
                changed.version()));
        return changed;
    }

    /** Puts the report in the hands of an agent of its service ({@code assigneeId}, or the caller). */
    public Report assign(String tenantId, String reportId, String agentId, long expectedVersion,
            String assigneeId) {
        Report report = forAgent(tenantId, reportId, agentId);
        checkVersion(report, expectedVersion);
        AgentMembership assignee = tenants.membership(tenantId, assigneeId)
                .filter(m -> m.handles(report.serviceId()))
                .orElseThrow(() -> new DomainException.InvalidInput("Cet agent ne peut pas recevoir ce signalement.",
                        List.of(new FieldError("assigneeId", "Choisissez un agent du service concerné."))));
        Report changed = report.assigned(assignee.agentId(), assignee.displayName(), clock.instant(), agentId);
        write(changed, expectedVersion);
        return changed;
    }

    /** Records that the report was escalated into request {@code reference}. */
    public Report linkRequest(Report report, String reference) {
        if (report.requestReference().isPresent()) {
            return report;
        }
        Report changed = report.escalated(reference, clock.instant());
        write(changed, report.version());
        store.linkRequest(reference, report.id(), report.tenantId());
        return changed;
    }

    /** The open reports of a tenant within {@code radiusMetres} of a point, nearest first. */
    public List<Report> near(String tenantId, double lat, double lon, int radiusMetres, int limit) {
        tenant(tenantId);
        int precision = NEAR_PRECISION;
        while (precision > 3 && Geohash.coveredRadiusMetres(lat, precision) < radiusMetres) {
            precision--;
        }
        Location centre = new Location(lat, lon, "");
        return store.openInCells(tenantId, Geohash.around(lat, lon, precision), 200).stream()
                .filter(r -> centre.metresTo(r.location().lat(), r.location().lon()) <= radiusMetres)
                .sorted(Comparator.comparingDouble(r -> centre.metresTo(r.location().lat(), r.location().lon())))
                .limit(limit).toList();
    }

    private static void checkVersion(Report report, long expectedVersion) {
        if (report.version() != expectedVersion) {
            throw new DomainException.PreconditionFailed("Ce signalement a été modifié par ailleurs. Rechargez-le.");
        }
    }

    private void write(Report changed, long expectedVersion) {
        if (!store.replace(changed, expectedVersion)) {
            throw new DomainException.PreconditionFailed("Ce signalement a été modifié par ailleurs. Rechargez-le.");
        }
    }
}
