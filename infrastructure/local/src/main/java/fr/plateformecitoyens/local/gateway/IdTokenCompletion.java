package fr.plateformecitoyens.local.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * Cognito's ID tokens carry the user's readable standard attributes (given_name, family_name…); the
 * Cognito emulator's carry only the e-mail. This puts the names back, read from the emulator's user pool,
 * so that functions see locally the claims they get on AWS. Tokens not made by the pool (no
 * {@code cognito:username}) are left as they are.
 */
public final class IdTokenCompletion implements UnaryOperator<Map<String, String>> {

    private static final String[] NAMES = {"given_name", "family_name"};

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private final Map<String, Map<String, String>> known = new ConcurrentHashMap<>();

    public IdTokenCompletion(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public Map<String, String> apply(Map<String, String> claims) {
        String username = claims.get("cognito:username");
        if (username == null || !"id".equals(claims.get("token_use")) || claims.containsKey(NAMES[0])) {
            return claims;
        }
        Map<String, String> names = known.computeIfAbsent(username, this::lookUp);
        Map<String, String> completed = new LinkedHashMap<>(claims);
        names.forEach(completed::putIfAbsent);
        return completed;
    }

    private Map<String, String> lookUp(String username) {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            for (AttributeType a : cognito.adminGetUser(b -> b.userPoolId(userPoolId).username(username))
                    .userAttributes()) {
                for (String name : NAMES) {
                    if (name.equals(a.name())) {
                        names.put(name, a.value());
                    }
                }
            }
        } catch (CognitoIdentityProviderException e) {
            return Map.of();
        }
        return names;
    }
}
