package fr.plateformecitoyens.core.person;

import java.util.List;
import java.util.Optional;

/** The people a tenant's reception agents file requests for, found by name or e-mail address. */
public interface PersonDirectory {

    Optional<Person> find(String tenantId, Person.Kind kind, String id);

    /**
     * People whose normalised « family name given names » starts with {@code nameStart} (already normalised),
     * in that order.
     */
    List<Person> byName(String tenantId, String nameStart, int limit);

    /** People with exactly this e-mail address (compared in lower case). */
    List<Person> byEmail(String tenantId, String email, int limit);

    /** Records or refreshes a person (their entry and its name and e-mail look-ups); idempotent. */
    void save(Person person);
}
