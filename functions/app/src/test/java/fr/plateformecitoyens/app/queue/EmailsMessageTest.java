package fr.plateformecitoyens.app.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.legal.Acknowledgement;
import fr.plateformecitoyens.core.message.Author;
import fr.plateformecitoyens.core.message.Message;
import fr.plateformecitoyens.core.message.Visibility;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.tenant.HandlingService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailsMessageTest {

    private static final Instant AT = Instant.parse("2026-12-04T09:15:00Z");

    @Test
    void newMessage_saysWhoWroteAndWhere_butNotWhatTheMessageSays() {
        HandlingService service = new HandlingService("beaumont", "etat-civil", "Service état civil", "", "", "");
        CitizenRequest request = new CitizenRequest("beaumont", "2026-2PK5-ZG90", "acte", 1, "Demande d'acte",
                "etat-civil", new Applicant("c-1", "Camille", "Martin", "c@example.org"), Channel.WEB, Map.of(),
                RequestStatus.IN_PROGRESS, AT, AT, new Acknowledgement(AT, service, SilenceRule.SVA, 2,
                        Optional.empty(), "", List.of(), AT), Optional.empty(), List.of(), 2, "f");
        Message message = new Message("2026-2PK5-ZG90", "20261204T091500000Z-q3V8mXw1Tn2b", AT,
                new Author(Author.Kind.AGENT, "a-1", "Jeanne Leroy", "Agent · <Service> état civil"),
                "Votre numéro fiscal est 123 456 789", List.of(), Visibility.PUBLIC, "");

        Emails.Mail mail = Emails.newMessage(request, message, "https://beaumont.example.org");

        assertEquals("Nouveau message sur votre demande 2026-2PK5-ZG90", mail.subject());
        assertTrue(mail.text().contains("le 4 décembre 2026 à 10h15"), mail.text());
        assertTrue(mail.text().contains("https://beaumont.example.org/#/demandes/2026-2PK5-ZG90"), mail.text());
        assertFalse(mail.text().contains("123 456 789"), "the message's text stays behind the sign-in");
        assertFalse(mail.html().contains("123 456 789"));
        assertTrue(mail.html().contains("&lt;Service&gt;"), "every value is escaped in the HTML part");
    }
}
