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
import fr.plateformecitoyens.app.PlatformFunctions;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.Problems;
import fr.plateformecitoyens.core.booking.AppointmentType;
import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.BookingRules;
import fr.plateformecitoyens.core.booking.OpeningCalendar;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.booking.Slot;
import fr.plateformecitoyens.core.booking.SlotGrid;
import fr.plateformecitoyens.core.booking.TimeRange;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.legal.AcknowledgementWriter;
import fr.plateformecitoyens.core.procedure.DefaultCatalogue;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.request.References;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import fr.plateformecitoyens.core.tenant.TenantKind;
import fr.plateformecitoyens.core.tenant.Territory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
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

/**
 * Keeps docs/openapi.yaml in step with the routes of template.yaml and the code, and with the JSON of Views and
 * BookingViews.
 */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final JsonNode DOC = Json.toTree(new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(read("../../docs/openapi.yaml")));

    @Test
    void documentsTheRoutesOfTheTemplateAndOfTheCode() throws Exception {
        Set<String> documented = new TreeSet<>();
        Set<String> documentedPublic = new TreeSet<>();
        DOC.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if ((path.getKey().startsWith("/api/") || path.getKey().startsWith("/open311/"))
                    && METHODS.contains(op.getKey())) {
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
        PlatformFunctions.catalogue().values().stream().map(factory -> factory.apply(services))
                .filter(ApiFunction.class::isInstance).map(f -> ((ApiFunction) f).routeKeys())
                .forEach(implemented::addAll);

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

        Procedure creche = fr.plateformecitoyens.core.procedure.LocalServicesCatalogue.creche(commune.id(), "enfance");
        var draft = new fr.plateformecitoyens.core.procedure.Draft(creche.as(creche.id(), 0), 3, received, "admin");
        Map<String, JsonNode> views = Map.ofEntries(
                Map.entry("Tenant", Views.tenant(commune)),
                Map.entry("Procedure", Views.procedure(certificate, civilStatus)),
                Map.entry("ProcedureList", Json.object().set("items", Json.array()
                        .add(Views.procedure(DefaultCatalogue.generalRequest(commune.id(), "accueil"), null)))),
                Map.entry("RequestSummary", Views.summary(submitted, commune.name())),
                Map.entry("InboxItem", InboxViews.line(InboxViews.entry(submitted), LocalDate.of(2026, 12, 3))),
                Map.entry("RequestDetail", Views.detail(rejected, commune.name())),
                Map.entry("AgentRequest", Views.forAgent(submitted, commune.name())),
                Map.entry("RequestPage", Views.page(new Page<>(List.of(submitted, rejected), Optional.of("abc")),
                        r -> Views.summary(r, commune.name()))),
                Map.entry("ValidationProblem", body(Problems.of(new DomainException.InvalidInput("Filtre inconnu.",
                        List.of(new DomainException.FieldError("state", "Choisissez « open » ou « done »."))),
                        "/api/v1/tenants/beaumont-des-sources/inbox").body())),
                Map.entry("Problem", body(Problems.payloadTooLarge(64 * 1024, "/api/v1/x").body())),
                Map.entry("DefinitionList", Json.object().set("items", Json.array().add(ProcedureViews.summary(
                        new fr.plateformecitoyens.core.procedure.ProcedureAdministration.Summary(creche.id(),
                                creche.title(), Optional.of(draft), List.of(creche), java.util.OptionalInt.of(1)))))),
                Map.entry("DefinitionView", ProcedureViews.draft(draft)),
                Map.entry("Household", HouseholdApi.view(new fr.plateformecitoyens.core.household.Household("sub",
                        List.of(new fr.plateformecitoyens.core.household.HouseholdMember("m-0123456789ab", "Léo",
                                "Martin", java.time.LocalDate.of(2023, 4, 2),
                                fr.plateformecitoyens.core.household.Relationship.CHILD)), 1))));
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

    @Test
    void theBookingViewsOfTheDemoResourcesMatchTheSchemas() {
        // Two of the demo resources (infrastructure/local's DemoResources).
        String town = "Mairie de Beaumont-des-Sources, 1 place de la Mairie, 37999 Beaumont-des-Sources";
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(TimeRange.of("08:30", "12:00"), TimeRange.of("13:30", "17:00")));
        }
        week.put(DayOfWeek.SATURDAY, List.of(TimeRange.of("09:00", "12:00")));
        Resource identity = new Resource("beaumont-des-sources", "passeports-cni",
                Resource.Kind.APPOINTMENT_SERVICE, "Passeports et cartes d'identité", "Dépôt et retrait des "
                        + "demandes de passeport et de carte nationale d'identité.", town, 3, 15,
                new OpeningCalendar(week, Map.of(), false),
                new BookingRules(120, 60, 24, 60, false),
                List.of(new AppointmentType("depot-cni", "Dépôt d'une demande de carte d'identité", 15),
                        new AppointmentType("depot-cni-passeport", "Dépôt carte d'identité et passeport", 30)),
                0, List.of(), Set.of(), 0);
        Map<DayOfWeek, List<TimeRange>> everyDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            everyDay.put(day, List.of(TimeRange.of("08:00", "23:00")));
        }
        Resource hall = new Resource("beaumont-des-sources", "salle-des-fetes", Resource.Kind.ROOM, "Salle des fêtes",
                "Grande salle avec cuisine équipée et scène.", "Salle des fêtes, 5 allée des Tilleuls, 37999 "
                        + "Beaumont-des-Sources", 1, 60, new OpeningCalendar(everyDay, Map.of(LocalDate.of(2027, 7, 14),
                        List.of()), true), new BookingRules(7 * 1440, 365, 14 * 24, 15 * 60, true), List.of(), 250,
                List.of("cuisine équipée", "scène"), Set.of(Resource.Audience.RESIDENT,
                        Resource.Audience.ASSOCIATION), 25000);
        Resource closedRoom = new Resource("beaumont-des-sources", "ancienne-ecole", Resource.Kind.ROOM,
                "Ancienne école", "Fermée pour travaux.", "", 1, 60, new OpeningCalendar(Map.of(), Map.of(), false),
                new BookingRules(0, 1, 0, 60, false), List.of(), 0, List.of(), Set.of(), 0);

        LocalDateTime start = LocalDateTime.of(2027, 1, 16, 9, 30);
        Instant made = Instant.parse("2026-12-03T09:12:41.208Z");
        String id = References.random(LocalDate.of(2026, 12, 3));
        Booking appointment = new Booking(id, "beaumont-des-sources", Resource.Kind.APPOINTMENT_SERVICE,
                identity.id(), identity.name(), "depot-cni", "Dépôt d'une demande de carte d'identité", start,
                start.plusMinutes(15), SlotGrid.cells(identity, start, start.plusMinutes(15)), "citizen-sub",
                "Camille Martin", "camille.martin@example.org", Channel.WEB, Booking.Status.CONFIRMED, "", made, made,
                2);
        LocalDateTime party = LocalDateTime.of(2027, 6, 12, 14, 0);
        Booking refused = new Booking(References.random(LocalDate.of(2026, 12, 3)), "beaumont-des-sources",
                Resource.Kind.ROOM, hall.id(), hall.name(), "", "", party, party.plusHours(9),
                SlotGrid.cells(hall, party, party.plusHours(9)), "citizen-sub", "Camille Martin",
                "camille.martin@example.org", Channel.WEB, Booking.Status.REFUSED,
                "La salle est réservée ce jour-là.", made, made.plusSeconds(86400), 3);
        Booking caller = new Booking(References.random(LocalDate.of(2026, 12, 2)), "beaumont-des-sources",
                Resource.Kind.APPOINTMENT_SERVICE, identity.id(), identity.name(), "retrait", "Retrait d'un titre",
                start.minusMinutes(30), start.minusMinutes(15), List.of(start.minusMinutes(30)), "contact:x",
                "Jean Dupuis", null, Channel.PHONE, Booking.Status.NO_SHOW, "", made, made, 3);
        List<Slot> slots = List.of(new Slot(start, start.plusMinutes(15), 0),
                new Slot(start.plusMinutes(15), start.plusMinutes(30), 3),
                new Slot(LocalDateTime.of(2027, 7, 5, 8, 0), LocalDateTime.of(2027, 7, 5, 9, 0), 1));

        Map<String, JsonNode> views = Map.ofEntries(
                Map.entry("Slot", BookingViews.slot(slots.get(0))),
                Map.entry("SlotList", Json.object().put("resourceId", identity.id()).put("from", "2027-01-16")
                        .put("to", "2027-01-16").set("items", BookingViews.slots(slots))),
                Map.entry("AppointmentService", BookingViews.service(identity)),
                Map.entry("AppointmentServiceList", Json.object().set("items", Json.array()
                        .add(BookingViews.service(identity)))),
                Map.entry("Room", BookingViews.room(hall)),
                Map.entry("RoomList", Json.object().set("items", Json.array().add(BookingViews.room(hall))
                        .add(BookingViews.room(closedRoom)))),
                Map.entry("Booking", BookingViews.booking(appointment, identity)),
                Map.entry("BookingList", Json.object().set("items", Json.array()
                        .add(BookingViews.booking(refused, hall)).add(BookingViews.booking(appointment, null)))),
                Map.entry("Agenda", Json.object().put("resourceId", identity.id()).put("from", "2027-01-16")
                        .put("to", "2027-01-16").set("items", Json.array()
                                .add(BookingViews.booking(caller, identity))
                                .add(BookingViews.booking(appointment, identity)))),
                Map.entry("UnavailableProblem", body(Problems.of(new DomainException.Unavailable(
                        "Ce créneau vient d'être pris. Voici les prochains créneaux libres.", slots),
                        "/api/v1/tenants/beaumont-des-sources/appointments").body())),
                Map.entry("ValidationProblem", body(Problems.of(new DomainException.InvalidInput(
                        "Les créneaux commencent toutes les 15 minutes.", List.of(new DomainException.FieldError(
                                "start", "Les créneaux commencent toutes les 15 minutes."))),
                        "/api/v1/tenants/beaumont-des-sources/appointments").body())));
        List<String> failures = new ArrayList<>();
        views.forEach((name, view) -> {
            JsonNode schema = Json.object().put("$ref", "#/components/schemas/" + name);
            failures.addAll(validate(schema, view));
            undocumented(view, schema, name, failures);
        });
        JsonNode unavailable = body(Problems.of(new DomainException.Unavailable("Ce créneau vient d'être pris.",
                List.of()), "/api/v1/tenants/beaumont-des-sources/room-bookings").body());
        failures.addAll(validate(Json.object().put("$ref", "#/components/schemas/UnavailableProblem"), unavailable));
        assertTrue(id.matches(DOC.at("/components/schemas/Booking/properties/id/pattern").asText()), id);
        assertEquals(List.of(), failures);
    }

    @Test
    void theReportViewsMatchTheSchemas() {
        var now = java.time.Instant.parse("2026-12-04T09:00:00Z");
        var reporter = new fr.plateformecitoyens.core.report.Reporter("sub-1", "Camille", "Martin", "c@example.org");
        var status = fr.plateformecitoyens.core.report.ReportStatus.class;
        var report = new fr.plateformecitoyens.core.report.Report("beaumont-des-sources", "2026-2PK5-ZG90", "voirie",
                "Voirie, nid-de-poule", "services-techniques", "Nid-de-poule.",
                new fr.plateformecitoyens.core.report.Location(47.39, 0.68, "2 rue de l'École"), reporter, "web",
                Enum.valueOf(status, "NEW"), now, now, List.of(new fr.plateformecitoyens.core.report.ReportChange(now,
                        "sub-1", null, Enum.valueOf(status, "NEW"), "", "")), Optional.empty(), "", Optional.empty(),
                1, "f").assigned("agent-1", "Sacha Girard", now, "agent-1")
                .moved(new fr.plateformecitoyens.core.report.ReportChange(now, "agent-1", Enum.valueOf(status, "NEW"),
                        Enum.valueOf(status, "ACKNOWLEDGED"), "Une équipe passera.", ""));
        var pending = new fr.plateformecitoyens.core.report.ReportPhoto(report.id(), "a1", report.tenantId(),
                fr.plateformecitoyens.core.report.ReportPhoto.State.PENDING, now, "uploads/x", Optional.empty(),
                Optional.empty(), 0, 0, Optional.empty(), "");
        var ready = new fr.plateformecitoyens.core.report.ReportPhoto(report.id(), "b2", report.tenantId(),
                fr.plateformecitoyens.core.report.ReportPhoto.State.READY, now, "uploads/y", Optional.of("media/w"),
                Optional.of("media/t"), 1600, 1200, Optional.of(now), "");
        var failed = new fr.plateformecitoyens.core.report.ReportPhoto(report.id(), "c3", report.tenantId(),
                fr.plateformecitoyens.core.report.ReportPhoto.State.FAILED, now, "uploads/z", Optional.empty(),
                Optional.empty(), 0, 0, Optional.of(now), "Ce fichier n'est pas une image lisible.");
        fr.plateformecitoyens.core.port.DocumentStore links = new LinksOnly();
        List<String> failures = new ArrayList<>();
        Map<String, JsonNode> views = Map.of(
                "PublicReport", ReportViews.publicView(report),
                "ReportDetail", ReportViews.detail(report, List.of(pending, ready, failed), () -> links),
                "AgentReport", ReportViews.forAgent(report, List.of(pending, ready, failed), () -> links));
        views.forEach((name, view) -> {
            JsonNode schema = Json.object().put("$ref", "#/components/schemas/" + name);
            failures.addAll(validate(schema, view));
            undocumented(view, schema, name, failures);
        });
        assertEquals(List.of(), failures);
    }

    /** A document store that only makes links, for views. */
    private static final class LinksOnly implements fr.plateformecitoyens.core.port.DocumentStore {
        @Override
        public void put(String key, byte[] content, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<fr.plateformecitoyens.core.port.StoredDocument> get(String key) {
            return Optional.empty();
        }

        @Override
        public Optional<fr.plateformecitoyens.core.port.StoredDocument.Metadata> head(String key) {
            return Optional.empty();
        }

        @Override
        public fr.plateformecitoyens.core.port.UploadGrant grantUpload(String key, String contentType, long length,
                java.time.Duration validity) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.net.URI grantDownload(String key, String fileName, java.time.Duration validity) {
            return java.net.URI.create("https://documents.example.org/" + key + "?X-Amz-Signature=abc");
        }

        @Override
        public void delete(String key) {
        }
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
