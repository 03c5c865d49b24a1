package fr.plateformecitoyens.benchmark.bookings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * Citizens' ID tokens as the Cognito emulator issues them: signed with its own key (the one its JWKS publishes),
 * with its issuer and the app client as audience. Many distinct citizens, without signing each one up.
 */
final class CitizenTokens {

    private final RSAKey key;
    private final String issuer;
    private final String audience;

    CitizenTokens(Path projectRoot, String issuer, String audience) throws IOException {
        Path file = projectRoot.resolve("infrastructure/local/node_modules/cognito-local/lib/keys/"
                + "cognitoLocal.private.json");
        try {
            this.key = RSAKey.parse(new ObjectMapper().readTree(Files.readString(file)).path("jwk").toString());
        } catch (ParseException e) {
            throw new IOException("not a JWK: " + file, e);
        }
        this.issuer = issuer;
        this.audience = audience;
    }

    /** An ID token for the citizen {@code sub}, valid for two hours. */
    String citizen(String sub) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(sub)
                .claim("token_use", "id").claim("email", sub + "@example.org").claim("given_name", "Essai")
                .claim("family_name", sub).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(7200)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("CognitoLocal")
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
