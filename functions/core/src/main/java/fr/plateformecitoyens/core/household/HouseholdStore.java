package fr.plateformecitoyens.core.household;

import java.util.Optional;

/** Where each citizen's household is kept. */
public interface HouseholdStore {

    Optional<Household> find(String citizenId);

    /**
     * Stores {@code household} (whose version is one more than {@code expectedVersion}) only if the stored one
     * still has {@code expectedVersion}; false otherwise.
     */
    boolean save(Household household, long expectedVersion);
}
