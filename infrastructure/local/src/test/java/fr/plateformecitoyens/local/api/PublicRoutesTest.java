package fr.plateformecitoyens.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class PublicRoutesTest {

    @Test
    void health_withoutToken_answersOk(Api api) {
        Api.Reply reply = api.get("/api/v1/health", null);

        assertEquals(200, reply.status());
        assertEquals("ok", reply.json().path("status").asText());
    }

    @Test
    void tenants_listsTheCommuneAndTheEpci_withTerritory(Api api) {
        JsonNode items = api.get("/api/v1/tenants", null).json().path("items");

        JsonNode commune = find(items, "beaumont-des-sources");
        assertEquals("commune", commune.path("kind").asText());
        assertEquals("37999", commune.path("inseeCode").asText());
        assertTrue(commune.path("territory").path("centre").has("lat"));
        assertTrue(commune.path("territory").path("centre").has("long"));
        assertEquals(4, commune.path("territory").path("bbox").size());
        assertEquals("epci", find(items, "cc-val-des-sources").path("kind").asText());
    }

    @Test
    void procedures_ofTheCommune_carryRegimeAndDraft2020FormSchema(Api api) {
        Api.Reply reply = api.get("/api/v1/tenants/beaumont-des-sources/procedures", null);

        assertEquals(200, reply.status());
        JsonNode certificate = find(reply.json().path("items"), "acte-etat-civil");
        assertEquals("SVA", certificate.path("regime").path("kind").asText());
        assertEquals(2, certificate.path("regime").path("period").asInt());
        JsonNode schema = certificate.path("form").path("schema");
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertTrue(schema.path("required").toString().contains("typeActe"));
        assertEquals("radio", certificate.path("form").path("ui").path("fields").path("typeActe").path("widget")
                .asText());
    }

    @Test
    void procedures_ofAnUnknownTenant_answer404Problem(Api api) {
        Api.Reply reply = api.get("/api/v1/tenants/nulle-part/procedures", null);

        assertEquals(404, reply.status());
        assertTrue(reply.header("content-type").startsWith("application/problem+json"));
        assertEquals(404, reply.json().path("status").asInt());
    }

    @Test
    void unknownApiRoute_answers404AsApiGatewayDoes(Api api) {
        Api.Reply reply = api.get("/api/v1/nothing-here", null);

        assertEquals(404, reply.status());
        assertEquals("Not Found", reply.json().path("message").asText());
    }

    static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " not in " + items);
    }
}
