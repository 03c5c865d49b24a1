package fr.plateformecitoyens.local.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.cognitoidentityprovider.model.AccountRecoverySettingType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NumberAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RecoveryOptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.StringAttributeConstraintsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TokenValidityUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * Creates Cognito user pools, their clients and their groups on cognito-local. The calls are made one at a
 * time: cognito-local keeps each pool in one file, and concurrent writes to it could lose a group.
 *
 * <p>Custom attributes are declared by their bare name, as in CloudFormation; cognito-local prefixes them with
 * {@code custom:} as Cognito does. It does not enforce the password policy, which is still recorded.
 */
final class CognitoProvisioning {

    private static final Logger LOG = LoggerFactory.getLogger(CognitoProvisioning.class);
    private static final Object LOCK = new Object();
    private static final Map<String, String> SKIP_REASONS = Map.of(
            "EmailConfiguration", "cognito-local logs its codes instead of sending mail",
            "VerificationMessageTemplate", "cognito-local logs its codes instead of sending mail",
            "RoleArn", "no IAM locally");

    private CognitoProvisioning() {
    }

    /** Creates the pool; gives its id ({@code Ref}), Arn, ProviderName, ProviderURL (the local issuer), UserPoolId. */
    static ProvisionedResource createUserPool(ProvisioningClients clients, ResourceProperties properties) {
        CreateUserPoolRequest.Builder request = CreateUserPoolRequest.builder()
                .poolName(properties.string("UserPoolName", properties.generatedName(false)))
                .mfaConfiguration(properties.string("MfaConfiguration"));
        if (properties.has("UsernameAttributes")) {
            request.usernameAttributesWithStrings(properties.strings("UsernameAttributes"));
        }
        if (properties.has("AliasAttributes")) {
            request.aliasAttributesWithStrings(properties.strings("AliasAttributes"));
        }
        if (properties.has("AutoVerifiedAttributes")) {
            request.autoVerifiedAttributesWithStrings(properties.strings("AutoVerifiedAttributes"));
        }
        Object passwordPolicy = properties.map("Policies").get("PasswordPolicy");
        if (passwordPolicy != null) {
            request.policies(UserPoolPolicyType.builder().passwordPolicy(
                    passwordPolicy(Template.asMap(passwordPolicy, properties.logicalId() + ".Policies"))).build());
        }
        if (properties.has("Schema")) {
            request.schema(properties.maps("Schema").stream().map(CognitoProvisioning::schemaAttribute).toList());
        }
        List<Map<String, Object>> recovery = ResourceProperties.maps(
                properties.map("AccountRecoverySetting").get("RecoveryMechanisms"), properties.logicalId());
        if (!recovery.isEmpty()) {
            request.accountRecoverySetting(AccountRecoverySettingType.builder().recoveryMechanisms(recovery.stream()
                    .map(m -> RecoveryOptionType.builder().name(ResourceProperties.string(m, "Name"))
                            .priority(ResourceProperties.integer(m, "Priority", properties.logicalId())).build())
                    .toList()).build());
        }
        properties.logSkipped(LOG, SKIP_REASONS);
        UserPoolType pool;
        synchronized (LOCK) {
            pool = clients.cognito().createUserPool(request.build()).userPool();
        }
        String endpoint = clients.endpoints().cognito().toString().replaceAll("/+$", "");
        return new ProvisionedResource(properties.logicalId(), properties.type(), pool.id(), Map.of(
                "Arn", pool.arn(),
                "ProviderName", clients.endpoints().cognito().getAuthority() + "/" + pool.id(),
                "ProviderURL", endpoint + "/" + pool.id(),
                "UserPoolId", pool.id()));
    }

