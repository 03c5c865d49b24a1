package fr.plateformecitoyens.adapters.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.procedure.LocalServicesCatalogue;
import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Addresses, household members and supporting documents through the JSON Schema of their démarche. */
class NewFieldTypesValidationTest {

    private static final Procedure PUBLIC_SPACE = LocalServicesCatalogue.publicSpace("t", "accueil");
    private static final Procedure CANTEEN = LocalServicesCatalogue.canteen("t", "scolaire");
    private final SchemaFormValidator validator = new SchemaFormValidator();

    private static Map<String, Object> terrace() {
        Map<String, Object> data = new HashMap<>();
        data.put("demandeur", "entreprise");
        data.put("raisonSociale", "Café de la Mairie");
        data.put("objet", "terrasse");
        data.put("adresse", Map.of("street", "2 place de la Mairie", "postcode", "37999", "city", "Beaumont"));
        data.put("debut", "2027-05-01");
        data.put("fin", "2027-09-30");
        data.put("surface", 12);
        return data;
    }

    @Test
    void aCompleteAddress_andNoOptionalDocument_isValid() {
        assertEquals(List.of(), validator.validate(PUBLIC_SPACE, terrace()));
    }

    @Test
    void anAddressWithAWrongPostcode_orAMissingPart_getsOneFrenchMessageOnTheAddress() {
        Map<String, Object> wrongPostcode = terrace();
        wrongPostcode.put("adresse", Map.of("street", "2 place", "postcode", "3799", "city", "Beaumont"));
        Map<String, Object> noCity = terrace();
        noCity.put("adresse", Map.of("street", "2 place", "postcode", "37999"));

        assertEquals(List.of(new FieldError("adresse", "Saisissez un code postal à cinq chiffres, par exemple 37000.")),
                validator.validate(PUBLIC_SPACE, wrongPostcode));
        assertEquals(List.of(new FieldError("adresse",
                "Indiquez l'adresse complète : numéro et voie, code postal et commune.")),
                validator.validate(PUBLIC_SPACE, noCity));
    }

    @Test
    void aMemberThatIsNoMemberId_andADocumentWithoutItsUpload_areListedTogether() {
        Map<String, Object> data = new HashMap<>(Map.of("enfant", "Léo", "ecole", "Jules Ferry",
                "jours", List.of("lundi"), "regime", "standard", "allergie", true,
                "pai", Map.of("fileName", "pai.pdf")));

        List<FieldError> errors = validator.validate(CANTEEN, data);

        assertEquals(List.of("enfant", "pai"), errors.stream().map(FieldError::field).toList());
        assertEquals("Choisissez une personne de votre foyer (« Mon foyer »).", errors.get(0).message());
        assertEquals("Joignez le fichier demandé, puis attendez la fin de son envoi.", errors.get(1).message());
    }

    @Test
    void aDocumentShownOnlyUnderAYesAnswer_isRefusedUnderNo() {
        Map<String, Object> data = new HashMap<>(Map.of("enfant", "m-0123456789ab", "ecole", "Jules Ferry",
                "jours", List.of("lundi"), "regime", "standard", "allergie", false,
                "pai", Map.of("uploadId", "AAAAAAAAAAAAAAAAAAAAAA", "fileName", "pai.pdf")));

        assertEquals(List.of("pai"), validator.validate(CANTEEN, data).stream().map(FieldError::field).toList());
    }
}
