package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.document.Uploads;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.message.Author;
import fr.plateformecitoyens.core.message.Message;
import fr.plateformecitoyens.core.message.Messages;
import fr.plateformecitoyens.core.message.Visibility;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.CitizenRequests;
import fr.plateformecitoyens.core.request.Instruction;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.HandlingService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The thread of a request, for its citizen and for the agents of its service, with the agents' internal notes.
 * Its own function: it needs S3 (claiming attachments, download links) and the request routes do not, so they
 * keep a cold start without the S3 client and the presigner.
 */
public final class MessageApi {

    /** Text of 5,000 characters, three attachments and their names: far below this. */
    private static final int MAX_BODY = 64 * 1024;
    private static final Duration DOWNLOAD = Duration.ofMinutes(5);
    private static final String CITIZEN = "/api/v1/me/requests/{reference}/messages";
    private static final String AGENT = "/api/v1/tenants/{tenantId}/requests/{reference}/messages";
    private static final String FILE = "/{messageId}/attachments/{index}";

    private final Services services;
    private final Supplier<Messages> messages;

    private MessageApi(Services services) {
        this.services = services;
        // The SQS client is built for an agent's public message only, the S3 client for files only: not to read.
        this.messages = () -> new Messages(new CitizenRequests(services.requests()),
                new Instruction(services.tenants(), services.catalogue(), services.requests(),
                        event -> services.events().publish(event), services.clock()),
                services.messages(), () -> new Uploads(services.documents()),
                event -> services.events().publish(event), services.clock());
    }

    public static ApiFunction function(Services services) {
        MessageApi api = new MessageApi(services);
        return new ApiFunction("messageApi", Map.of(
                "GET " + CITIZEN, api::citizenThread,
                "POST " + CITIZEN, api::citizenPost,
                "GET " + CITIZEN + FILE, api::citizenFile,
                "GET " + AGENT, api::agentThread,
                "POST " + AGENT, api::agentPost,
                "GET " + AGENT + FILE, api::agentFile));
    }

    private ApiResponse citizenThread(ApiRequest request) {
        var page = messages.get().citizenThread(request.subject(), request.path("reference"), newestFirst(request),
                request.query("cursor"), request.intQuery("limit", 20));
        return ApiResponse.ok(Views.page(page, m -> MessageViews.message(m, false)));
    }

    private ApiResponse agentThread(ApiRequest request) {
        Messages.AgentThread thread = messages.get().agentThread(request.path("tenantId"), request.path("reference"),
                request.subject(), newestFirst(request), request.query("cursor"), request.intQuery("limit", 20));
        ObjectNode body = Views.page(thread.page(), m -> MessageViews.message(m, true));
        var state = thread.state();
        body.put("awaitingReply", state.awaitingReply());
        body.put("lastCitizenMessageAt", state.lastCitizenMessage().map(Object::toString).orElse(null));
        return ApiResponse.ok(body);
    }

    private ApiResponse citizenPost(ApiRequest request) {
        String subject = request.subject();
        JsonNode body = request.jsonBody(MAX_BODY);
        JsonNode visibility = body.get("visibility");
        if (visibility != null && !visibility.isNull() && !Visibility.PUBLIC.code().equals(visibility.asText())) {
            throw invalid("visibility", "Vos messages sont toujours adressés au service qui traite la demande.");
        }
        Author author = new Author(Author.Kind.CITIZEN, subject, (request.claim("given_name").orElse("") + " "
                + request.claim("family_name").orElse("")).strip(), "Usager");
        Messages.Posted posted = messages.get().postAsCitizen(author, request.path("reference"),
                draft(request, body, Visibility.PUBLIC, UploadApi.citizenOwner(subject)));
        return created(posted, "/api/v1/me/requests/" + request.path("reference") + "/messages/", false);
    }

