package fr.plateformecitoyens.local.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Tokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
class AuthorizerTest {

    private static final String PROTECTED = "/api/v1/me/requests";

    @Test
    void protectedRoute_withoutToken_answers401(Api api) {
        assertUnauthorized(api.get(PROTECTED, null));
    }

    @Test
    void protectedRoute_withTamperedToken_answers401(Api api) {
        String token = api.token(api.account("citizen", "beaumont-des-sources"));

        assertUnauthorized(api.get(PROTECTED, Tokens.tampered(token)));
    }

    @Test
    void protectedRoute_withExpiredToken_answers401(Api api) throws Exception {
        String expired = Tokens.signedByEmulator(api.cloud().stack().issuer(), api.cloud().stack().userPoolClientId(),
                Instant.now().minusSeconds(120));

        assertUnauthorized(api.get(PROTECTED, expired));
    }

    @Test
    void protectedRoute_withTokenOfAnotherIssuer_answers401(Api api) throws Exception {
        assertUnauthorized(api.get(PROTECTED, Tokens.fromAnotherIssuer(api.cloud().stack().userPoolClientId())));
    }

    @Test
    void protectedRoute_withTokenForAnotherAudience_answers401(Api api) throws Exception {
        String foreign = Tokens.signedByEmulator(api.cloud().stack().issuer(), "another-client",
                Instant.now().plusSeconds(600));

        assertUnauthorized(api.get(PROTECTED, foreign));
    }

    @Test
    void protectedRoute_withValidToken_passes(Api api) throws Exception {
        String valid = Tokens.signedByEmulator(api.cloud().stack().issuer(), api.cloud().stack().userPoolClientId(),
                Instant.now().plusSeconds(600));

        assertEquals(200, api.get(PROTECTED, valid).status());
    }

    private static void assertUnauthorized(Api.Reply reply) {
        assertEquals(401, reply.status());
        assertEquals("Unauthorized", reply.json().path("message").asText());
    }
}
