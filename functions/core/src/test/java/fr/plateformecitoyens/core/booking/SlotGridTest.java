package fr.plateformecitoyens.core.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotGridTest {

    private static final Instant NOW = Instant.parse("2027-01-04T08:00:00Z");
    private static final Resource DESK = new Resource("t", "cni", Resource.Kind.APPOINTMENT_SERVICE, "CNI", "", "",
            3, 15, new OpeningCalendar(Map.of(DayOfWeek.MONDAY, List.of(TimeRange.of("08:30", "12:00"),
                    TimeRange.of("13:30", "17:00")), DayOfWeek.TUESDAY, List.of(TimeRange.of("08:30", "12:00"))),
                    Map.of(LocalDate.of(2027, 1, 19), List.of(), LocalDate.of(2027, 5, 25),
                            List.of(TimeRange.of("09:00", "10:00"))), false),
            new BookingRules(120, 60, 24, 60, false), List.of(new AppointmentType("cni", "CNI", 15),
                    new AppointmentType("double", "CNI et passeport", 30)), 0, List.of(), Set.of(), 0);

    @Test
    void starts_fitEachRange_onTheGrid() {
        List<LocalDateTime> starts = SlotGrid.starts(DESK, LocalDate.of(2027, 1, 11), 30);

        assertEquals(LocalDateTime.parse("2027-01-11T08:30"), starts.get(0));
        assertTrue(starts.contains(LocalDateTime.parse("2027-01-11T11:30")));
        assertTrue(!starts.contains(LocalDateTime.parse("2027-01-11T11:45")), "would end after noon");
        assertEquals(LocalDateTime.parse("2027-01-11T16:30"), starts.get(starts.size() - 1));
        assertEquals(13 + 13, starts.size());
    }

    @Test
    void holidays_closeTheDay_butAnExceptionOpensIt() {
        assertEquals(List.of(), SlotGrid.starts(DESK, LocalDate.of(2027, 11, 1), 15), "All Saints' Day");
        assertEquals(4, SlotGrid.starts(DESK, LocalDate.of(2027, 5, 25), 15).size(), "an extra opening");
        assertEquals(List.of(), SlotGrid.starts(DESK, LocalDate.of(2027, 1, 19), 15), "an exceptional closure");
    }

    @Test
    void refusal_explainsEachRule_inFrench() {
        assertEquals(Optional.of("Ce créneau est déjà passé."), refusal("2027-01-04T08:00", 15));
        assertTrue(refusal("2027-01-04T09:15", 15).orElseThrow().startsWith("Ce créneau est trop proche"));
        assertTrue(refusal("2027-03-08T09:00", 15).orElseThrow().startsWith("Ce créneau est trop lointain"));
        assertTrue(refusal("2027-01-11T09:10", 15).orElseThrow().contains("toutes les 15 minutes"));
        assertTrue(refusal("2027-01-11T12:00", 15).orElseThrow().contains("heures d'ouverture"));
        assertTrue(refusal("2027-01-06T09:00", 15).orElseThrow().startsWith("Fermé le mercredi 6 janvier 2027"));
        assertTrue(refusal("2027-01-11T09:00", 90).orElseThrow().contains("durée"));
        assertEquals(Optional.empty(), refusal("2027-01-11T09:00", 30));
    }

    @Test
    void refusal_onAHoliday_saysItIsOne() {
        Instant may = Instant.parse("2027-04-20T08:00:00Z");
        LocalDateTime whitMonday = LocalDateTime.parse("2027-05-17T09:00");

        String why = SlotGrid.refusal(DESK, whitMonday, whitMonday.plusMinutes(15), may, List.of()).orElseThrow();

        assertTrue(why.endsWith("c'est un jour férié."), why);
    }

    @Test
    void refusal_inABlockedPeriod_givesItsReason() {
        BlockedPeriod works = new BlockedPeriod("t", "cni", "b", LocalDateTime.parse("2027-01-11T08:00"),
                LocalDateTime.parse("2027-01-11T10:00"), "travaux", "agent");
        LocalDateTime start = LocalDateTime.parse("2027-01-11T09:45");

        assertEquals(Optional.of("Ce créneau tombe pendant une fermeture : travaux."),
                SlotGrid.refusal(DESK, start, start.plusMinutes(15), NOW, List.of(works)));
        assertEquals(Optional.empty(), SlotGrid.refusal(DESK, start.plusMinutes(15), start.plusMinutes(30), NOW,
                List.of(works)));
    }

    @Test
    void cells_coverTheBookingOnTheGrid() {
        LocalDateTime start = LocalDateTime.parse("2027-01-11T09:00");

        assertEquals(List.of(start, start.plusMinutes(15)), SlotGrid.cells(DESK, start, start.plusMinutes(30)));
    }

    private static Optional<String> refusal(String start, int minutes) {
        LocalDateTime from = LocalDateTime.parse(start);
        return SlotGrid.refusal(DESK, from, from.plusMinutes(minutes), NOW, List.of());
    }
}
