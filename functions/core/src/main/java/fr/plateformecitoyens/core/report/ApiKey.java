package fr.plateformecitoyens.core.report;

import java.time.Instant;
import java.util.Optional;

/**
 * A key a client application of a tenant presents to post reports through Open311. The key itself is
 * {@code <keyId>.<secret>} and is shown once; only a SHA-256 digest of the secret is stored.
 */
public record ApiKey(String tenantId, String keyId, String name, String secretHash, Instant createdAt,
        String createdBy, Optional<Instant> revokedAt) {

    public boolean active() {
        return revokedAt.isEmpty();
    }
}
