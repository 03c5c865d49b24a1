package fr.plateformecitoyens.core.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.procedure.PeriodUnit;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import fr.plateformecitoyens.core.tenant.HandlingService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The period the legal documents state is counted in the démarche's own unit, not always in months. */
class LegalDocumentsPeriodTest {

    private static final Instant RECEIVED = Instant.parse("2027-01-15T09:00:00Z");
    private static final HandlingService SERVICE = new HandlingService("beaumont", "voirie", "Services techniques",
            "1 place de la Mairie", "01 23 45 67 89", "voirie@beaumont.example");

    @Test
    void acknowledgementOfAThirtyDayDemarche_statesThirtyDays() {
        String text = text(LegalDocuments.acknowledgement(request(RequestStatus.SUBMITTED, PeriodUnit.DAYS, 30)));

        assertTrue(text.contains("le délai est de 30 jours."), text);
        assertFalse(text.contains("30 mois"), text);
    }

    @Test
    void attestationOfAnImplicitAcceptance_statesTheSilenceInItsUnit() {
        CitizenRequest accepted = request(RequestStatus.IMPLICITLY_ACCEPTED, PeriodUnit.WEEKS, 3);

        String text = text(LegalDocuments.of(accepted, LegalDocument.Kind.IMPLICIT_ACCEPTANCE).orElseThrow());

        assertTrue(text.contains("pendant 3 semaines."), text);
    }

    @Test
    void anAcknowledgementWithoutUnit_countsInMonths_asEveryEarlierOneDid() {
        Acknowledgement before = new Acknowledgement(RECEIVED, SERVICE, SilenceRule.SVA, 2, Optional.empty(), "L231-1",
                List.of(), RECEIVED);

        assertEquals(PeriodUnit.MONTHS, before.periodUnit());
        assertEquals("2 mois", before.periodWords());
    }

    private static CitizenRequest request(RequestStatus status, PeriodUnit unit, int length) {
        LocalDate due = unit.after(LocalDate.of(2027, 1, 15), length);
        Acknowledgement ack = new Acknowledgement(RECEIVED, SERVICE, SilenceRule.SVA, length, Optional.of(due),
                "CRPA, article L231-1", List.of("mention"), RECEIVED, unit);
        List<Transition> history = status == RequestStatus.SUBMITTED
                ? List.of(new Transition(RECEIVED, "citizen", null, RequestStatus.SUBMITTED, ""))
                : List.of(new Transition(RECEIVED, "citizen", null, RequestStatus.SUBMITTED, ""),
                        new Transition(due.atStartOfDay(DecisionClock.PARIS).toInstant(), Transition.SYSTEM,
                                RequestStatus.SUBMITTED, status, ""));
        return new CitizenRequest("beaumont", "2027-K7Q4-M2XH", "occupation", 1, "Occupation du domaine public",
                "voirie", new Applicant("citizen", "Zoé", "Martin", "z@example.org"), Channel.WEB, Map.of(), status,
                RECEIVED, RECEIVED, ack, Optional.of(due), history, history.size(), "f");
    }

    private static String text(LegalDocument document) {
        StringBuilder out = new StringBuilder();
        document.sections().forEach(section -> out.append(section).append('\n'));
        return out.toString();
    }
}
