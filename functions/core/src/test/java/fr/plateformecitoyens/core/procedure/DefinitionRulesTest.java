package fr.plateformecitoyens.core.procedure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.error.DomainException.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionRulesTest {

    private static Field choice(String name) {
        return Field.of(name, "Question " + name, FieldType.SINGLE_CHOICE, false)
                .withChoices(new Choice("oui", "Oui"), new Choice("non", "Non"));
    }

    @Test
    void conditionsThatFormALoop_areRefused_namingTheLoop() {
        List<Field> fields = List.of(choice("a").visibleWhen("c", "oui"), choice("b").visibleWhen("a", "oui"),
                choice("c").visibleWhen("b", "oui"));

        List<FieldError> errors = DefinitionRules.problems(fields, List.of());

        assertEquals(1, errors.size(), errors.toString());
        assertEquals("fields[0].visibleWhen", errors.get(0).field());
        assertEquals("Les conditions forment une boucle : a → c → b → a.", errors.get(0).message());
    }

    @Test
    void aChainOfConditionsWithoutLoop_isAccepted_asEveryDefaultDemarche() {
        List<Field> fields = List.of(choice("a"), choice("b").visibleWhen("a", "oui"),
                choice("c").visibleWhen("b", "non"));

        assertEquals(List.of(), DefinitionRules.problems(fields, List.of()));
        for (Procedure p : DefaultCatalogue.forCommune("t", "s", "s", "s", "s")) {
            assertEquals(List.of(), DefinitionRules.problems(p.fields(), p.sections()), p.id());
        }
    }

    @Test
    void aConditionOnAnUnknownField_orAValueItDoesNotOffer_isRefused() {
        List<Field> fields = List.of(choice("a"), choice("b").visibleWhen("z", "oui"),
                choice("c").visibleWhen("a", "peut-etre"),
                Field.of("d", "Texte", FieldType.TEXT, false), choice("e").visibleWhen("d", "x"));

        List<String> at = DefinitionRules.problems(fields, List.of()).stream().map(FieldError::field).toList();

        assertEquals(List.of("fields[1].visibleWhen", "fields[2].visibleWhen", "fields[4].visibleWhen"), at);
    }

    @Test
    void everyFault_isListedAtItsPlace_inFrench() {
        List<Field> fields = List.of(Field.of("1abc", "", FieldType.TEXT, false),
                Field.of("piece", "Pièce", FieldType.DOCUMENT, true).accepting(50L * 1024 * 1024, "text/html"),
                Field.of("choix", "Choix", FieldType.SINGLE_CHOICE, true), choice("x"), choice("x"));
        List<Section> sections = List.of(new Section("S", List.of("x", "inconnu")));

        List<FieldError> errors = DefinitionRules.problems(fields, sections);
        List<String> at = errors.stream().map(FieldError::field).toList();

        assertEquals(List.of("fields[0].name", "fields[0].label", "fields[1].accept", "fields[1].maxBytes",
                "fields[2].choices", "fields[4].name", "sections[0].fields"), at);
        assertTrue(errors.get(2).message().contains("text/html"));
    }

    @Test
    void aVersionIsImmutable_andACopyUnderAnotherNumber_isAnotherValue() {
        Procedure v1 = DefaultCatalogue.generalRequest("t", "accueil");
        Procedure v2 = v1.as(v1.id(), 2);

        assertEquals(1, v1.version());
        assertEquals(2, v2.version());
        assertEquals(v1, v2.as(v1.id(), 1));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> v1.fields().add(choice("z")));
    }
}
