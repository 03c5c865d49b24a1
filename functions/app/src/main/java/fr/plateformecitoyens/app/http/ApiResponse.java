package fr.plateformecitoyens.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response in the shape API Gateway expects back from a Lambda function (payload format 2.0). */
public record ApiResponse(int status, Map<String, String> headers, byte[] body, boolean binary) {

    public static ApiResponse json(int status, JsonNode body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json; charset=utf-8");
        headers.put("cache-control", "no-store");
        return new ApiResponse(status, headers, Json.writeBytes(body), false);
    }

    public static ApiResponse ok(JsonNode body) {
        return json(200, body);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body, binary);
    }

    /** The Lambda output document. */
    public byte[] toLambdaOutput() {
        ObjectNode out = Json.object();
        out.put("statusCode", status);
        ObjectNode h = out.putObject("headers");
        headers.forEach(h::put);
        out.put("body", binary ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        out.put("isBase64Encoded", binary);
        return Json.writeBytes(out);
    }
}
