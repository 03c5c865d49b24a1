package fr.plateformecitoyens.adapters.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.request.Channel;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.zone.ZoneRules;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.ZoneRulesBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T08:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-01-06T10:15:30Z");
    private static final String SENDER = "ne-pas-repondre@plateforme-citoyens.fr";

    static Booking appointment(LocalDateTime start, Booking.Status status, long version) {
        return new Booking("RDV-2026-ABC123", "beaumont", Resource.Kind.APPOINTMENT_SERVICE, "etat-civil",
                "État civil", "passeport", "Dépôt de passeport", start, start.plusMinutes(30), List.of(start),
                "user-1", "Camille Martin", "camille.martin@example.org", Channel.WEB, status, "", CREATED,
                UPDATED, version);
    }

    static Booking room(String name, String purpose, Booking.Status status) {
        LocalDateTime start = LocalDateTime.of(2026, 3, 14, 14, 0);
        return new Booking("SAL-2026-XYZ789", "beaumont", Resource.Kind.ROOM, "salle-fetes", name, "", "", start,
                start.plusHours(4), List.of(start), "user-2", "Association « Les Amis »", "amis@example.org",
                Channel.WEB, status, purpose, CREATED, UPDATED, 2);
    }

    private static Calendar parse(String ics) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent event(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow();
    }

    @Test
    void confirmedAppointment_carriesEveryProperty() throws Exception {
        Booking booking = appointment(LocalDateTime.of(2026, 1, 15, 9, 30), Booking.Status.CONFIRMED, 3);

        Calendar calendar = parse(IcsCalendar.of(booking, "1 place de la Mairie, 12345 Beaumont", SENDER));

        assertEquals(IcsCalendar.PRODID, calendar.getProperty(Property.PRODID).orElseThrow().getValue());
        assertEquals("2.0", calendar.getProperty(Property.VERSION).orElseThrow().getValue());
        assertEquals("REQUEST", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent event = event(calendar);
        assertEquals("RDV-2026-ABC123@plateforme-citoyens.fr", value(event, Property.UID));
        assertEquals("20260106T101530Z", value(event, Property.DTSTAMP));
        assertEquals("20260115T093000", value(event, Property.DTSTART));
        assertEquals("20260115T100000", value(event, Property.DTEND));
        for (String dated : List.of(Property.DTSTART, Property.DTEND)) {
            assertEquals("Europe/Paris", event.getProperty(dated).orElseThrow()
                    .getParameter(Parameter.TZID).orElseThrow().getValue());
        }
        assertEquals("Rendez-vous : Dépôt de passeport", value(event, Property.SUMMARY));
        assertEquals("1 place de la Mairie, 12345 Beaumont", value(event, Property.LOCATION));
        String description = value(event, Property.DESCRIPTION);
        assertTrue(description.contains("Numéro de réservation : RDV-2026-ABC123"), description);
        assertTrue(description.contains("annuler"), description);
        assertEquals("CONFIRMED", value(event, Property.STATUS));
        assertEquals("3", value(event, Property.SEQUENCE));
        assertEquals("mailto:" + SENDER, value(event, Property.ORGANIZER));
        assertEquals("mailto:camille.martin@example.org", value(event, Property.ATTENDEE));
        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertEquals(1, zones.size());
        assertEquals("Europe/Paris", zones.get(0).getProperty(Property.TZID).orElseThrow().getValue());
    }

    @Test
    void confirmedAppointment_isValidForItsItipMethod() throws Exception {
        Booking booking = appointment(LocalDateTime.of(2026, 1, 15, 9, 30), Booking.Status.CONFIRMED, 3);

        Calendar calendar = parse(IcsCalendar.of(booking, "Mairie", SENDER));

        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
    }

    @Test
    void parisOffset_isOneHourInWinterAndTwoInSummer() throws Exception {
        LocalDateTime winter = LocalDateTime.of(2026, 1, 15, 9, 30);
        LocalDateTime summer = LocalDateTime.of(2026, 7, 15, 9, 30);

        Calendar january = parse(IcsCalendar.of(appointment(winter, Booking.Status.CONFIRMED, 1), "", SENDER));
        Calendar july = parse(IcsCalendar.of(appointment(summer, Booking.Status.CONFIRMED, 1), "", SENDER));

        assertEquals(ZoneOffset.ofHours(1), startOffset(january));
        assertEquals(ZoneOffset.ofHours(2), startOffset(july));
        ZoneRules written = new ZoneRulesBuilder()
                .vTimeZone(january.<VTimeZone>getComponents("VTIMEZONE").get(0)).build();
        assertEquals(ZoneOffset.ofHours(1), written.getOffset(winter));
        assertEquals(ZoneOffset.ofHours(2), written.getOffset(summer));
        assertEquals(ZoneOffset.ofHours(1), written.getOffset(LocalDateTime.of(2031, 12, 1, 12, 0)));
        assertEquals(ZoneOffset.ofHours(2), written.getOffset(LocalDateTime.of(2031, 6, 1, 12, 0)));
    }

    private static ZoneOffset startOffset(Calendar calendar) {
        DtStart<Temporal> start = event(calendar).getDateTimeStart();
        return ((ZonedDateTime) start.getDate()).getOffset();
    }

    @Test
    void cancelledBooking_cancelsTheEventWithAHigherSequence() throws Exception {
        LocalDateTime start = LocalDateTime.of(2026, 1, 15, 9, 30);

        Calendar calendar = parse(IcsCalendar.of(appointment(start, Booking.Status.CANCELLED, 4), "Mairie", SENDER));

        assertEquals("CANCEL", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent event = event(calendar);
        assertEquals("CANCELLED", value(event, Property.STATUS));
        assertEquals("4", value(event, Property.SEQUENCE));
        assertEquals("RDV-2026-ABC123@plateforme-citoyens.fr", value(event, Property.UID));
        assertTrue(value(event, Property.DESCRIPTION).contains("Ce rendez-vous est annulé."));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
    }

    @Test
    void refusedRoom_isCancelledWithItsReason() throws Exception {
        Calendar calendar = parse(IcsCalendar.of(room("Salle des fêtes", "Salle déjà promise",
                Booking.Status.REFUSED), "Rue du Stade", SENDER));

        assertEquals("CANCEL", calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        VEvent event = event(calendar);
        assertEquals("CANCELLED", value(event, Property.STATUS));
        assertEquals("Réservation : Salle des fêtes", value(event, Property.SUMMARY));
        assertTrue(value(event, Property.DESCRIPTION).contains("Motif : Salle déjà promise"));
    }

    @Test
    void rescheduledAppointment_keepsItsUidWithANewSequence() throws Exception {
        Booking first = appointment(LocalDateTime.of(2026, 1, 15, 9, 30), Booking.Status.CONFIRMED, 2);
        Booking moved = first.movedTo(LocalDateTime.of(2026, 1, 16, 11, 0), LocalDateTime.of(2026, 1, 16, 11, 30),
                List.of(LocalDateTime.of(2026, 1, 16, 11, 0)), Instant.parse("2026-01-07T09:00:00Z"));

        VEvent before = event(parse(IcsCalendar.of(first, "Mairie", SENDER)));
        VEvent after = event(parse(IcsCalendar.of(moved, "Mairie", SENDER)));

        assertEquals(value(before, Property.UID), value(after, Property.UID));
        assertEquals("3", value(after, Property.SEQUENCE));
        assertEquals("20260116T110000", value(after, Property.DTSTART));
        assertEquals("20260107T090000Z", value(after, Property.DTSTAMP));
    }

    @Test
    void textWithCommasSemicolonsAndNewlines_isEscapedAndReadBackUnchanged() throws Exception {
        String name = "Salle A, étage 1; aile \"Nord\"\\Sud";
        String purpose = "Assemblée générale ;\r\nordre du jour : budget, élections";

        String ics = IcsCalendar.of(room(name, purpose, Booking.Status.CONFIRMED), "2, rue Haute;\nBâtiment B",
                SENDER);

        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:Réservation : Salle A\\, étage 1\\; aile \"Nord\"\\\\Sud\r\n"),
                unfolded);
        assertTrue(unfolded.contains("LOCATION:2\\, rue Haute\\;\\nBâtiment B\r\n"), unfolded);
        assertTrue(unfolded.contains("Assemblée générale \\;\\nordre du jour : budget\\, élections"), unfolded);
        assertTrue(unfolded.contains("CN=\"Salle A, étage 1; aile 'Nord'\\Sud\""), unfolded);
        VEvent event = event(parse(ics));
        assertEquals("Réservation : " + name, value(event, Property.SUMMARY));
        assertEquals("2, rue Haute;\nBâtiment B", value(event, Property.LOCATION));
        assertTrue(value(event, Property.DESCRIPTION)
                .contains("Objet : Assemblée générale ;\nordre du jour : budget, élections"));
    }

    @Test
    void everyLine_endsWithCrlfAndFitsIn75Octets() throws Exception {
        String longName = "Maison des associations et de la vie citoyenne – grande salle polyvalente "
                + " « Émile-Zola » éèàùçôîï".repeat(3) + " x".repeat(40);

        String ics = IcsCalendar.of(room(longName, "Réunion", Booking.Status.CONFIRMED), "Place", SENDER);

        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "bare line feed");
        assertFalse(ics.replace("\r\n", "").contains("\r"), "bare carriage return");
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        assertEquals("Réservation : " + longName, value(event(parse(ics)), Property.SUMMARY));
    }

    @Test
    void folding_neverSplitsACharacter() {
        String line = "X:" + "é\uD83D\uDCC5".repeat(40);

        String folded = IcsCalendar.fold(line + "\r\n");

        assertEquals(line, folded.replace("\r\n ", "").replace("\r\n", ""));
        for (String physical : folded.split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
            assertFalse(Character.isLowSurrogate(physical.charAt(physical.length() - 1) == ' ' ? 'a'
                    : physical.charAt(0)));
            assertFalse(Character.isHighSurrogate(physical.charAt(physical.length() - 1)));
        }
    }
}
