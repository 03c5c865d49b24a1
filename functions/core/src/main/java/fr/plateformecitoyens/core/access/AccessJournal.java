package fr.plateformecitoyens.core.access;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The journal of agents' access to personal data (RGPD art. 5 and 32; the CNIL asks for six months to a year):
 * every read is written before the data is handed out, kept {@link #RETENTION_MONTHS} months, and shown to the
 * tenant's administrators only.
 *
 * <p>Entries older than the retention period are never shown, whether or not the nightly purge has run: the
 * purge frees the storage, the reads enforce the period.
 */
public final class AccessJournal {

    public static final int RETENTION_MONTHS = 12;
    /** How many months before the retention limit the purge looks at, to catch up nights it did not run. */
    public static final int PURGE_LOOKBACK_MONTHS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessLog log;
    private final TenantDirectory tenants;
    private final Clock clock;

    public AccessJournal(AccessLog log, TenantDirectory tenants, Clock clock) {
        this.log = log;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Writes one entry now; a failure to write is a failure of the read it records. */
    public AccessEntry record(String tenantId, String agentId, String agentName, AccessEntry.Action action,
            Optional<String> reference, Optional<String> personId) {
        AccessEntry entry = new AccessEntry(tenantId, Long.toString(RANDOM.nextLong() >>> 1, 36), clock.instant(),
                agentId, agentName, action, reference, personId);
        log.record(entry);
        return entry;
    }

    /** What the administrator asks to see: one request's readers, one agent's reads, or a month of the log. */
    public record Filter(Optional<String> reference, Optional<String> agentId, Optional<YearMonth> month) {
    }

    public Page<AccessEntry> list(String tenantId, String adminId, Filter filter, Optional<String> cursor,
            int limit) {
        AgentMembership membership = tenants.membership(tenantId, adminId)
                .orElseThrow(() -> new DomainException.Forbidden("Vous n'êtes pas agent de cette collectivité."));
        if (membership.role() != AgentMembership.AgentRole.ADMIN) {
            throw new DomainException.Forbidden("Le journal des accès est réservé aux administrateurs de la "
                    + "collectivité.");
        }
        Instant since = oldestKept();
        if (filter.reference().isPresent()) {
            return log.byReference(tenantId, filter.reference().get(), since, cursor, limit);
        }
        if (filter.agentId().isPresent()) {
            return log.byAgent(tenantId, filter.agentId().get(), since, cursor, limit);
        }
        YearMonth month = filter.month().orElse(YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)));
        return log.byMonth(tenantId, month, since, cursor, limit);
    }

    /** Deletes what is past the retention period, for every tenant; returns how many entries went. */
    public int purge() {
        Instant before = oldestKept();
        YearMonth last = YearMonth.from(before.atOffset(ZoneOffset.UTC));
        int purged = 0;
        for (Tenant tenant : tenants.tenants()) {
            for (YearMonth m = last.minusMonths(PURGE_LOOKBACK_MONTHS); !m.isAfter(last); m = m.plusMonths(1)) {
                purged += log.purge(tenant.id(), m, before);
            }
        }
        return purged;
    }

    /** The oldest instant still kept. */
    public Instant oldestKept() {
        return clock.instant().atOffset(ZoneOffset.UTC).minusMonths(RETENTION_MONTHS).toInstant();
    }
}
