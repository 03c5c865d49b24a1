package fr.plateformecitoyens.core.inbox;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.port.RequestStore;
import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Instruction;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Assigning a request to an agent of its service, or to nobody. Like a transition, an assignment is a
 * conditional write on the version the agent read, so two agents assigning at once cannot both win.
 */
public final class Assignments {

    private final TenantDirectory tenants;
    private final RequestStore store;
    private final Instruction instruction;
    private final Clock clock;

    public Assignments(TenantDirectory tenants, RequestStore store, Instruction instruction, Clock clock) {
        this.tenants = tenants;
        this.store = store;
        this.instruction = instruction;
        this.clock = clock;
    }

    /**
     * Assigns the request to {@code assigneeId} (empty: to nobody) if it is still at {@code expectedVersion}.
     * The assignee must be an agent of the tenant who handles the request's service.
     */
    public CitizenRequest assign(String tenantId, String reference, String agentId, long expectedVersion,
            Optional<String> assigneeId) {
        CitizenRequest request = instruction.read(tenantId, reference, agentId);
        if (request.version() != expectedVersion) {
            throw stale();
        }
        if (request.status().isFinal()) {
            throw new DomainException.Conflict("Une demande terminée ne s'attribue plus.");
        }
        if (assigneeId.isPresent()) {
            AgentMembership assignee = tenants.membership(tenantId, assigneeId.get())
                    .filter(m -> m.handles(request.serviceId()))
                    .orElseThrow(() -> new DomainException.InvalidInput("Cet agent ne traite pas ce service.",
                            List.of(new DomainException.FieldError("assigneeId",
                                    "Choisissez un agent du service de la demande."))));
            assigneeId = Optional.of(assignee.agentId());
        }
        if (request.assigneeId().equals(assigneeId)) {
            return request;
        }
        CitizenRequest changed = request.assignedTo(assigneeId, agentId, clock.instant());
        if (!store.replace(changed, expectedVersion)) {
            throw stale();
        }
        return changed;
    }

    private static DomainException stale() {
        return new DomainException.PreconditionFailed("Cette demande a été modifiée par ailleurs. Rechargez-la.");
    }
}
