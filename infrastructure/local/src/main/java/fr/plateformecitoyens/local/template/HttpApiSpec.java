package fr.plateformecitoyens.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::HttpApi} of the template, resolved: its stage, its JWT authorizers and its CORS
 * rules, for the local gateway to apply.
 *
 * @param logicalId         the API's logical id
 * @param stageName         its {@code StageName}, or {@code null}
 * @param defaultAuthorizer the name of its {@code DefaultAuthorizer}, or {@code null} when routes are open
 * @param authorizers       its JWT authorizers by name
 * @param cors              its CORS rules, or {@code null} when it sets none
 */
public record HttpApiSpec(String logicalId, String stageName, String defaultAuthorizer,
        Map<String, JwtAuthorizer> authorizers, Cors cors) {

    /** Copies the map so that the record stays immutable. */
    public HttpApiSpec {
        authorizers = Map.copyOf(authorizers);
    }

    /** The default authorizer, or {@code null} when there is none. */
    public JwtAuthorizer defaultJwtAuthorizer() {
        return defaultAuthorizer == null ? null : authorizers.get(defaultAuthorizer);
    }

    /**
     * A JWT authorizer, resolved.
     *
     * @param name           its name under {@code Authorizers}
     * @param identitySource where the token is, such as {@code $request.header.Authorization}
     * @param issuer         the issuer written in the template (with the local pool id; the local Cognito's own
     *                       issuer is {@link Stack#issuer()})
     * @param audience       the accepted audiences (the local user pool client ids)
     */
    public record JwtAuthorizer(String name, String identitySource, String issuer, List<String> audience) {

        /** Copies the list so that the record stays immutable. */
        public JwtAuthorizer {
            audience = List.copyOf(audience);
        }
    }

    /**
     * CORS rules of the API, resolved.
     *
     * @param allowOrigins     allowed origins ({@code *} for any)
     * @param allowMethods     allowed methods
     * @param allowHeaders     allowed request headers
     * @param exposeHeaders    response headers the browser may read
     * @param maxAgeSeconds    how long a preflight answer may be cached, or {@code null}
     * @param allowCredentials whether credentials are allowed
     */
    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
            List<String> exposeHeaders, Integer maxAgeSeconds, boolean allowCredentials) {

        /** Copies the lists so that the record stays immutable. */
        public Cors {
            allowOrigins = List.copyOf(allowOrigins);
            allowMethods = List.copyOf(allowMethods);
            allowHeaders = List.copyOf(allowHeaders);
            exposeHeaders = List.copyOf(exposeHeaders);
        }
    }
}
