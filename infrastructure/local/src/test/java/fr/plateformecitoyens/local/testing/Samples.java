package fr.plateformecitoyens.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample events of events/, the same files `sam local invoke -e` takes. */
public final class Samples {

    private Samples() {
    }

    public static Path folder() {
        return LocalCloudExtension.projectRoot().resolve("events");
    }

    public static ObjectNode event(String fileName) {
        try {
            return (ObjectNode) Json.parse(Files.readString(folder().resolve(fileName)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answers of the sample civil-status certificate request (a complete, valid form). */
    public static ObjectNode civilStatusAnswers() {
        JsonNode body = Json.parse(event("CitizenApiFunction.submit-civil-status-certificate.json").path("body")
                .asText());
        return (ObjectNode) body.path("data");
    }

    /** A submission body for the sample démarche with these answers. */
    public static String submission(JsonNode answers) {
        return Json.write(Json.object().put("procedureId", "acte-etat-civil").set("data", answers));
    }
}
