package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.access.AccessEntry;
import fr.plateformecitoyens.core.access.AccessJournal;
import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.document.Uploads;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.person.People;
import fr.plateformecitoyens.core.person.Person;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.FiledBy;
import fr.plateformecitoyens.core.request.Instruction;
import fr.plateformecitoyens.core.request.OnBehalfFiling;
import fr.plateformecitoyens.core.request.References;
import fr.plateformecitoyens.core.request.SubmitRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reception agents file requests for people at the counter, on the phone or by post: they find the person (a
 * citizen with an account, or a contact), or record a contact, then file. Administrators read the journal of
 * agents' access to personal data.
 */
public final class FilingApi {

    private static final Duration LETTER_LINK = Duration.ofMinutes(5);

    private final Services services;

    private FilingApi(Services services) {
        this.services = services;
    }

    public static ApiFunction function(Services services) {
        FilingApi api = new FilingApi(services);
        return new ApiFunction("filingApi", Map.of(
                "GET /api/v1/tenants/{tenantId}/people", api::search,
                "POST /api/v1/tenants/{tenantId}/contacts", api::createContact,
                "POST /api/v1/tenants/{tenantId}/filings", api::file,
                "GET /api/v1/tenants/{tenantId}/requests/{reference}/acknowledgement-letter", api::letter,
                "GET /api/v1/tenants/{tenantId}/requests/{reference}/letter", api::scannedLetter,
                "GET /api/v1/tenants/{tenantId}/access-log", api::accessLog));
    }

    /** The agent's name as their ID token gives it, for the access journal. */
    public static String agentName(ApiRequest request) {
        String name = (request.claim("given_name").orElse("") + " " + request.claim("family_name").orElse(""))
                .strip();
        return name.isEmpty() ? request.claim("email").orElse("") : name;
    }

    private People people() {
        return new People(services.people(), services.tenants(), services.accessJournal());
    }

    private ApiResponse search(ApiRequest request) {
        List<Person> found = people().search(request.path("tenantId"), request.subject(), agentName(request),
                request.query("q").orElse(""));
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        found.forEach(p -> items.add(person(p)));
        return ApiResponse.ok(body);
    }

    private ApiResponse createContact(ApiRequest request) {
        JsonNode body = request.jsonBody(CitizenApi.MAX_BODY);
        JsonNode address = body.path("address");
        Person contact = people().createContact(request.path("tenantId"), request.subject(), new People.NewContact(
                text(body, "givenName"), text(body, "familyName"), text(body, "email"), text(body, "phone"),
                text(address, "street"), text(address, "postcode"), text(address, "city")));
        return ApiResponse.json(201, person(contact));
    }

    private ApiResponse file(ApiRequest request) {
        String tenantId = request.path("tenantId");
        JsonNode body = request.jsonBody(CitizenApi.MAX_BODY);
        JsonNode data = body.get("data");
        if (!body.path("procedureId").isTextual() || data == null || !data.isObject()) {
            throw new DomainException.InvalidInput("La requête doit indiquer la démarche et les réponses.",
                    List.of(new FieldError("procedureId", "Indiquez l'identifiant de la démarche."),
                            new FieldError("data", "Envoyez les réponses sous forme d'objet JSON.")));
        }
        Optional<String> key = request.idempotencyKey();
        JsonNode letter = body.path("letter");
        Optional<OnBehalfFiling.Letter> scan = letter.isObject()
                ? Optional.of(new OnBehalfFiling.Letter(text(letter, "uploadId"), text(letter, "fileName")))
                : Optional.empty();
        OnBehalfFiling filing = new OnBehalfFiling(new SubmitRequest(services.tenants(), services.catalogue(),
                services.validator(), services.requests(), services.events(), services.clock(),
                services.answerCompletion(UploadApi.agentOwner(request.subject()))), services.people(),
                services.tenants(), new Uploads(services.documents()), services.accessJournal(), services.clock());
        SubmitRequest.Outcome outcome = filing.file(new OnBehalfFiling.Command(tenantId, request.subject(),
                agentName(request), text(body.path("person"), "kind"), text(body.path("person"), "id"),
                body.path("procedureId").asText(), Json.toMap(data), text(body, "channel"),
                Optional.ofNullable(body.path("letterArrivedOn").textValue()), scan,
                UploadApi.agentOwner(request.subject()), key));
        CitizenRequest created = outcome.request();
        ObjectNode view = Views.summary(created, null);
        view.set("acknowledgement", Views.acknowledgement(created.acknowledgement()));
        view.put("acknowledgementDelivery", created.applicant().email() == null ? "print" : "email");
        ApiResponse response = ApiResponse.json(201, view)
                .withHeader("location", "/api/v1/tenants/" + tenantId + "/requests/" + created.reference());
        return outcome.replayed() ? response.withHeader("idempotent-replayed", "true") : response;
    }

