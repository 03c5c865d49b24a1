package fr.plateformecitoyens.core.port;

import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.util.List;
import java.util.Optional;

/** The tenants, their services and their agents. */
public interface TenantDirectory {

    List<Tenant> tenants();

    Optional<Tenant> tenant(String tenantId);

    Optional<HandlingService> service(String tenantId, String serviceId);

    List<HandlingService> services(String tenantId);

    Optional<AgentMembership> membership(String tenantId, String agentId);

    /** Every tenant the agent works for. */
    List<AgentMembership> memberships(String agentId);
}
