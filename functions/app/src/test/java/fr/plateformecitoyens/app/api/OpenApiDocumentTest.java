package fr.plateformecitoyens.app.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.Problems;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.legal.AcknowledgementWriter;
import fr.plateformecitoyens.core.procedure.DefaultCatalogue;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import fr.plateformecitoyens.core.tenant.TenantKind;
import fr.plateformecitoyens.core.tenant.Territory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Keeps docs/openapi.yaml in step with the routes of template.yaml and the code, and with the JSON of Views. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final JsonNode DOC = Json.toTree(new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(read("../../docs/openapi.yaml")));

    @Test
    void documentsTheRoutesOfTheTemplateAndOfTheCode() throws Exception {
        Set<String> documented = new TreeSet<>();
        Set<String> documentedPublic = new TreeSet<>();
        DOC.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (path.getKey().startsWith("/api/") && METHODS.contains(op.getKey())) {
                String key = op.getKey().toUpperCase() + " " + path.getKey();
                documented.add(key);
                if (op.getValue().has("security") && op.getValue().get("security").isEmpty()) {
                    documentedPublic.add(key);
                }
            }
        }));
        Set<String> declared = new TreeSet<>();
        Set<String> declaredPublic = new TreeSet<>();
        JsonNode template = new YAMLMapper().readTree(read("../../template.yaml"));
        template.path("Resources").forEach(resource -> resource.path("Properties").path("Events").forEach(event -> {
            if (event.path("Type").asText().equals("HttpApi")) {
                JsonNode p = event.path("Properties");
                String key = p.path("Method").asText().toUpperCase() + " " + p.path("Path").asText();
                declared.add(key);
                if (p.path("Auth").path("Authorizer").asText().equals("NONE")) {
                    declaredPublic.add(key);
                }
            }
        }));
        Services services = new Services();
        Set<String> implemented = new TreeSet<>();
        Stream.of(PublicApi.function(services), CitizenApi.function(services), AgentApi.function(services))
                .map(ApiFunction::routeKeys).forEach(implemented::addAll);

        assertEquals(declared, implemented, "template.yaml and the code");
        assertEquals(declared, documented, "template.yaml and docs/openapi.yaml");
        assertEquals(declaredPublic, documentedPublic, "routes without authorizer");
    }

    @Test
    void everyExampleMatchesItsSchema() {
        List<String> failures = new ArrayList<>();
        List<JsonNode> contents = new ArrayList<>();
        DOC.path("paths").forEach(path -> path.fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                contents.add(op.getValue().path("requestBody").path("content"));
                op.getValue().path("responses").forEach(r -> contents.add(r.path("content")));
            }
        }));
        DOC.path("components").path("responses").forEach(r -> contents.add(r.path("content")));
        int checked = 0;
        for (JsonNode content : contents) {
            for (JsonNode media : content) {
                List<JsonNode> examples = new ArrayList<>();
                if (media.has("example")) {
                    examples.add(media.get("example"));
                }
                media.path("examples").forEach(e -> examples.add(resolve(e).path("value")));
                for (JsonNode example : examples) {
                    failures.addAll(validate(media.path("schema"), example));
                    checked++;
                }
            }
        }
        assertTrue(checked > 50, "examples found: " + checked);
        assertEquals(List.of(), failures);
    }

    @Test
    void theViewsOfTheDemoDataMatchTheSchemas() {
        Tenant commune = new Tenant("beaumont-des-sources", "Beaumont-des-Sources", TenantKind.COMMUNE, "37999",
                new Territory(47.3941, 0.6848, 0.6500, 47.3700, 0.7200, 47.4200));
        HandlingService civilStatus = new HandlingService(commune.id(), "etat-civil", "Service état civil",
                "Mairie de Beaumont-des-Sources, 1 place de la Mairie, 37999 Beaumont-des-Sources", "02 47 00 00 01",
                "etat-civil@beaumont-des-sources.example.fr");
        Procedure certificate = DefaultCatalogue.civilStatusCertificate(commune.id(), civilStatus.id());
        Instant received = Instant.parse("2026-12-03T09:00:00Z");
        var acknowledgement = AcknowledgementWriter.write(commune, certificate, civilStatus, received, received);
        CitizenRequest submitted = new CitizenRequest(commune.id(), "2026-2PK5-ZG90", certificate.id(), 1,
                certificate.title(), civilStatus.id(), new Applicant("citizen-sub", "Camille", "Martin", null),
                Channel.WEB, Map.of("typeActe", "naissance", "livraison", "telechargement"), RequestStatus.SUBMITTED,
                received, received, acknowledgement, acknowledgement.implicitDecisionDate(),
                List.of(new Transition(received, "citizen-sub", null, RequestStatus.SUBMITTED, "")), 1, "fingerprint");
        CitizenRequest rejected = submitted.with(new Transition(received.plusSeconds(3600), "agent-sub",
                RequestStatus.SUBMITTED, RequestStatus.REJECTED, "Aucun acte ne correspond à ces informations."),
                Optional.empty());

        Map<String, JsonNode> views = Map.ofEntries(
                Map.entry("Tenant", Views.tenant(commune)),
                Map.entry("Procedure", Views.procedure(certificate, civilStatus)),
                Map.entry("ProcedureList", Json.object().set("items", Json.array()
                        .add(Views.procedure(DefaultCatalogue.generalRequest(commune.id(), "accueil"), null)))),
                Map.entry("RequestSummary", Views.summary(submitted, commune.name())),
                Map.entry("InboxItem", Views.summary(submitted, null).put("citizenName", "Camille Martin")),
                Map.entry("RequestDetail", Views.detail(rejected, commune.name())),
                Map.entry("AgentRequest", Views.forAgent(submitted, commune.name())),
                Map.entry("RequestPage", Views.page(new Page<>(List.of(submitted, rejected), Optional.of("abc")),
                        r -> Views.summary(r, commune.name()))),
                Map.entry("ValidationProblem", body(Problems.of(new DomainException.InvalidInput("Filtre inconnu.",
                        List.of(new DomainException.FieldError("state", "Choisissez « open » ou « done »."))),
                        "/api/v1/tenants/beaumont-des-sources/inbox").body())),
                Map.entry("Problem", body(Problems.payloadTooLarge(64 * 1024, "/api/v1/x").body())));
        List<String> failures = new ArrayList<>();
        views.forEach((name, view) -> {
            JsonNode schema = Json.object().put("$ref", "#/components/schemas/" + name);
            failures.addAll(validate(schema, view));
            undocumented(view, schema, name, failures);
        });
        failures.addAll(validate(Json.object().put("$ref", "#/components/schemas/AgentRequest"),
                Views.forAgent(rejected, null)));
        assertTrue(Views.etag(rejected).matches(DOC.at("/components/headers/ETag/schema/pattern").asText()));
        assertEquals(List.of(), failures);
    }

    /** Failures of {@code value} against {@code schema}, whose references point into the document's components. */
    private static List<String> validate(JsonNode schema, JsonNode value) {
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", DOC.path("components").path("schemas"));
        root = (ObjectNode) Json.parse(Json.write(root).replace("\"#/components/schemas/", "\"#/$defs/"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(root, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build())
                .validate(value).stream().map(m -> m + " in " + value.toString().substring(0,
                        Math.min(80, value.toString().length())))
                .toList();
    }

    /** Reports the properties of {@code value} that {@code schema} does not declare (schemas stay open). */
    private static void undocumented(JsonNode value, JsonNode schema, String where, List<String> failures) {
        schema = resolve(schema);
        if (value.isNull()) {
            return;
        }
        for (JsonNode branch : schema.path("oneOf")) {
            if (!resolve(branch).path("type").asText().equals("null")) {
                undocumented(value, branch, where, failures);
                return;
            }
        }
        List<JsonNode> parts = new ArrayList<>(List.of(schema));
        schema.path("allOf").forEach(part -> parts.add(resolve(part)));
        for (int i = 1; i < parts.size(); i++) {
            parts.get(i).path("allOf").forEach(part -> parts.add(resolve(part)));
        }
        if (value.isArray()) {
            parts.stream().filter(p -> p.has("items")).findFirst()
                    .ifPresent(p -> value.forEach(item -> undocumented(item, p.get("items"), where + "[]", failures)));
        } else if (value.isObject()) {
            value.fields().forEachRemaining(field -> {
                String name = field.getKey();
                // The last declaration is the most specific (RequestPage's items over Page's).
                Optional<JsonNode> declared = parts.stream().filter(p -> p.path("properties").has(name))
                        .map(p -> p.path("properties").get(name)).reduce((first, second) -> second);
                Optional<JsonNode> others = parts.stream().filter(p -> p.has("additionalProperties"))
                        .map(p -> p.get("additionalProperties")).findFirst();
                if (declared.isPresent()) {
                    undocumented(field.getValue(), declared.get(), where + "." + name, failures);
                } else if (others.isPresent() && others.get().isObject()) {
                    undocumented(field.getValue(), others.get(), where + "." + name, failures);
                } else if (others.isEmpty() || !others.get().asBoolean()) {
                    failures.add(where + "." + name + " is not documented");
                }
            });
        }
    }

    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = DOC.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private static JsonNode body(byte[] bytes) {
        return Json.parse(bytes);
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
