package fr.plateformecitoyens.core.port;

import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.Optional;

/** Every version ever published of a démarche, each immutable: a request is always read against its own. */
public interface ProcedureVersions {

    Optional<Procedure> version(String tenantId, String procedureId, int version);
}
