package fr.plateformecitoyens.local.report;

import static fr.plateformecitoyens.local.report.Reporting.LAT;
import static fr.plateformecitoyens.local.report.Reporting.LON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** GeoReport v2 as its specification shows it, in JSON and in XML. */
@ExtendWith(LocalCloudExtension.class)
class Open311Test {

    private static final String V2 = "/open311/v2/";
    private static final String JURISDICTION = "jurisdiction_id=beaumont-des-sources";

    @Test
    void services_listTheTenantsCategories_inJsonAndXml(Api api) throws Exception {
        Api.Reply json = api.get(V2 + "services.json?" + JURISDICTION, null);
        Api.Reply xml = api.get(V2 + "services.xml?" + JURISDICTION, null);

        assertEquals(200, json.status());
        JsonNode first = json.json().path(0);
        for (String field : List.of("service_code", "service_name", "description", "metadata", "type", "keywords",
                "group")) {
            assertTrue(first.has(field), field);
        }
        assertTrue(json.json().findValuesAsText("service_code").contains("eclairage-public"));
        assertEquals("realtime", first.path("type").asText());
        assertTrue(xml.header("content-type").startsWith("text/xml"));
        Document doc = parse(xml.raw().body());
        assertEquals("services", doc.getDocumentElement().getTagName());
        assertEquals(json.json().size(), doc.getElementsByTagName("service").getLength());
        assertTrue(xml.raw().body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\""));
    }

    @Test
    void aServiceDefinition_isFound_andAnUnknownServiceCode_isTheSpecsError(Api api) throws Exception {
        JsonNode definition = api.get(V2 + "services/voirie.json?" + JURISDICTION, null).json();
        Api.Reply unknown = api.get(V2 + "services/volcan.xml?" + JURISDICTION, null);

        assertEquals("voirie", definition.path("service_code").asText());
        assertTrue(definition.path("attributes").isArray());
        assertEquals(404, unknown.status());
        Element error = (Element) parse(unknown.raw().body()).getElementsByTagName("error").item(0);
        assertEquals("404", error.getElementsByTagName("code").item(0).getTextContent());
        assertFalse(error.getElementsByTagName("description").item(0).getTextContent().isBlank());
    }

    @Test
    void postingWithAWrongApiKey_isRefused_withTheSpecsErrorList(Api api) throws Exception {
        Api.Reply json = Reporting.form(api, V2 + "requests.json", JURISDICTION
                + "&api_key=abc.def&service_code=voirie&lat=" + LAT + "&long=" + LON + "&description=Trou");
        Api.Reply xml = Reporting.form(api, V2 + "requests.xml", JURISDICTION
                + "&service_code=voirie&lat=" + LAT + "&long=" + LON);

        assertEquals(403, json.status());
        assertEquals(403, json.json().path(0).path("code").asInt());
        assertTrue(json.json().path(0).path("description").isTextual());
        assertEquals(403, xml.status());
        assertEquals("errors", parse(xml.raw().body()).getDocumentElement().getTagName());
    }

    @Test
    void postingWithoutLocation_orWithAnUnknownServiceCode_answers400(Api api, LocalCloud cloud) {
        String key = "&api_key=" + cloud.description().path("open311ApiKey").asText();

        Api.Reply nowhere = Reporting.form(api, V2 + "requests.json", JURISDICTION + key
                + "&service_code=voirie&address_string=" + encode("2 rue de l'École") + "&description=Trou");
        Api.Reply unknown = Reporting.form(api, V2 + "requests.json", JURISDICTION + key
                + "&service_code=volcan&lat=" + LAT + "&long=" + LON + "&description=Lave");

        assertEquals(400, nowhere.status());
        assertEquals(400, nowhere.json().path(0).path("code").asInt());
        assertEquals(400, unknown.status());
    }

    @Test
    void aPostedRequest_isAReport_foundByIdByTokenAndByFilters(Api api, LocalCloud cloud) throws Exception {
        String key = cloud.description().path("open311ApiKey").asText();
        String before = encode(OffsetDateTime.now().minusMinutes(1).toString());

        Api.Reply posted = Reporting.form(api, V2 + "requests.xml", JURISDICTION + "&api_key=" + encode(key)
                + "&service_code=eclairage-public&lat=" + LAT + "&long=" + LON + "&address_string="
                + encode("Place de la Mairie") + "&email=" + encode("open311@example.org")
                + "&first_name=Lou&last_name=Essai&description=" + encode("Lampadaire éteint depuis lundi."));

        assertEquals(201, posted.status(), posted.raw().body());
        Document doc = parse(posted.raw().body());
        assertEquals("service_requests", doc.getDocumentElement().getTagName());
        String id = doc.getElementsByTagName("service_request_id").item(0).getTextContent();
        JsonNode one = api.get(V2 + "requests/" + id + ".json?" + JURISDICTION, null).json().path(0);
        assertEquals("open", one.path("status").asText());
        assertEquals("eclairage-public", one.path("service_code").asText());
        assertEquals("Lampadaire éteint depuis lundi.", one.path("description").asText());
        assertEquals("Services techniques", one.path("agency_responsible").asText());
        assertTrue(one.path("requested_datetime").asText()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"),
                one.path("requested_datetime").asText());
        assertEquals(LAT, one.path("lat").asDouble(), 1e-9);
        assertTrue(one.has("media_url"));
        List<String> open = api.get(V2 + "requests.json?" + JURISDICTION + "&service_code=eclairage-public"
                + "&status=open&start_date=" + before, null).json().findValuesAsText("service_request_id");
        List<String> closed = api.get(V2 + "requests.json?" + JURISDICTION + "&status=closed&start_date=" + before,
                null).json().findValuesAsText("service_request_id");
        List<String> otherService = api.get(V2 + "requests.json?" + JURISDICTION + "&service_code=voirie&start_date="
                + before, null).json().findValuesAsText("service_request_id");
        List<String> beforeThat = api.get(V2 + "requests.json?" + JURISDICTION + "&end_date=" + before, null).json()
                .findValuesAsText("service_request_id");
        assertTrue(open.contains(id));
        assertFalse(closed.contains(id));
        assertFalse(otherService.contains(id));
        assertFalse(beforeThat.contains(id));
        Document xml = parse(api.get(V2 + "requests.xml?" + JURISDICTION + "&service_request_id=" + id, null).raw()
                .body());
        assertEquals(1, xml.getElementsByTagName("request").getLength());
        JsonNode token = api.get(V2 + "tokens/" + id + ".json?" + JURISDICTION, null).json().path(0);
        assertEquals(id, token.path("service_request_id").asText());
        assertEquals(404, api.get(V2 + "requests/" + id + ".json?jurisdiction_id=cc-val-des-sources", null).status(),
                "another jurisdiction does not see it");
    }

    @Test
    void theAdministratorIssuesAKey_thatPostsUntilRevoked_andAnAgentMayNotManageKeys(Api api) {
        String admin = api.token(api.account("admin", "beaumont-des-sources"));
        String agent = Reporting.roadsAgent(api);
        String keys = Reporting.COMMUNE + "/open311-keys";

        Api.Reply created = api.post(keys, admin, "{\"name\":\"Appli mobile\"}");
        String key = created.json().path("apiKey").asText();
        String body = JURISDICTION + "&api_key=" + encode(key) + "&service_code=proprete&lat=" + LAT + "&long=" + LON
                + "&description=" + encode("Tags sur l'abribus.");
        Api.Reply posted = Reporting.form(api, V2 + "requests.json", body);
        Api.Reply revoked = api.send(api.builder(keys + "/" + created.json().path("keyId").asText(), admin).DELETE()
                .build());
        Api.Reply refused = Reporting.form(api, V2 + "requests.json", body);

        assertEquals(201, created.status(), created.raw().body());
        assertTrue(api.get(keys, admin).json().path("items").findValuesAsText("keyId")
                .contains(created.json().path("keyId").asText()));
        assertFalse(api.get(keys, admin).raw().body().contains(key.substring(key.indexOf('.') + 1)),
                "the secret is shown once");
        assertEquals(201, posted.status(), posted.raw().body());
        assertEquals(204, revoked.status());
        assertEquals(403, refused.status());
        assertEquals(403, api.get(keys, agent).status());
        assertEquals(403, api.post(keys, agent, "{\"name\":\"x\"}").status());
    }

    @Test
    void aMissingJurisdiction_isA400(Api api) {
        Api.Reply reply = api.get(V2 + "services.json", null);

        assertEquals(400, reply.status());
        assertEquals(400, reply.json().path(0).path("code").asInt());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
