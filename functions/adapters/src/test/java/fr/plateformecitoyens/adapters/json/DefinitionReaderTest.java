package fr.plateformecitoyens.adapters.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.procedure.LocalServicesCatalogue;
import fr.plateformecitoyens.core.procedure.PeriodUnit;
import fr.plateformecitoyens.core.procedure.Procedure;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionReaderTest {

    @Test
    void aWrittenDefinition_readsBackAsTheSameDemarche() {
        Procedure creche = LocalServicesCatalogue.creche("t", "enfance");

        Procedure read = DefinitionReader.read(ProcedureCodec.write(creche), "t", creche.id(), 1);

        assertEquals(creche, read);
        assertEquals(creche, ProcedureCodec.read(ProcedureCodec.write(creche)));
    }

    @Test
    void anUnknownFieldType_aRegimeWithoutPeriod_andMissingRgpdMentions_areAllListed() {
        ObjectNode node = (ObjectNode) Json.parse("{\"title\":\"Essai\",\"serviceId\":\"accueil\","
                + "\"regime\":{\"rule\":\"SVA\",\"period\":0,\"unit\":\"weeks\",\"legalBasis\":\"L231-1\"},"
                + "\"fields\":[{\"name\":\"photo\",\"label\":\"Photo\",\"type\":\"camera\"}]}");

        DomainException.InvalidInput refused = assertThrows(DomainException.InvalidInput.class,
                () -> DefinitionReader.read(node, "t", "essai", 0));

        assertEquals(List.of("regime.period", "fields[0].type", "retentionMonths", "legalBasis", "dpoContact"),
                refused.errors().stream().map(FieldError::field).toList());
        assertEquals("Type de champ inconnu : « camera ».", refused.errors().get(1).message());
        assertEquals("Le délai va de 1 à 104 semaines.", refused.errors().get(0).message());
    }

    @Test
    void aPeriodInDays_isRead_withItsUnit() {
        ObjectNode node = ProcedureCodec.write(LocalServicesCatalogue.publicSpace("t", "accueil"));
        ((ObjectNode) node.path("regime")).put("period", 15).put("unit", "days");

        Procedure read = DefinitionReader.read(node, "t", "occupation", 0);

        assertEquals(PeriodUnit.DAYS, read.regime().unit());
        assertEquals(15, read.regime().period());
    }
}
