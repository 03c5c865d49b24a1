package fr.plateformecitoyens.core.stats;

import fr.plateformecitoyens.core.request.CitizenRequest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Per-tenant monthly counters, kept up to date on write and read by key: nothing counts by scanning. */
public interface StatisticsStore {

    /**
     * Counts version {@code version} of {@code request} (version 1 is its filing; a later version counts
     * when it is a decision). Counting the same version twice changes nothing.
     *
     * @return true when this call counted it
     */
    boolean count(CitizenRequest request, long version);

    /** The figures of each month from {@code from} to {@code to}, months without activity included. */
    List<MonthFigures> months(String tenantId, YearMonth from, YearMonth to);

    /** How many of the tenant's requests whose clock runs have their implicit decision on or before {@code day}. */
    long dueBy(String tenantId, LocalDate today, LocalDate day);
}
