package fr.plateformecitoyens.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The Open311 keys of the tenants' client applications. */
public interface ApiKeyStore {

    void create(ApiKey key);

    Optional<ApiKey> find(String keyId);

    /** A tenant's keys, newest first. */
    List<ApiKey> byTenant(String tenantId);

    /** @return false when the tenant has no such key */
    boolean revoke(String tenantId, String keyId, Instant at);
}
