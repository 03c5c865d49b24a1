package fr.plateformecitoyens.app.open311;

import static fr.plateformecitoyens.app.open311.Open311Format.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Open311FormatTest {

    @Test
    void anErrorList_isTheSpecsArrayInJson_andErrorsElementInXml() {
        ApiResponse json = Open311Format.JSON.error(403, "Invalid api_key");
        ApiResponse xml = Open311Format.XML.error(403, "Invalid api_key");

        assertEquals(403, json.status());
        assertEquals("[{\"code\":403,\"description\":\"Invalid api_key\"}]", text(json));
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>403</code>"
                + "<description>Invalid api_key</description></error></errors>", text(xml));
        assertTrue(xml.headers().get("content-type").startsWith("text/xml"));
    }

    @Test
    void xml_escapesText_writesNullsAsEmptyElements_andNamesListItemsInTheSingular() {
        ApiResponse xml = Open311Format.XML.single(200, "service_definition", record("service_code", "a<b&c",
                "attributes", List.of(record("code", "x")), "zipcode", null));

        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_definition><service_code>a&lt;b&amp;c"
                + "</service_code><attributes><attribute><code>x</code></attribute></attributes><zipcode/>"
                + "</service_definition>", text(xml));
    }

    @Test
    void json_keepsNumbersBooleansAndNulls() {
        ApiResponse json = Open311Format.JSON.list(200, "services", "service", List.of(record("lat", 47.39,
                "metadata", false, "zipcode", null)));

        var node = Json.parse(json.body()).path(0);
        assertEquals(47.39, node.path("lat").asDouble());
        assertTrue(node.path("metadata").isBoolean());
        assertTrue(node.path("zipcode").isNull());
    }

    @Test
    void aFormBody_isDecoded_andTheFormatComesFromTheSuffix() {
        Map<String, String> form = Open311Format.form("api_key=a.b&description=Lampadaire+%C3%A9teint&lat=47.3"
                .getBytes(StandardCharsets.UTF_8));

        assertEquals("Lampadaire éteint", form.get("description"));
        assertEquals(Open311Format.XML, Open311Format.of("voirie.xml"));
        assertEquals("voirie", Open311Format.strip("voirie.json"));
        assertNull(Open311Format.of("voirie.csv"));
    }

    private static String text(ApiResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
