package fr.plateformecitoyens.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.legal.Acknowledgement;
import fr.plateformecitoyens.core.legal.AcknowledgementWriter;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.procedure.DefaultCatalogue;
import fr.plateformecitoyens.core.procedure.LegalRegime;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import fr.plateformecitoyens.core.tenant.TenantKind;
import fr.plateformecitoyens.core.tenant.Territory;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LetterReceiptTest {

    private static final LegalRegime SVA_TWO_MONTHS = LegalRegime.silenceMeansAcceptance(2);

    @Test
    void letterArrivedOnASaturday_isReceivedThatSaturday_andTheClockRunsFromIt() {
        LocalDate saturday = LocalDate.of(2026, 11, 28);
        assertEquals(DayOfWeek.SATURDAY, saturday.getDayOfWeek());

        Instant receipt = OnBehalfFiling.receiptOfLetter(saturday);

        assertEquals(saturday, DecisionClock.dayOf(receipt), "not moved to the next working day");
        assertEquals(LocalDate.of(2027, 1, 28), DecisionClock.implicitDecisionDate(receipt, SVA_TWO_MONTHS));
    }

    @Test
    void letterArrivedOnAPublicHoliday_isReceivedThatDay() {
        LocalDate mayDay = LocalDate.of(2027, 5, 1);

        Instant receipt = OnBehalfFiling.receiptOfLetter(mayDay);

        assertEquals(mayDay, DecisionClock.dayOf(receipt));
        assertEquals(LocalDate.of(2027, 7, 1), DecisionClock.implicitDecisionDate(receipt, SVA_TWO_MONTHS));
    }

    @Test
    void letterArrivedOnTheDayClocksGoForward_staysOnThatParisDay() {
        LocalDate summerTime = LocalDate.of(2027, 3, 28);

        Instant receipt = OnBehalfFiling.receiptOfLetter(summerTime);

        assertEquals(Instant.parse("2027-03-27T23:00:00Z"), receipt, "midnight in Paris, still winter time");
        assertEquals(summerTime, DecisionClock.dayOf(receipt));
    }

    @Test
    void acknowledgementOfALetter_statesTheArrivalDay_withoutATimeOfDay_andTheDecisionDateFromIt() {
        Tenant tenant = new Tenant("beaumont", "Beaumont-des-Sources", TenantKind.values()[0], "45000",
                new Territory(47.9, 2.3, 2.2, 47.8, 2.4, 48.0));
        Procedure procedure = DefaultCatalogue.civilStatusCertificate("beaumont", "etat-civil");
        HandlingService service = new HandlingService("beaumont", "etat-civil", "Service de l'état civil",
                "1 place de la Mairie, 45300 Beaumont-des-Sources", "01 23 45 67 89", "etat-civil@beaumont.fr");
        Instant receipt = OnBehalfFiling.receiptOfLetter(LocalDate.of(2026, 11, 28));

        Acknowledgement ack = AcknowledgementWriter.write(tenant, procedure, service, receipt,
                Instant.parse("2026-12-03T10:00:00Z"), true);

        assertTrue(ack.mentions().get(0).endsWith("a été reçue le 28 novembre 2026, par courrier."),
                ack.mentions().get(0));
        assertEquals(Optional.of(DecisionClock.implicitDecisionDate(receipt, procedure.regime())),
                ack.implicitDecisionDate());
        assertEquals(receipt, ack.receivedAt());
    }
}
