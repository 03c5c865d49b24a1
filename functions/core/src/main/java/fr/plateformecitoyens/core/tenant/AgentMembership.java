package fr.plateformecitoyens.core.tenant;

import java.util.List;

/**
 * What an agent may do in one tenant: the services whose requests they handle, and whether they
 * administer the tenant (an administrator sees every service).
 */
public record AgentMembership(String tenantId, String agentId, String displayName, AgentRole role,
        List<String> serviceIds) {

    public AgentMembership {
        serviceIds = List.copyOf(serviceIds);
    }

    public boolean handles(String serviceId) {
        return role == AgentRole.ADMIN || serviceIds.contains(serviceId);
    }

    /** Roles of a tenant's staff. */
    public enum AgentRole {
        AGENT, ADMIN;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