    /**
     * The acknowledgement of a request filed for somebody, with the address to post it to: what the agent prints
     * when the person has no e-mail address. Any agent of the tenant may print it; each print is journaled.
     */
    private ApiResponse letter(ApiRequest request) {
        String tenantId = request.path("tenantId");
        People people = people();
        people.membership(tenantId, request.subject());
        CitizenRequest found = Optional.ofNullable(request.path("reference")).filter(References::isWellFormed)
                .flatMap(services.requests()::find)
                .filter(r -> r.tenantId().equals(tenantId) && r.filedBy().isPresent())
                .orElseThrow(() -> new DomainException.NotFound("Aucune demande enregistrée pour une personne ne "
                        + "porte cette référence."));
        String applicantId = found.applicant().id();
        Optional<Person> person = applicantId.startsWith(Person.CONTACT_APPLICANT)
                ? services.people().find(tenantId, Person.Kind.CONTACT,
                        applicantId.substring(Person.CONTACT_APPLICANT.length()))
                : services.people().find(tenantId, Person.Kind.CITIZEN, applicantId);
        services.accessJournal().record(tenantId, request.subject(), agentName(request),
                AccessEntry.Action.ACKNOWLEDGEMENT_READ, Optional.of(found.reference()), Optional.of(applicantId));
        ObjectNode view = Views.summary(found, services.tenants().tenant(tenantId).map(t -> t.name()).orElse(null));
        view.set("acknowledgement", Views.acknowledgement(found.acknowledgement()));
        ObjectNode recipient = view.putObject("recipient").put("name", found.applicant().displayName())
                .put("email", found.applicant().email());
        recipient.set("address", person.map(FilingApi::person).map(p -> p.get("address")).orElse(null));
        return ApiResponse.ok(view);
    }

    /** A link, valid five minutes, to the scanned letter of a request filed by post, for agents who handle it. */
    private ApiResponse scannedLetter(ApiRequest request) {
        CitizenRequest found = new Instruction(services.tenants(), services.catalogue(), services.requests(),
                services.events(), services.clock()).read(request.path("tenantId"), request.path("reference"),
                request.subject());
        DocumentRef letter = found.filedBy().flatMap(FiledBy::letter).orElseThrow(() ->
                new DomainException.NotFound("Cette demande n'a pas de courrier numérisé."));
        services.accessJournal().record(found.tenantId(), request.subject(), agentName(request),
                AccessEntry.Action.LETTER_READ, Optional.of(found.reference()), Optional.of(found.applicant().id()));
        Instant expires = services.clock().instant().plus(LETTER_LINK);
        return ApiResponse.ok(Json.object().put("url", services.documents().grantDownload(letter.key(),
                letter.fileName(), LETTER_LINK).toString()).put("fileName", letter.fileName())
                .put("contentType", letter.contentType()).put("expiresAt", expires.toString()));
    }

    private ApiResponse accessLog(ApiRequest request) {
        Optional<YearMonth> month;
        try {
            month = request.query("month").map(YearMonth::parse);
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidInput("Mois invalide.",
                    List.of(new FieldError("month", "Indiquez le mois sous la forme AAAA-MM.")));
        }
        AccessJournal journal = services.accessJournal();
        var page = journal.list(request.path("tenantId"), request.subject(), new AccessJournal.Filter(
                request.query("reference"), request.query("agent"), month), request.query("cursor"),
                Math.max(1, Math.min(request.intQuery("limit", 50), 100)));
        ObjectNode body = Views.page(page, FilingApi::entry);
        body.put("retainedSince", journal.oldestKept().toString());
        return ApiResponse.ok(body);
    }

    private static ObjectNode entry(AccessEntry e) {
        return Json.object().put("id", e.id()).put("at", e.at().toString()).put("agentId", e.agentId())
                .put("agentName", e.agentName()).put("action", e.action().code()).put("actionLabel", e.action().label())
                .put("reference", e.reference().orElse(null)).put("personId", e.personId().orElse(null));
    }

    static ObjectNode person(Person p) {
        ObjectNode node = Json.object().put("kind", p.kind().code()).put("id", p.id())
                .put("givenName", p.givenName()).put("familyName", p.familyName()).put("name", p.displayName())
                .put("email", p.email().orElse(null)).put("phone", p.phone().orElse(null));
        if (p.address().isPresent()) {
            node.putObject("address").put("street", p.address().get().street())
                    .put("postcode", p.address().get().postcode()).put("city", p.address().get().city());
        } else {
            node.putNull("address");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
