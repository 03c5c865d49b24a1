package fr.plateformecitoyens.core.report;

import fr.plateformecitoyens.core.request.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where reports, their photos and the tenants' categories are kept. One keyed read or write per call. */
public interface ReportStore {

    List<ReportCategory> categories(String tenantId);

    Optional<ReportCategory> category(String tenantId, String code);

    /**
     * Stores a new report unless one with the same id exists.
     *
     * @return empty when stored; the existing report otherwise
     */
    Optional<Report> createIfAbsent(Report report);

    Optional<Report> find(String reportId);

    /**
     * Writes the report's changes if its stored version is still {@code expectedVersion}.
     *
     * @return false when somebody else changed it first
     */
    boolean replace(Report report, long expectedVersion);

    /** A reporter's reports across every tenant, newest first. */
    Page<Report> byReporter(String reporterId, Optional<String> cursor, int limit);

    /**
     * A tenant's reports, newest first: the open ones or the closed ones, filed within
     * {@code [from, to)} (either bound may be absent), optionally of one category or status only.
     */
    Page<Report> byTenant(String tenantId, boolean open, Query query, Optional<String> cursor, int limit);

    /** A tenant's open reports whose location lies in one of these geohash cells (of any one precision). */
    List<Report> openInCells(String tenantId, Set<String> cells, int limit);

    /** Filters of {@link #byTenant}; empty sets mean "any". */
    record Query(Optional<Instant> from, Optional<Instant> to, Set<String> categories, Set<ReportStatus> statuses,
            Set<String> services) {

        public static Query any() {
            return new Query(Optional.empty(), Optional.empty(), Set.of(), Set.of(), Set.of());
        }
    }

    List<ReportPhoto> photos(String reportId);

    /**
     * Counts one more photo on the report, unless it has {@code max} already.
     *
     * @return false when the report has no room for another photo
     */
    boolean reservePhoto(String reportId, int max);

    /** Writes a new photo (pending) item. */
    void addPhoto(ReportPhoto photo);

    /** Records on the request's side that it was opened from this report. */
    void linkRequest(String requestReference, String reportId, String tenantId);
}