    private ApiResponse agentPost(ApiRequest request) {
        String subject = request.subject();
        String tenantId = request.path("tenantId");
        JsonNode body = request.jsonBody(MAX_BODY);
        Visibility visibility = Visibility.fromCode(body.path("visibility").asText("")).orElse(null);
        Messages use = messages.get();
        Function<CitizenRequest, Author> author = found -> agent(request, found);
        Messages.Posted posted = use.postAsAgent(tenantId, subject, author, request.path("reference"),
                draft(request, body, visibility, UploadApi.agentOwner(subject)));
        return created(posted, "/api/v1/tenants/" + tenantId + "/requests/" + request.path("reference")
                + "/messages/", true);
    }

    private ApiResponse citizenFile(ApiRequest request) {
        DocumentRef ref = messages.get().citizenAttachment(request.subject(), request.path("reference"),
                request.path("messageId"), index(request));
        return download(ref);
    }

    private ApiResponse agentFile(ApiRequest request) {
        DocumentRef ref = messages.get().agentAttachment(request.path("tenantId"), request.path("reference"),
                request.subject(), request.path("messageId"), index(request));
        return download(ref);
    }

    /** A short-lived link to the file, as JSON: a page cannot follow a redirect that needs its bearer token. */
    private ApiResponse download(DocumentRef ref) {
        ObjectNode view = Json.object()
                .put("url", services.documents().grantDownload(ref.key(), ref.fileName(), DOWNLOAD).toString())
                .put("fileName", ref.fileName()).put("contentType", ref.contentType()).put("size", ref.size())
                .put("expiresAt", services.clock().instant().plus(DOWNLOAD).toString());
        return ApiResponse.ok(view);
    }

    /** The agent as the citizen sees them: their name, and their role in the request's service. */
    private Author agent(ApiRequest request, CitizenRequest found) {
        AgentMembership membership = services.tenants().membership(found.tenantId(), request.subject()).orElseThrow();
        String fromToken = (request.claim("given_name").orElse("") + " " + request.claim("family_name").orElse(""))
                .strip();
        String name = fromToken.isEmpty() && membership.displayName() != null ? membership.displayName() : fromToken;
        String service = services.tenants().service(found.tenantId(), found.serviceId()).map(HandlingService::name)
                .orElse(found.serviceId());
        String role = (membership.role() == AgentMembership.AgentRole.ADMIN ? "Administration" : "Agent")
                + " · " + service;
        return new Author(Author.Kind.AGENT, request.subject(), name, role);
    }

    private Messages.Draft draft(ApiRequest request, JsonNode body, Visibility visibility, String owner) {
        JsonNode text = body.get("text");
        if (text != null && !text.isNull() && !text.isTextual()) {
            throw invalid("text", "Le message doit être un texte.");
        }
        JsonNode files = body.path("attachments");
        if (!files.isMissingNode() && !files.isNull() && !files.isArray()) {
            throw invalid("attachments", "Les pièces jointes sont une liste.");
        }
        List<Messages.AttachmentClaim> claims = new ArrayList<>();
        for (JsonNode file : files) {
            claims.add(new Messages.AttachmentClaim(file.path("uploadId").asText(null),
                    file.path("fileName").asText(null)));
        }
        Optional<String> key = request.idempotencyKey();
        return new Messages.Draft(text == null || text.isNull() ? "" : text.asText(), visibility, claims, owner, key);
    }

    private static ApiResponse created(Messages.Posted posted, String base, boolean forAgent) {
        Message message = posted.message();
        ApiResponse response = ApiResponse.json(201, MessageViews.message(message, forAgent))
                .withHeader("location", base + message.id());
        return posted.replayed() ? response.withHeader("idempotent-replayed", "true") : response;
    }

    private static boolean newestFirst(ApiRequest request) {
        String order = request.query("order").orElse("oldest");
        if (!order.equals("oldest") && !order.equals("newest")) {
            throw invalid("order", "Choisissez « oldest » ou « newest ».");
        }
        return order.equals("newest");
    }

    private static int index(ApiRequest request) {
        String index = request.path("index");
        if (!index.matches("[0-9]")) {
            throw new DomainException.NotFound("Cette pièce jointe est introuvable.");
        }
        return Integer.parseInt(index);
    }

    private static DomainException invalid(String field, String message) {
        return new DomainException.InvalidInput(message, List.of(new FieldError(field, message)));
    }
}
