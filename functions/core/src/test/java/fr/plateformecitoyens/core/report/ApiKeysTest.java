package fr.plateformecitoyens.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final Map<String, ApiKey> stored = new HashMap<>();
    private final ApiKeys keys = new ApiKeys(new ApiKeyStore() {
        @Override
        public void create(ApiKey key) {
            stored.put(key.keyId(), key);
        }

        @Override
        public Optional<ApiKey> find(String keyId) {
            return Optional.ofNullable(stored.get(keyId));
        }

        @Override
        public List<ApiKey> byTenant(String tenantId) {
            return List.copyOf(stored.values());
        }

        @Override
        public boolean revoke(String tenantId, String keyId, Instant at) {
            ApiKey k = stored.get(keyId);
            if (k == null || !k.tenantId().equals(tenantId)) {
                return false;
            }
            stored.put(keyId, new ApiKey(k.tenantId(), k.keyId(), k.name(), k.secretHash(), k.createdAt(),
                    k.createdBy(), Optional.of(at)));
            return true;
        }
    }, Clock.systemUTC());

    @Test
    void aNewKey_isStoredAsADigestOnly_andChecksForItsTenantOnly() {
        ApiKeys.Created created = keys.create("beaumont", "Appli", "admin-1");
        String secret = created.secretKey().substring(created.secretKey().indexOf('.') + 1);

        assertFalse(stored.get(created.key().keyId()).toString().contains(secret), "the secret is not stored");
        assertTrue(keys.check("beaumont", created.secretKey()).isPresent());
        assertTrue(keys.check("autre", created.secretKey()).isEmpty());
        assertTrue(keys.check("beaumont", created.key().keyId() + ".faux").isEmpty());
        assertTrue(keys.check("beaumont", "sans-point").isEmpty());
    }

    @Test
    void aRevokedKey_noLongerChecks() {
        ApiKeys.Created created = keys.create("beaumont", "Appli", "admin-1");

        keys.revoke("beaumont", created.key().keyId());

        assertTrue(keys.check("beaumont", created.secretKey()).isEmpty());
        assertEquals(1, keys.list("beaumont").size());
    }
}
