package fr.plateformecitoyens.app.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.request.Channel;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailsBookingTest {

    private static final String PORTAL = "https://beaumont.example.org";
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 15, 9, 30);
    private static final LocalDateTime BEFORE = LocalDateTime.of(2026, 1, 10, 8, 0);
    private static final Instant AT = Instant.parse("2026-01-06T10:15:30Z");

    private static Booking appointment(Booking.Status status, Channel channel) {
        return new Booking("RDV-1", "beaumont", Resource.Kind.APPOINTMENT_SERVICE, "etat-civil", "État civil",
                "passeport", "Dépôt de passeport", START, START.plusMinutes(30), List.of(START), "user-1",
                "Camille Martin", "camille@example.org", channel, status, "", AT, AT, 2);
    }

    private static Booking room(String name, String note, Booking.Status status) {
        LocalDateTime start = LocalDateTime.of(2026, 3, 1, 14, 0);
        return new Booking("SAL-1", "beaumont", Resource.Kind.ROOM, "fetes", name, "", "", start,
                start.plusHours(4), List.of(start), "user-2", "", "amis@example.org", Channel.WEB, status, note,
                AT, AT, 3);
    }

    private static Emails.BookingFacts facts(String file) {
        return new Emails.BookingFacts("1 place de la Mairie", START.minusHours(24), BEFORE, file, PORTAL);
    }

    @Test
    void confirmedAppointment_givesTheTimePlaceNumberCancellationCutOffAndFile() {
        Emails.Mail mail = Emails.booking(DomainEvent.Type.BOOKING_CONFIRMED,
                appointment(Booking.Status.CONFIRMED, Channel.WEB), facts("rendez-vous.ics"));

        assertEquals("Rendez-vous confirmé : Dépôt de passeport, jeudi 15 janvier 2026 à 9h30", mail.subject());
        assertTrue(mail.text().startsWith("Bonjour Camille Martin,\n\n"), mail.text());
        assertTrue(mail.text().contains("Votre rendez-vous « Dépôt de passeport » auprès du service « État civil » "
                + "est confirmé le jeudi 15 janvier 2026 de 9h30 à 10h00."), mail.text());
        assertTrue(mail.text().contains("Adresse : 1 place de la Mairie"), mail.text());
        assertTrue(mail.text().contains("Numéro de réservation : RDV-1"), mail.text());
        assertTrue(mail.text().contains("Vous pouvez l'annuler en ligne jusqu'au mercredi 14 janvier 2026 à 9h30."),
                mail.text());
        assertTrue(mail.text().contains("Le fichier joint (rendez-vous.ics) ajoute ce rendez-vous à votre agenda."),
                mail.text());
        assertTrue(mail.text().contains(PORTAL + "/#/reservations/appointment/RDV-1"), mail.text());
        assertTrue(mail.html().contains("<p>Numéro de réservation : RDV-1</p>"), mail.html());
    }

    @Test
    void roomAwaitingApproval_saysTheServiceDecides_withoutAFile() {
        Emails.Mail mail = Emails.booking(DomainEvent.Type.BOOKING_AWAITING_APPROVAL,
                room("Salle des fêtes", "Assemblée générale", Booking.Status.AWAITING_APPROVAL), facts(null));

        assertEquals("Demande de réservation enregistrée : Salle des fêtes, dimanche 1er mars 2026 à 14h00",
                mail.subject());
        assertTrue(mail.text().startsWith("Bonjour,\n\n"), mail.text());
        assertTrue(mail.text().contains("le dimanche 1er mars 2026 de 14h00 à 18h00 est enregistrée. Le service doit "
                + "la valider"), mail.text());
        assertTrue(mail.text().contains("Objet : Assemblée générale"), mail.text());
        assertFalse(mail.text().contains("fichier joint"), mail.text());
    }

    @Test
    void rescheduledAppointment_givesTheNewTimeAndUpdatesTheCalendar() {
        Booking moved = appointment(Booking.Status.CONFIRMED, Channel.WEB).movedTo(START.plusDays(1).withHour(11),
                START.plusDays(1).withHour(11).plusMinutes(30), List.of(), AT);

        Emails.Mail mail = Emails.booking(DomainEvent.Type.BOOKING_RESCHEDULED, moved, facts("rendez-vous.ics"));

        assertEquals("Rendez-vous déplacé : Dépôt de passeport, vendredi 16 janvier 2026 à 11h30", mail.subject());
        assertTrue(mail.text().contains("est déplacé au vendredi 16 janvier 2026 de 11h30 à 12h00."), mail.text());
        assertTrue(mail.text().contains("met à jour ce rendez-vous dans votre agenda."), mail.text());
    }

    @Test
    void cancelledRoom_removesItFromTheCalendarAndOffersToBookAgain() {
        Emails.Mail mail = Emails.booking(DomainEvent.Type.BOOKING_CANCELLED,
                room("Salle des fêtes", "", Booking.Status.CANCELLED), facts("reservation.ics"));

        assertEquals("Réservation annulée : Salle des fêtes, dimanche 1er mars 2026 à 14h00", mail.subject());
        assertTrue(mail.text().contains("Votre réservation de la salle « Salle des fêtes » prévue le dimanche 1er mars "
                + "2026 de 14h00 à 18h00 est annulée."), mail.text());
        assertTrue(mail.text().contains("retire cette réservation de votre agenda."), mail.text());
        assertTrue(mail.text().contains("Pour réserver à nouveau : " + PORTAL + "/#/salles"), mail.text());
        assertFalse(mail.text().contains("/#/reservations/"), mail.text());
    }

    @Test
    void refusedRoom_givesTheReason() {
        Emails.Mail mail = Emails.booking(DomainEvent.Type.BOOKING_REFUSED,
                room("Salle des fêtes", "La salle est en travaux.", Booking.Status.REFUSED), facts(null));

        assertEquals("Réservation refusée : Salle des fêtes, dimanche 1er mars 2026 à 14h00", mail.subject());
        assertTrue(mail.text().contains("n'a pas pu être acceptée."), mail.text());
        assertTrue(mail.text().contains("Motif : La salle est en travaux."), mail.text());
        assertFalse(mail.text().contains("Objet :"), mail.text());
    }

    @Test
    void reminderAfterTheCutOff_asksToWarnTheService() {
        Emails.BookingFacts late = new Emails.BookingFacts("", START.minusHours(72), START.minusHours(48),
                "rendez-vous.ics", PORTAL);

        Emails.Mail mail = Emails.booking(DomainEvent.Type.BOOKING_REMINDER,
                appointment(Booking.Status.CONFIRMED, Channel.WEB), late);

        assertEquals("Rappel : rendez-vous Dépôt de passeport, jeudi 15 janvier 2026 à 9h30", mail.subject());
        assertTrue(mail.text().contains("Nous vous rappelons votre rendez-vous « Dépôt de passeport »"), mail.text());
        assertTrue(mail.text().contains("En cas d'empêchement, prévenez le service"), mail.text());
        assertFalse(mail.text().contains("Adresse"), mail.text());
    }

    @Test
    void bookingMadeByPhone_hasNoPortalLinkNorOnlineCancellation() {
        Emails.Mail mail = Emails.booking(DomainEvent.Type.BOOKING_CONFIRMED,
                appointment(Booking.Status.CONFIRMED, Channel.PHONE), facts("rendez-vous.ics"));

        assertFalse(mail.text().contains(PORTAL), mail.text());
        assertFalse(mail.text().contains("en ligne"), mail.text());
        assertTrue(mail.text().contains("prévenez le service en indiquant ce numéro"), mail.text());
    }

    @Test
    void namesAndNotes_areEscapedInHtml_andLeftAsTheyAreInText() {
        Booking booking = room("Salle <b>A</b> & \"B\"", "Fête <script>alert('x')</script>",
                Booking.Status.CONFIRMED);

        Emails.Mail mail = Emails.booking(DomainEvent.Type.BOOKING_CONFIRMED, booking, facts("reservation.ics"));

        assertTrue(mail.html().contains("Salle &lt;b&gt;A&lt;/b&gt; &amp; &quot;B&quot;"), mail.html());
        assertTrue(mail.html().contains("Objet : Fête &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), mail.html());
        assertFalse(mail.html().contains("<script>"), mail.html());
        assertFalse(mail.html().contains("<b>A"), mail.html());
        assertTrue(mail.text().contains("Objet : Fête <script>alert('x')</script>"), mail.text());
        assertTrue(mail.subject().startsWith("Réservation confirmée : Salle <b>A</b> & \"B\", "), mail.subject());
    }

    @Test
    void bookingOverTwoDays_namesBothDays() {
        LocalDateTime start = LocalDateTime.of(2026, 3, 31, 20, 0);
        Booking night = new Booking("SAL-2", "t", Resource.Kind.ROOM, "r", "Salle", "", "", start,
                start.plusHours(6), List.of(), "h", "", "a@example.org", Channel.WEB, Booking.Status.CONFIRMED, "",
                AT, AT, 1);

        assertEquals("mardi 31 mars 2026 à 20h00 au mercredi 1er avril 2026 à 2h00", Emails.when(night));
    }

    @Test
    void requestEvent_isNotABookingEmail() {
        assertThrows(IllegalArgumentException.class, () -> Emails.booking(DomainEvent.Type.REQUEST_SUBMITTED,
                appointment(Booking.Status.CONFIRMED, Channel.WEB), facts(null)));
    }

    @Test
    void eachBookingEvent_expectsTheStatusItLeaves() {
        assertEquals(Booking.Status.CONFIRMED, NotificationFunction.statusAfter(DomainEvent.Type.BOOKING_REMINDER));
        assertEquals(Booking.Status.CANCELLED, NotificationFunction.statusAfter(DomainEvent.Type.BOOKING_CANCELLED));
        assertEquals(Booking.Status.AWAITING_APPROVAL,
                NotificationFunction.statusAfter(DomainEvent.Type.BOOKING_AWAITING_APPROVAL));
        for (DomainEvent.Type type : DomainEvent.Type.values()) {
            if (type.aboutBooking()) {
                NotificationFunction.statusAfter(type);
            }
        }
    }
}
