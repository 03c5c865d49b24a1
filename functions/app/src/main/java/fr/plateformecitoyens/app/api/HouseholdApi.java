package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiFunction;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.household.Household;
import fr.plateformecitoyens.core.household.HouseholdMember;
import fr.plateformecitoyens.core.household.Households;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The signed-in citizen's household (« Mon foyer »): read it, replace it. */
public final class HouseholdApi {

    private static final int MAX_BODY = 32 * 1024;

    private final Services services;

    private HouseholdApi(Services services) {
        this.services = services;
    }

    public static ApiFunction function(Services services) {
        HouseholdApi api = new HouseholdApi(services);
        return new ApiFunction("householdApi", Map.of(
                "GET /api/v1/me/household", api::read,
                "PUT /api/v1/me/household", api::replace));
    }

    private ApiResponse read(ApiRequest request) {
        return ApiResponse.ok(view(households().of(request.subject())));
    }

    private ApiResponse replace(ApiRequest request) {
        JsonNode members = request.jsonBody(MAX_BODY).get("members");
        if (members == null || !members.isArray()) {
            throw new DomainException.InvalidInput("Envoyez la liste des personnes de votre foyer.",
                    List.of(new FieldError("members", "Envoyez une liste, vide si personne ne vit avec vous.")));
        }
        List<Households.MemberInput> inputs = new ArrayList<>();
        for (JsonNode m : members) {
            inputs.add(new Households.MemberInput(m.path("id").asText(null), m.path("givenNames").asText(null),
                    m.path("familyName").asText(null), m.path("birthDate").asText(null),
                    m.path("relationship").asText(null)));
        }
        return ApiResponse.ok(view(households().replace(request.subject(), inputs)));
    }

    private Households households() {
        return new Households(services.households(), services.clock());
    }

    static ObjectNode view(Household household) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("members");
        for (HouseholdMember m : household.members()) {
            ObjectNode member = (ObjectNode) Json.toTree(m.asAnswer());
            items.add(member.put("relationshipLabel", m.relationship().label()).put("child", m.isChild()));
        }
        body.put("version", household.version());
        return body;
    }
}
