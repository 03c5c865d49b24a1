package fr.plateformecitoyens.core.port;

import fr.plateformecitoyens.core.procedure.Draft;
import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where a tenant's démarche definitions live: drafts, immutable versions, and which version is published. */
public interface DefinitionStore {

    List<Draft> drafts(String tenantId);

    Optional<Draft> draft(String tenantId, String procedureId);

    /** Stores a new draft unless one exists for that démarche; false if one does. */
    boolean createDraft(Draft draft);

    /** Replaces a draft if its stored revision is still {@code expectedRevision}; false otherwise. */
    boolean replaceDraft(Draft draft, long expectedRevision);

    /** Removes a draft if its stored revision is still {@code expectedRevision}; false otherwise. */
    boolean deleteDraft(String tenantId, String procedureId, long expectedRevision);

    /** Every version of every démarche of the tenant, oldest first within a démarche. */
    List<Procedure> versions(String tenantId);

    /** Every version of one démarche, oldest first. */
    List<Procedure> versions(String tenantId, String procedureId);

    Optional<Procedure> version(String tenantId, String procedureId, int version);

    /** Stores a version unless that number exists; false if it does. A version is never overwritten. */
    boolean addVersion(Procedure procedure);

    /** The published version number of each published démarche. */
    Map<String, Integer> published(String tenantId);

    /** Makes {@code procedure} (a stored version) the one the catalogue offers. */
    void publish(Procedure procedure);

    /** Takes the démarche out of the catalogue; its versions and requests stay. */
    void unpublish(String tenantId, String procedureId);
}
