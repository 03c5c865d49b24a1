package fr.plateformecitoyens.core.request;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.port.RequestStore;
import java.util.Optional;

/** A citizen's own requests: the only ones they may read. */
public final class CitizenRequests {

    public static final int MAX_PAGE = 50;

    private final RequestStore store;

    public CitizenRequests(RequestStore store) {
        this.store = store;
    }

    public Page<CitizenRequest> list(String applicantId, Optional<String> cursor, int limit) {
        return store.byApplicant(applicantId, cursor, Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    /** The request if it is the caller's; another citizen's request is reported as not found. */
    public CitizenRequest read(String applicantId, String reference) {
        return Optional.ofNullable(reference).filter(References::isWellFormed)
                .flatMap(store::find)
                .filter(request -> request.applicant().id().equals(applicantId))
                .orElseThrow(() -> new DomainException.NotFound("Vous n'avez pas de demande sous cette référence."));
    }
}
