package fr.plateformecitoyens.local.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates template.yaml against AWS SAM's JSON schema (draft-04), so that a misspelt property of a function,
 * an HTTP API or the Globals fails the build rather than {@code sam deploy}.
 */
class TemplateSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(ProjectFiles.samSchema())) {
            // SAM's schema carries documentation keywords of its own; declare them so that none is reported.
            JsonMetaSchema draft4 = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                    .keyword(new NonValidationKeyword("__samPassThrough"))
                    .keyword(new NonValidationKeyword("markdownDescription")).build();
            schema = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
                    .metaSchema(draft4).build().getSchema(in);
        }
    }

    @Test
    void templateYaml_conformsToTheSamSchema() {
        Template template = ProjectFiles.template();

        Set<ValidationMessage> errors = validate(template.toJson());

        assertTrue(errors.isEmpty(), () -> "template.yaml breaks the SAM schema:\n" + describe(errors));
    }

    @Test
    void misspeltFunctionProperty_failsValidation_namingTheProperty() {
        Map<String, Object> copy = ProjectFiles.template().toJson();
        properties(copy, "PublicApiFunction").put("Runtim", "java21");

        Set<ValidationMessage> errors = validate(copy);

        assertFalse(errors.isEmpty(), "a function property 'Runtim' should break the SAM schema");
        assertTrue(describe(errors).contains("Runtim"), () -> "errors should name 'Runtim':\n" + describe(errors));
    }

    @Test
    void misspeltGlobalsProperty_failsValidation() {
        Map<String, Object> copy = ProjectFiles.template().toJson();
        Template.asMap(Template.asMap(copy.get("Globals"), "Globals").get("Function"), "Function")
                .put("MemorySise", 512);

        Set<ValidationMessage> errors = validate(copy);

        assertTrue(describe(errors).contains("MemorySise"), () -> "errors should name 'MemorySise':\n"
                + describe(errors));
    }

    @Test
    void misspeltHttpApiEventProperty_failsValidation() {
        Map<String, Object> copy = ProjectFiles.template().toJson();
        Map<String, Object> events = Template.asMap(properties(copy, "CitizenApiFunction").get("Events"), "Events");
        Map<String, Object> event = Template.asMap(events.get("SubmitRequest"), "SubmitRequest");
        Template.asMap(event.get("Properties"), "Properties").put("Metod", "POST");

        Set<ValidationMessage> errors = validate(copy);

        assertFalse(errors.isEmpty(), "an HttpApi event property 'Metod' should break the SAM schema");
    }

    private static Map<String, Object> properties(Map<String, Object> template, String logicalId) {
        Map<String, Object> resources = Template.asMap(template.get("Resources"), "Resources");
        return Template.asMap(Template.asMap(resources.get(logicalId), logicalId).get("Properties"), "Properties");
    }

    private static Set<ValidationMessage> validate(Map<String, Object> template) {
        JsonNode node = JSON.valueToTree(template);
        return schema.validate(node);
    }

    private static String describe(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n"));
    }
}
