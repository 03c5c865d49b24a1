package fr.plateformecitoyens.local.forms;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.dynamo.DynamoTenantDirectory;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.AgentMembership.AgentRole;
import fr.plateformecitoyens.local.LocalAws;
import fr.plateformecitoyens.local.testing.Api;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Démarche definitions to send, accounts of administrators, and the PUT the test client lacks. */
final class AdminFixtures {

    static final String COMMUNE = "beaumont-des-sources";
    static final String ADMIN_BASE = "/api/v1/tenants/" + COMMUNE + "/admin/procedures";

    private AdminFixtures() {
    }

    static String admin(Api api) {
        return api.token(api.account("admin", COMMUNE));
    }

    /** A new administrator of {@code tenantId} (and of it only). */
    static String newAdministrator(Api api, String tenantId) {
        String email = "admin-" + UUID.randomUUID() + "@example.org";
        String password = "Essai-" + UUID.randomUUID();
        String pool = api.cloud().stack().userPoolId();
        String sub;
        try (CognitoIdentityProviderClient cognito = LocalAws.cognito(api.cloud().emulators().endpoints())) {
            cognito.adminCreateUser(b -> b.userPoolId(pool).username(email).messageAction("SUPPRESS")
                    .temporaryPassword(password).userAttributes(
                            AttributeType.builder().name("email").value(email).build()));
            cognito.adminSetUserPassword(b -> b.userPoolId(pool).username(email).password(password).permanent(true));
            cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(email).groupName("admins"));
            sub = cognito.adminGetUser(b -> b.userPoolId(pool).username(email)).userAttributes().stream()
                    .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        }
        try (DynamoDbClient dynamo = LocalAws.dynamoDb(api.cloud().emulators().endpoints())) {
            dynamo.putItem(b -> b.tableName(api.cloud().stack().ref("MainTable")).item(DynamoTenantDirectory.item(
                    new AgentMembership(tenantId, sub, "Admin d'essai", AgentRole.ADMIN, List.of()))));
        }
        return api.signIn(email, password);
    }

    /** A small démarche: a choice, a text shown under one answer of it, a yes/no. */
    static ObjectNode definition(String id) {
        ObjectNode d = Json.object().put("id", id).put("title", "Demande de composteur " + id)
                .put("description", "Un composteur gratuit pour votre jardin.").put("serviceId", "accueil");
        d.putObject("regime").put("rule", "SVA").put("period", 30).put("unit", "days")
                .put("restartsOnCorrection", true).put("legalBasis", "Délibération du conseil municipal du 1er mars");
        ArrayNode fields = d.putArray("fields");
        ObjectNode size = fields.addObject().put("name", "taille").put("label", "Taille du composteur")
                .put("type", "single_choice").put("required", true);
        size.putArray("choices").add(Json.object().put("value", "petit").put("label", "300 litres"))
                .add(Json.object().put("value", "grand").put("label", "600 litres"));
        ObjectNode reason = fields.addObject().put("name", "motif").put("label", "Pourquoi un grand composteur ?")
                .put("type", "text").put("required", true);
        reason.putObject("visibleWhen").put("field", "taille").putArray("in").add("grand");
        fields.addObject().put("name", "jardin").put("label", "Avez-vous un jardin ?").put("type", "yes_no")
                .put("required", true);
        d.put("retentionMonths", 24).put("legalBasis", "Délibération du conseil municipal du 1er mars")
                .put("dpoContact", "dpo@beaumont-des-sources.example.fr");
        return d;
    }

    static Api.Reply put(Api api, String path, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder b = api.builder(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return api.send(b.build());
    }
}
