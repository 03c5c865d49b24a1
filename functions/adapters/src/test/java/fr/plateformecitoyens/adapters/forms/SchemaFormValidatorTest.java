package fr.plateformecitoyens.adapters.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.procedure.DefaultCatalogue;
import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaFormValidatorTest {

    private static final Procedure CERTIFICATE = DefaultCatalogue.civilStatusCertificate("commune", "etat-civil");
    private final SchemaFormValidator validator = new SchemaFormValidator();

    private static Map<String, Object> extractWithoutFiliation() {
        Map<String, Object> data = new HashMap<>();
        data.put("typeActe", "naissance");
        data.put("document", "extrait_sans_filiation");
        data.put("qualite", "autre");
        data.put("nom", "Martin");
        data.put("prenoms", "Camille");
        data.put("dateEvenement", "1990-05-12");
        data.put("lieuEvenement", "Beaumont-des-Sources");
        data.put("livraison", "telechargement");
        return data;
    }

    @Test
    void validAnswers_haveNoError() {
        assertEquals(List.of(), validator.validate(CERTIFICATE, extractWithoutFiliation()));
    }

    @Test
    void parents_areRequiredForACopieIntegrale_only() {
        Map<String, Object> data = extractWithoutFiliation();
        data.put("document", "copie_integrale");

        List<String> fields = validator.validate(CERTIFICATE, data).stream().map(FieldError::field).toList();

        assertEquals(List.of("nomMere", "prenomsMere"), fields);
    }

    @Test
    void aFieldWhoseConditionIsNotMet_isRefused() {
        Map<String, Object> data = extractWithoutFiliation();
        data.put("adresseLivraison", "3 rue des Lilas");

        List<FieldError> errors = validator.validate(CERTIFICATE, data);

        assertEquals("adresseLivraison", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("ne s'applique pas"));
    }

    @Test
    void badValues_getOneFrenchMessageEach_inTheFormsOrder() {
        Map<String, Object> data = extractWithoutFiliation();
        data.put("dateEvenement", "31/02/1990");
        data.put("typeActe", "<script>alert(1)</script>");
        data.put("nom", "x".repeat(101));

        List<FieldError> errors = validator.validate(CERTIFICATE, data);

        assertEquals(List.of("typeActe", "nom", "dateEvenement"), errors.stream().map(FieldError::field).toList());
        assertEquals("La réponse ne doit pas dépasser 100 caractères.", errors.get(1).message());
    }

    @Test
    void schema_isDraft2020_andClosed() {
        var schema = FormSchema.schema(CERTIFICATE);

        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        assertEquals(false, schema.path("additionalProperties").asBoolean(true));
    }
}
