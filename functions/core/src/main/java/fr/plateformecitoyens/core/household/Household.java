package fr.plateformecitoyens.core.household;

import java.util.List;
import java.util.Optional;

/**
 * The people a citizen makes démarches for.
 *
 * @param version incremented by each save; 0 for a household never saved
 */
public record Household(String citizenId, List<HouseholdMember> members, long version) {

    public Household {
        members = List.copyOf(members);
    }

    public static Household empty(String citizenId) {
        return new Household(citizenId, List.of(), 0);
    }

    public Optional<HouseholdMember> member(String memberId) {
        return members.stream().filter(m -> m.id().equals(memberId)).findFirst();
    }
}
