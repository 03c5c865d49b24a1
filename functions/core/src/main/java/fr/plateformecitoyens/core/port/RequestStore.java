package fr.plateformecitoyens.core.port;

import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Page;
import java.time.LocalDate;
import java.util.Optional;

/** Where requests are kept. Each method is one keyed read or one conditional write. */
public interface RequestStore {

    /**
     * Stores a new request unless one with the same reference exists (references are unique across
     * tenants).
     *
     * @return empty when stored; the existing request otherwise
     */
    Optional<CitizenRequest> createIfAbsent(CitizenRequest request);

    Optional<CitizenRequest> find(String reference);

    /**
     * Replaces the request if its stored version is still {@code expectedVersion}.
     *
     * @return false when somebody else changed it first
     */
    boolean replace(CitizenRequest request, long expectedVersion);

    /** An applicant's requests across every tenant, newest first. */
    Page<CitizenRequest> byApplicant(String applicantId, Optional<String> cursor, int limit);

    /** A service's requests: the open ones oldest first, or the finished ones newest first. */
    Page<CitizenRequest> inbox(String tenantId, String serviceId, boolean open, Optional<String> cursor, int limit);

    /** The requests whose implicit decision arises on {@code day} and whose clock still runs. */
    Page<CitizenRequest> dueOn(LocalDate day, Optional<String> cursor, int limit);
}
