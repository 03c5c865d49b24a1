package fr.plateformecitoyens.app.http;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.log.Log;
import fr.plateformecitoyens.core.error.DomainException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;

/**
 * The doorway of an HTTP function: turns the API Gateway event into an {@link ApiRequest}, hands it to
 * the route that API Gateway matched ({@code routeKey}), and turns the result or the failure into the
 * Lambda output. Raw bytes in and out, so that no framework conversion stands between the two.
 */
public final class ApiFunction implements Function<InputStream, byte[]> {

    /** One route's logic. */
    @FunctionalInterface
    public interface Route {
        ApiResponse handle(ApiRequest request);
    }

    private final String name;
    private final Map<String, Route> routes;

    /**
     * @param routes by route key, exactly as template.yaml declares them (e.g. {@code GET /api/v1/tenants})
     */
    public ApiFunction(String name, Map<String, Route> routes) {
        this.name = name;
        this.routes = Map.copyOf(routes);
    }

    public java.util.Set<String> routeKeys() {
        return routes.keySet();
    }

    @Override
    public byte[] apply(InputStream input) {
        ApiRequest request;
        try {
            request = ApiRequest.from(Json.parse(input.readAllBytes()));
        } catch (IOException | Json.MalformedJson e) {
            throw new IllegalArgumentException("the event is not an API Gateway JSON event", e);
        }
        Log.begin(name, request.requestId());
        long start = System.nanoTime();
        ApiResponse response = dispatch(request);
        Log.info("request handled", "route", request.routeKey(), "status", response.status(),
                "micros", (System.nanoTime() - start) / 1000);
        Log.end();
        return response.withHeader("x-correlation-id", request.requestId()).toLambdaOutput();
    }

    private ApiResponse dispatch(ApiRequest request) {
        String instance = request.rawPath();
        Route route = routes.get(request.routeKey());
        if (route == null) {
            return Problems.notFound(instance);
        }
        try {
            return route.handle(request);
        } catch (DomainException e) {
            return Problems.of(e, instance);
        } catch (Json.MalformedJson e) {
            return Problems.malformedJson(instance);
        } catch (ApiRequest.UnsupportedMediaType e) {
            return Problems.unsupportedMediaType(instance);
        } catch (ApiRequest.PayloadTooLarge e) {
            return Problems.payloadTooLarge(e.limit(), instance);
        } catch (RuntimeException e) {
            Log.error("unexpected failure", e, "route", request.routeKey());
            return Problems.internal(instance);
        }
    }
}
