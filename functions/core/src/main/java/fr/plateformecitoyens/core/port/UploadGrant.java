package fr.plateformecitoyens.core.port;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * What a browser needs to upload one file straight to the document store: the method and URL to call, the
 * headers it must send unchanged (they are part of the signature), and until when the grant holds.
 */
public record UploadGrant(String key, String method, URI url, Map<String, String> headers, Instant expiresAt) {

    public UploadGrant {
        headers = Map.copyOf(headers);
    }
}
