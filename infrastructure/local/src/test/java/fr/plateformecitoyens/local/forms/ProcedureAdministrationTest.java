package fr.plateformecitoyens.local.forms;

import static fr.plateformecitoyens.local.forms.AdminFixtures.ADMIN_BASE;
import static fr.plateformecitoyens.local.forms.AdminFixtures.COMMUNE;
import static fr.plateformecitoyens.local.forms.AdminFixtures.admin;
import static fr.plateformecitoyens.local.forms.AdminFixtures.definition;
import static fr.plateformecitoyens.local.forms.AdminFixtures.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Samples;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tenant administrator's démarches through the local gateway: rights, drafts, versions, publication. */
@ExtendWith(LocalCloudExtension.class)
class ProcedureAdministrationTest {

    private static String newId() {
        return "composteur-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode inCatalogue(Api api, String id) {
        for (JsonNode p : api.get("/api/v1/tenants/" + COMMUNE + "/procedures", null).json().path("items")) {
            if (p.path("id").asText().equals(id)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void anAgentWithoutTheRole_anotherTenantsAdministrator_andACitizen_get403(Api api) {
        String agent = api.token(api.account("agent", COMMUNE));
        String otherAdmin = AdminFixtures.newAdministrator(api, "cc-val-des-sources");
        String citizen = Citizens.newCitizen(api);

        assertEquals(403, api.get(ADMIN_BASE, agent).status());
        assertEquals(403, api.get(ADMIN_BASE, otherAdmin).status());
        assertEquals(403, api.post(ADMIN_BASE, otherAdmin, definition(newId()).toString()).status());
        assertEquals(403, api.get(ADMIN_BASE, citizen).status());
        assertEquals(401, api.get(ADMIN_BASE, null).status());
        assertEquals(200, api.get("/api/v1/tenants/cc-val-des-sources/admin/procedures", otherAdmin).status());
        assertEquals(200, api.get(ADMIN_BASE, admin(api)).status());
    }

    @Test
    void aDraft_isEditedUnderItsETag_publishedAsVersion1_thenCitizensSeeIt(Api api) {
        String admin = admin(api);
        String id = newId();

        Api.Reply created = api.post(ADMIN_BASE, admin, definition(id).toString());
        assertEquals(201, created.status(), created.raw().body());
        String etag = created.header("etag");
        assertEquals("\"" + id + "-r1\"", etag);
        assertNull(inCatalogue(api, id), "a draft is not published");

        ObjectNode edited = definition(id).put("title", "Demande de composteur de jardin");
        Api.Reply saved = put(api, ADMIN_BASE + "/" + id + "/draft", admin, edited.toString(),
                Map.of("If-Match", etag));
        assertEquals(200, saved.status(), saved.raw().body());
        Api.Reply stale = put(api, ADMIN_BASE + "/" + id + "/draft", admin, edited.toString(),
                Map.of("If-Match", etag));
        assertEquals(412, stale.status());
        assertEquals(428, put(api, ADMIN_BASE + "/" + id + "/draft", admin, edited.toString(), Map.of()).status());

        Api.Reply published = api.post(ADMIN_BASE + "/" + id + "/publish", admin, "",
                Map.of("If-Match", saved.header("etag")));
        assertEquals(200, published.status(), published.raw().body());
        assertEquals(1, published.json().path("definition").path("version").asInt());
        JsonNode offered = inCatalogue(api, id);
        assertEquals("Demande de composteur de jardin", offered.path("title").asText());
        assertEquals("days", offered.path("regime").path("unit").asText());
        assertEquals(30, offered.path("regime").path("period").asInt());
        assertEquals(published.json().path("form"), offered.path("form"), "the preview is what citizens get");
        assertEquals(404, api.get(ADMIN_BASE + "/" + id + "/draft", admin).status(), "the draft became v1");
    }

    @Test
    void aRequest_keepsItsVersion_whenANewVersionIsPublished_andWhenTheDemarcheIsUnpublished(Api api) {
        String admin = admin(api);
        String id = newId();
        api.post(ADMIN_BASE, admin, definition(id).toString());
        api.post(ADMIN_BASE + "/" + id + "/publish", admin, "");
        String citizen = Citizens.newCitizen(api);
        Api.Reply filed = api.post("/api/v1/tenants/" + COMMUNE + "/requests", citizen,
                "{\"procedureId\":\"" + id + "\",\"data\":{\"taille\":\"petit\",\"jardin\":true}}");
        assertEquals(201, filed.status(), filed.raw().body());
        String reference = filed.json().path("reference").asText();

        Api.Reply copy = api.post(ADMIN_BASE + "/" + id + "/duplicate", admin, "{\"version\":1}");
        assertEquals(201, copy.status(), copy.raw().body());
        ObjectNode v2 = definition(id).put("title", "Composteur (nouvelle version)");
        ((ArrayNode) v2.path("fields")).addObject().put("name", "foyer").put("label", "Personnes au foyer")
                .put("type", "number").put("required", true);
        assertEquals(200, put(api, ADMIN_BASE + "/" + id + "/draft", admin, v2.toString(),
                Map.of("If-Match", copy.header("etag"))).status());
        assertEquals(2, api.post(ADMIN_BASE + "/" + id + "/publish", admin, "").json().path("definition")
                .path("version").asInt());

        JsonNode mine = api.get("/api/v1/me/requests/" + reference, citizen).json();
        assertEquals(1, mine.path("procedureVersion").asInt(), mine.toString());
        assertEquals(2, inCatalogue(api, id).path("version").asInt());
        assertEquals(422, api.post("/api/v1/tenants/" + COMMUNE + "/requests", citizen,
                "{\"procedureId\":\"" + id + "\",\"data\":{\"taille\":\"petit\",\"jardin\":true}}").status(),
                "new requests are checked against version 2");

        assertEquals(200, api.post(ADMIN_BASE + "/" + id + "/unpublish", admin, "").status());
        assertNull(inCatalogue(api, id));
        assertEquals(200, api.get("/api/v1/me/requests/" + reference, citizen).status());
        JsonNode listed = find(api.get(ADMIN_BASE, admin).json().path("items"), id);
        assertEquals("unpublished", listed.path("state").asText());
        assertEquals(2, listed.path("versions").size());
        assertEquals(1, api.get(ADMIN_BASE + "/" + id + "/versions/1", admin).json().path("definition")
                .path("version").asInt(), "versions stay readable");

        String copyId = newId();
        Api.Reply copied = api.post(ADMIN_BASE + "/" + id + "/duplicate", admin,
                "{\"version\":1,\"id\":\"" + copyId + "\"}");
        assertEquals(201, copied.status(), copied.raw().body());
        assertEquals("Demande de composteur " + id, api.get(ADMIN_BASE + "/" + copyId + "/draft", admin).json()
                .path("definition").path("title").asText(), "a new démarche from version 1");
        assertEquals(409, api.post(ADMIN_BASE + "/" + id + "/duplicate", admin,
                "{\"version\":2,\"id\":\"" + copyId + "\"}").status(), "an id already taken");
    }

    @Test
    void definitionsWithALoopOfConditions_orAnUnknownFieldType_areRefused422_inFrench(Api api) {
        String admin = admin(api);
        ObjectNode loop = definition(newId());
        ObjectNode size = (ObjectNode) loop.path("fields").path(0);
        size.putObject("visibleWhen").put("field", "jardin").putArray("in").add("true");
        ObjectNode garden = (ObjectNode) loop.path("fields").path(2);
        garden.putObject("visibleWhen").put("field", "taille").putArray("in").add("petit");
        ObjectNode unknown = definition(newId());
        ((ObjectNode) unknown.path("fields").path(1)).put("type", "signature");

        Api.Reply cycle = api.post(ADMIN_BASE, admin, loop.toString());
        Api.Reply type = api.post(ADMIN_BASE + "/preview", admin, unknown.toString());

        assertEquals(422, cycle.status(), cycle.raw().body());
        assertTrue(cycle.json().path("errors").toString().contains("Les conditions forment une boucle"),
                cycle.raw().body());
        assertEquals(422, type.status());
        assertEquals("fields[1].type", type.json().path("errors").path(0).path("field").asText());
        assertEquals("Type de champ inconnu : « signature ».", type.json().path("errors").path(0).path("message")
                .asText());
        assertFalse(api.get(ADMIN_BASE, admin).raw().body().contains(loop.path("id").asText()), "nothing stored");
    }

    @Test
    void theSampleEvents_goThroughTheirFunctions(LocalCloud cloud) {
        ObjectNode list = Samples.event("ProcedureAdminApiFunction.list-definitions.json");
        JsonNode refused = Json.parse(cloud.function("ProcedureAdminApiFunction").invoke(Json.writeBytes(list)));
        String admin = cloud.accounts().stream().filter(a -> a.role().equals("admin")).findFirst().orElseThrow().sub();
        ((ObjectNode) list.path("requestContext").path("authorizer").path("jwt").path("claims")).put("sub", admin);
        JsonNode listed = Json.parse(cloud.function("ProcedureAdminApiFunction").invoke(Json.writeBytes(list)));
        JsonNode household = Json.parse(cloud.function("HouseholdApiFunction")
                .invoke(Json.writeBytes(Samples.event("HouseholdApiFunction.my-household.json"))));

        assertEquals(403, refused.path("statusCode").asInt(), "the sample's subject is no administrator");
        assertEquals(200, listed.path("statusCode").asInt(), listed.toString());
        assertTrue(Json.parse(listed.path("body").asText()).path("items").toString().contains("inscription-creche"));
        assertEquals(200, household.path("statusCode").asInt(), household.toString());
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + items);
    }
}
