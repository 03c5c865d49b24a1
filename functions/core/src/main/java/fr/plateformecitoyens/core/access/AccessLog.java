package fr.plateformecitoyens.core.access;

import fr.plateformecitoyens.core.request.Page;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/** Where agents' reads of personal data are kept; every list is newest first and stops at {@code since}. */
public interface AccessLog {

    void record(AccessEntry entry);

    Page<AccessEntry> byReference(String tenantId, String reference, Instant since, Optional<String> cursor,
            int limit);

    Page<AccessEntry> byAgent(String tenantId, String agentId, Instant since, Optional<String> cursor, int limit);

    /** A tenant's entries of one month (UTC), whoever the agent and whatever the request. */
    Page<AccessEntry> byMonth(String tenantId, YearMonth month, Instant since, Optional<String> cursor, int limit);

    /** Deletes the tenant's entries of {@code month} (UTC) older than {@code before}; returns how many. */
    int purge(String tenantId, YearMonth month, Instant before);
}
