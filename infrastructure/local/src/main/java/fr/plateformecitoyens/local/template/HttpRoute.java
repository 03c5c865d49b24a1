package fr.plateformecitoyens.local.template;

/**
 * A route of the HTTP API that invokes the function ({@code Type: HttpApi}).
 *
 * @param eventName  the event's name
 * @param method     the HTTP method in capitals, or {@code ANY}
 * @param path       the route's path with its {@code {parameters}}, such as {@code /api/v1/me/requests/{reference}}
 * @param authorized whether the caller must bring a token: the API has a default authorizer and the event does
 *                   not opt out with {@code Auth.Authorizer: NONE} (or the event names an authorizer itself)
 */
public record HttpRoute(String eventName, String method, String path, boolean authorized) implements FunctionEvent {
}
