package fr.plateformecitoyens.local.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.plateformecitoyens.adapters.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;

/**
 * Tokens the authorizer must refuse, made the way an attacker or a clock would make them: signed with
 * the Cognito emulator's own key but expired, or from another issuer with another key.
 */
public final class Tokens {

    private Tokens() {
    }

    /** Signed by the emulator's key (the one its JWKS publishes), with these issuer, audience and expiry. */
    public static String signedByEmulator(String issuer, String audience, Instant expiry) throws Exception {
        Path key = LocalCloudExtension.projectRoot()
                .resolve("infrastructure/local/node_modules/cognito-local/lib/keys/cognitoLocal.private.json");
        RSAKey rsa = RSAKey.parse(Json.parse(Files.readString(key)).path("jwk").toString());
        return sign(rsa, "CognitoLocal", issuer, audience, expiry);
    }

    /**
     * A citizen's ID token as the Cognito emulator would issue it (its own key, issuer and audience), for
     * tests that need many distinct citizens at once.
     */
    public static String citizen(String issuer, String audience, String sub) throws Exception {
        Path key = LocalCloudExtension.projectRoot()
                .resolve("infrastructure/local/node_modules/cognito-local/lib/keys/cognitoLocal.private.json");
        RSAKey rsa = RSAKey.parse(Json.parse(Files.readString(key)).path("jwk").toString());
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(sub)
                .claim("token_use", "id").claim("email", sub + "@example.org").claim("given_name", "Essai")
                .claim("family_name", sub).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("CognitoLocal")
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(rsa));
        return jwt.serialize();
    }

    /** Signed by a key of its own, claiming another issuer. */
    public static String fromAnotherIssuer(String audience) throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("other").generate();
        return sign(rsa, "other", "https://issuer.example.org/other", audience, Instant.now().plusSeconds(3600));
    }

    private static String sign(RSAKey rsa, String kid, String issuer, String audience, Instant expiry)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience)
                .subject("00000000-0000-4000-8000-00000000dead").claim("token_use", "id")
                .claim("email", "intrus@example.org").issueTime(Date.from(expiry.minusSeconds(3600)))
                .expirationTime(Date.from(expiry)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT)
                .build(), claims);
        jwt.sign(new RSASSASigner(rsa));
        return jwt.serialize();
    }

    /** The token with one character of its payload changed, so its signature no longer matches. */
    public static String tampered(String token) {
        String[] parts = token.split("\\.");
        char[] payload = parts[1].toCharArray();
        int i = payload.length / 2;
        payload[i] = payload[i] == 'A' ? 'B' : 'A';
        return parts[0] + "." + new String(payload) + "." + parts[2];
    }
}
