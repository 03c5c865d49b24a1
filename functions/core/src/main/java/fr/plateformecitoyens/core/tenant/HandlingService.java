package fr.plateformecitoyens.core.tenant;

/**
 * A service of a tenant that handles requests (état civil, petite enfance…). Its contact details are
 * part of every acknowledgement of receipt (CRPA R112-11-1, 2°).
 */
public record HandlingService(String tenantId, String id, String name, String address, String phone, String email) {
}
