package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.document.UploadPolicy;
import fr.plateformecitoyens.core.document.Uploads;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import java.util.List;
import java.util.Map;

/**
 * Grants uploads of files straight to the document store: a citizen's (supporting documents, attachments to
 * a message) and an agent's (a scanned letter, a decision). The file is claimed later by the request that uses
 * it, which checks what really arrived.
 */
public final class UploadApi {

    private static final int MAX_BODY = 4 * 1024;

    private final Services services;

    private UploadApi(Services services) {
        this.services = services;
    }

    public static ApiFunction function(Services services) {
        UploadApi api = new UploadApi(services);
        return new ApiFunction("uploadApi", Map.of(
                "POST /api/v1/me/uploads", api::citizenUpload,
                "POST /api/v1/tenants/{tenantId}/uploads", api::agentUpload));
    }

    /** Whose upload it is, as {@link Uploads} keys it: a citizen's and an agent's never meet. */
    public static String citizenOwner(String subject) {
        return "c-" + subject;
    }

    public static String agentOwner(String subject) {
        return "a-" + subject;
    }

    private ApiResponse citizenUpload(ApiRequest request) {
        return grant(request, citizenOwner(request.subject()));
    }

    private ApiResponse agentUpload(ApiRequest request) {
        String tenantId = request.path("tenantId");
        if (services.tenants().membership(tenantId, request.subject()).isEmpty()) {
            throw new DomainException.Forbidden("Vous n'êtes pas agent de cette collectivité.");
        }
        return grant(request, agentOwner(request.subject()));
    }

    private ApiResponse grant(ApiRequest request, String owner) {
        JsonNode body = request.jsonBody(MAX_BODY);
        JsonNode size = body.get("size");
        if (size == null || !size.canConvertToLong() || !size.isIntegralNumber()) {
            throw new DomainException.InvalidInput("Indiquez la taille du fichier.",
                    List.of(new FieldError("size", "Indiquez la taille du fichier, en octets.")));
        }
        Uploads.Pending pending = new Uploads(services.documents()).grant(owner, body.path("fileName").asText(null),
                body.path("contentType").asText(null), size.asLong(), UploadPolicy.DOCUMENTS);
        ObjectNode view = Json.object().put("uploadId", pending.uploadId()).put("maxBytes", pending.maxBytes());
        ObjectNode upload = view.putObject("upload").put("method", pending.grant().method())
                .put("url", pending.grant().url().toString())
                .put("expiresAt", pending.grant().expiresAt().toString());
        ObjectNode headers = upload.putObject("headers");
        pending.grant().headers().forEach(headers::put);
        return ApiResponse.json(201, view);
    }
}
