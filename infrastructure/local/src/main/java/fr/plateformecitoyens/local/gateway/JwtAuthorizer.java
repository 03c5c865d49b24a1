package fr.plateformecitoyens.local.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Emulates API Gateway's JWT authorizer: the bearer token must be signed by a key of the issuer's JWKS,
 * come from that issuer, be meant for one of the audiences (the {@code aud} claim, or {@code client_id}
 * for access tokens) and not be expired. The claims then reach the function as strings, arrays written
 * the way API Gateway writes them ({@code [agents admins]}).
 */
public final class JwtAuthorizer {

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final String issuer;
    private final Set<String> audiences;
    private final java.util.function.UnaryOperator<Map<String, String>> completion;

    public JwtAuthorizer(String issuer, Collection<String> audiences) {
        this(issuer, audiences, claims -> claims);
    }

    /**
     * @param completion adds to valid claims what the identity provider's real tokens carry but its
     *                   emulator leaves out
     */
    public JwtAuthorizer(String issuer, Collection<String> audiences,
            java.util.function.UnaryOperator<Map<String, String>> completion) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.completion = completion;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(URI.create(issuer + "/.well-known/jwks.json").toURL())
                    .retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad issuer URL " + issuer, e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iss", "sub")));
    }

    /** The claims of a valid token, or empty when the request must get a 401. */
    public Optional<Map<String, String>> authorize(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Optional.empty();
        }
        String token = authorizationHeader.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).strip();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (!issuer.equals(claims.getIssuer()) || !meantForUs(claims)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> values.put(name, render(value)));
        return Optional.of(completion.apply(values));
    }

    private boolean meantForUs(JWTClaimsSet claims) {
        List<String> aud = claims.getAudience();
        Object clientId = claims.getClaim("client_id");
        return aud.stream().anyMatch(audiences::contains) || (clientId != null
                && audiences.contains(clientId.toString()));
    }

    private static String render(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof Date date) {
            return Long.toString(date.getTime() / 1000);
        }
        return String.valueOf(value);
    }
}