    /** Creates the client; gives its id ({@code Ref}), ClientId, Name and, if generated, ClientSecret. */
    static ProvisionedResource createUserPoolClient(ProvisioningClients clients, ResourceProperties properties) {
        CreateUserPoolClientRequest.Builder request = CreateUserPoolClientRequest.builder()
                .userPoolId(properties.string("UserPoolId"))
                .clientName(properties.string("ClientName", properties.generatedName(false)))
                .generateSecret(Boolean.TRUE.equals(properties.bool("GenerateSecret")))
                .preventUserExistenceErrors(properties.string("PreventUserExistenceErrors"))
                .idTokenValidity(properties.integer("IdTokenValidity"))
                .accessTokenValidity(properties.integer("AccessTokenValidity"))
                .refreshTokenValidity(properties.integer("RefreshTokenValidity"))
                .allowedOAuthFlowsUserPoolClient(properties.bool("AllowedOAuthFlowsUserPoolClient"))
                .enableTokenRevocation(properties.bool("EnableTokenRevocation"));
        if (properties.has("ExplicitAuthFlows")) {
            request.explicitAuthFlowsWithStrings(properties.strings("ExplicitAuthFlows"));
        }
        if (properties.has("ReadAttributes")) {
            request.readAttributes(properties.strings("ReadAttributes"));
        }
        if (properties.has("WriteAttributes")) {
            request.writeAttributes(properties.strings("WriteAttributes"));
        }
        if (properties.has("AllowedOAuthFlows")) {
            request.allowedOAuthFlowsWithStrings(properties.strings("AllowedOAuthFlows"));
        }
        if (properties.has("AllowedOAuthScopes")) {
            request.allowedOAuthScopes(properties.strings("AllowedOAuthScopes"));
        }
        if (properties.has("CallbackURLs")) {
            request.callbackURLs(properties.strings("CallbackURLs"));
        }
        if (properties.has("LogoutURLs")) {
            request.logoutURLs(properties.strings("LogoutURLs"));
        }
        if (properties.has("SupportedIdentityProviders")) {
            request.supportedIdentityProviders(properties.strings("SupportedIdentityProviders"));
        }
        Map<String, Object> units = properties.map("TokenValidityUnits");
        if (!units.isEmpty()) {
            request.tokenValidityUnits(TokenValidityUnitsType.builder()
                    .idToken(ResourceProperties.string(units, "IdToken"))
                    .accessToken(ResourceProperties.string(units, "AccessToken"))
                    .refreshToken(ResourceProperties.string(units, "RefreshToken")).build());
        }
        properties.logSkipped(LOG, SKIP_REASONS);
        UserPoolClientType client;
        synchronized (LOCK) {
            client = clients.cognito().createUserPoolClient(request.build()).userPoolClient();
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("ClientId", client.clientId());
        attributes.put("Name", client.clientName());
        if (client.clientSecret() != null) {
            attributes.put("ClientSecret", client.clientSecret());
        }
        return new ProvisionedResource(properties.logicalId(), properties.type(), client.clientId(), attributes);
    }

    /** Creates the group; gives its name ({@code Ref}). */
    static ProvisionedResource createGroup(ProvisioningClients clients, ResourceProperties properties) {
        String name = properties.string("GroupName", properties.generatedName(false));
        String poolId = properties.string("UserPoolId");
        String description = properties.string("Description");
        Integer precedence = properties.integer("Precedence");
        properties.logSkipped(LOG, SKIP_REASONS);
        synchronized (LOCK) {
            clients.cognito().createGroup(r -> r.groupName(name).userPoolId(poolId).description(description)
                    .precedence(precedence));
        }
        return new ProvisionedResource(properties.logicalId(), properties.type(), name, Map.of());
    }

    private static PasswordPolicyType passwordPolicy(Map<String, Object> policy) {
        return PasswordPolicyType.builder()
                .minimumLength(ResourceProperties.integer(policy, "MinimumLength", "PasswordPolicy"))
                .requireLowercase(bool(policy, "RequireLowercase"))
                .requireUppercase(bool(policy, "RequireUppercase"))
                .requireNumbers(bool(policy, "RequireNumbers"))
                .requireSymbols(bool(policy, "RequireSymbols"))
                .temporaryPasswordValidityDays(
                        ResourceProperties.integer(policy, "TemporaryPasswordValidityDays", "PasswordPolicy"))
                .build();
    }

    private static SchemaAttributeType schemaAttribute(Map<String, Object> attribute) {
        String name = ResourceProperties.string(attribute, "Name");
        SchemaAttributeType.Builder builder = SchemaAttributeType.builder().name(name)
                .attributeDataType(ResourceProperties.string(attribute, "AttributeDataType"))
                .required(bool(attribute, "Required")).mutable(bool(attribute, "Mutable"))
                .developerOnlyAttribute(bool(attribute, "DeveloperOnlyAttribute"));
        if (attribute.get("StringAttributeConstraints") instanceof Map<?, ?> constraints) {
            builder.stringAttributeConstraints(StringAttributeConstraintsType.builder()
                    .minLength(stringOf(constraints.get("MinLength"))).maxLength(stringOf(constraints.get("MaxLength")))
                    .build());
        }
        if (attribute.get("NumberAttributeConstraints") instanceof Map<?, ?> constraints) {
            builder.numberAttributeConstraints(NumberAttributeConstraintsType.builder()
                    .minValue(stringOf(constraints.get("MinValue"))).maxValue(stringOf(constraints.get("MaxValue")))
                    .build());
        }
        return builder.build();
    }

    private static Boolean bool(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : Boolean.valueOf(String.valueOf(value));
    }

    private static String stringOf(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
