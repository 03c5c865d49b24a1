package fr.plateformecitoyens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import fr.plateformecitoyens.adapters.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

class FunctionInvokerTest {

    @Test
    void healthEvent_throughLambdaEntryPoint_answersOkAsApiGatewayResponse() throws Exception {
        System.setProperty("MAIN_CLASS", PlatformFunctions.class.getName());
        FunctionInvoker invoker = new FunctionInvoker("publicApi");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (InputStream in = Files.newInputStream(Path.of("../../events/PublicApiFunction.health.json"))) {
            invoker.handleRequest(in, out, null);
        }

        JsonNode response = Json.parse(out.toByteArray());
        assertEquals(200, response.path("statusCode").asInt(), response.toString());
        assertEquals("{\"status\":\"ok\"}", response.path("body").asText());
        assertEquals("sample-health-0001", response.path("headers").path("x-correlation-id").asText());
    }
}
