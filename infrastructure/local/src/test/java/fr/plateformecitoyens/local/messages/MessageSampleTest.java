package fr.plateformecitoyens.local.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.Api;
import fr.plateformecitoyens.local.testing.Citizens;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample event of the message function, through its Lambda entry point. */
@ExtendWith(LocalCloudExtension.class)
class MessageSampleTest {

    private static final String SAMPLE = "MessageApiFunction.citizen-thread.json";

    @Test
    void citizenThreadSample_forTheCitizensOwnRequest_answersTheThread(LocalCloud cloud, Api api) {
        String citizen = Citizens.newCitizen(api);
        String reference = MessageSteps.submitted(api, citizen);
        MessageSteps.post(api, MessageSteps.citizenPath(reference), citizen,
                MessageSteps.body("Bonjour", null, List.of()));
        ObjectNode event = Samples.event(SAMPLE);
        ((ObjectNode) event.path("pathParameters")).put("reference", reference);
        ((ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims"))
                .put("sub", MessageSteps.subjectOf(citizen));

        JsonNode out = Json.parse(cloud.function("MessageApiFunction").invoke(Json.writeBytes(event)));

        assertEquals(200, out.path("statusCode").asInt(), out.toString());
        assertEquals(List.of("Bonjour"), MessageSteps.texts(Json.parse(out.path("body").asText())));
    }

    @Test
    void citizenThreadSample_asIs_answers404_becauseTheRequestIsNotTheSubjects(LocalCloud cloud) {
        JsonNode out = Json.parse(cloud.function("MessageApiFunction").invoke(Json.writeBytes(Samples.event(SAMPLE))));

        assertEquals(404, out.path("statusCode").asInt(), out.toString());
    }
}
