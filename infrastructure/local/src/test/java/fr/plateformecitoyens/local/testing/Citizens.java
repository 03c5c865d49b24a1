package fr.plateformecitoyens.local.testing;

import fr.plateformecitoyens.local.LocalAws;
import java.util.UUID;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/** Fresh citizen accounts, so that tests do not see each other's requests. */
public final class Citizens {

    private Citizens() {
    }

    /** Creates a confirmed citizen in the Cognito emulator and returns its ID token. */
    public static String newCitizen(Api api) {
        String email = "citoyen-" + UUID.randomUUID() + "@example.org";
        String password = "Essai-" + UUID.randomUUID();
        String pool = api.cloud().stack().userPoolId();
        try (CognitoIdentityProviderClient cognito = LocalAws.cognito(api.cloud().emulators().endpoints())) {
            cognito.adminCreateUser(b -> b.userPoolId(pool).username(email).messageAction("SUPPRESS")
                    .temporaryPassword(password).userAttributes(
                            AttributeType.builder().name("email").value(email).build(),
                            AttributeType.builder().name("given_name").value("Alex").build(),
                            AttributeType.builder().name("family_name").value("Essai").build()));
            cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(email).password(password).permanent(true));
        }
        return api.signIn(email, password);
    }
}
