package fr.plateformecitoyens.core.report;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.request.References;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Creates, checks and revokes Open311 API keys; the secret part is never stored, only its digest. */
public final class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int MAX_NAME = 100;

    private final ApiKeyStore store;
    private final Clock clock;

    public ApiKeys(ApiKeyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A key just made: the stored record and the key to hand over, once. */
    public record Created(ApiKey key, String secretKey) {
    }

    public Created create(String tenantId, String name, String adminId) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            throw new DomainException.InvalidInput("Nommez l'application cliente.", List.of(new FieldError("name",
                    "Indiquez le nom de l'application (" + MAX_NAME + " caractères au plus).")));
        }
        String keyId = HexFormat.of().formatHex(random(6));
        String secret = HexFormat.of().formatHex(random(24));
        ApiKey key = new ApiKey(tenantId, keyId, label, digest(secret), clock.instant(), adminId, Optional.empty());
        store.create(key);
        return new Created(key, keyId + "." + secret);
    }

    /** The active key of this tenant that {@code presented} is, if it is one. */
    public Optional<ApiKey> check(String tenantId, String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        int dot = presented.indexOf('.');
        if (dot <= 0 || dot == presented.length() - 1) {
            return Optional.empty();
        }
        String keyId = presented.substring(0, dot);
        byte[] given = digest(presented.substring(dot + 1)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return store.find(keyId).filter(ApiKey::active).filter(k -> k.tenantId().equals(tenantId))
                .filter(k -> MessageDigest.isEqual(k.secretHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        given));
    }

    public void revoke(String tenantId, String keyId) {
        if (!store.revoke(tenantId, keyId, clock.instant())) {
            throw new DomainException.NotFound("Cette clé n'existe pas dans cette collectivité.");
        }
    }

    public List<ApiKey> list(String tenantId) {
        return store.byTenant(tenantId);
    }

    static String digest(String secret) {
        return HexFormat.of().formatHex(References.sha256(secret));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
