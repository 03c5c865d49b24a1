package fr.plateformecitoyens.core.port;

import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.List;
import java.util.Optional;

/** The démarches each tenant offers. */
public interface Catalogue {

    /** The current published version of every démarche of the tenant. */
    List<Procedure> published(String tenantId);

    /** The current published version of one démarche, if it is published. */
    Optional<Procedure> published(String tenantId, String procedureId);

    /** One version of a démarche, published or not: the definition a request was made on. */
    default Optional<Procedure> version(String tenantId, String procedureId, int version) {
        return published(tenantId, procedureId).filter(p -> p.version() == version);
    }
}
