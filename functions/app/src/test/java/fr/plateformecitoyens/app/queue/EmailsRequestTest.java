package fr.plateformecitoyens.app.queue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.legal.Acknowledgement;
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

class EmailsRequestTest {

    private static final Instant AT = Instant.parse("2027-01-15T10:00:00Z");

    private static CitizenRequest request(Transition... later) {
        Acknowledgement ack = new Acknowledgement(AT, new HandlingService("t", "s", "Service", "Adresse", "01", "e@x"),
                SilenceRule.SVA, 2, Optional.of(LocalDate.of(2027, 3, 15)), "L231-1", List.of("Mention."), AT);
        List<Transition> history = new java.util.ArrayList<>(List.of(
                new Transition(AT, "citizen", null, RequestStatus.SUBMITTED, "")));
        history.addAll(List.of(later));
        return new CitizenRequest("t", "2027-K7Q4-M2XH", "p", 1, "Démarche", "s",
                new Applicant("citizen", "Zoé", "Martin", "z@example.org"), Channel.WEB, Map.of(),
                history.get(history.size() - 1).to(), AT, AT, ack, Optional.empty(), history, history.size(), "f");
    }

    @Test
    void acknowledgement_saysThePdfIsAttached_onlyWhenItIs() {
        assertTrue(Emails.acknowledgement(request(), "https://p", "accuse-de-reception-2027-K7Q4-M2XH.pdf").text()
                .contains("joint à ce message au format PDF (accuse-de-reception-2027-K7Q4-M2XH.pdf)"));
        assertFalse(Emails.acknowledgement(request(), "https://p").text().contains("PDF"));
    }

    @Test
    void incomplete_saysNoPeriodRuns_andACitizensOwnCorrection_isTheirMessageNotTheServices() {
        Transition asked = new Transition(AT.plusSeconds(60), "agent", RequestStatus.SUBMITTED,
                RequestStatus.INCOMPLETE, "Il manque le lieu.");
        Transition corrected = new Transition(AT.plusSeconds(120), "citizen", RequestStatus.INCOMPLETE,
                RequestStatus.SUBMITTED, "Voici le lieu.");

        String incomplete = Emails.statusChanged(request(asked), asked, "https://p").text();
        String correction = Emails.statusChanged(request(asked, corrected), corrected, "https://p").text();

        assertTrue(incomplete.contains("Message du service : Il manque le lieu."), incomplete);
        assertTrue(incomplete.contains("Aucun délai ne court tant que votre dossier est incomplet"), incomplete);
        assertTrue(correction.contains("Votre message : Voici le lieu."), correction);
        assertFalse(correction.contains("Message du service"), correction);
    }
}
