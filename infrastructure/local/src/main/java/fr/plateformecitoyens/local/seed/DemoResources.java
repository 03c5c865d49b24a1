package fr.plateformecitoyens.local.seed;

import fr.plateformecitoyens.core.booking.AppointmentType;
import fr.plateformecitoyens.core.booking.BookingRules;
import fr.plateformecitoyens.core.booking.OpeningCalendar;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.booking.TimeRange;
import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo commune's bookable resources: an identity-documents service with three desks, a civil-status
 * service with one, the village hall (approval needed, a fee) and a meeting room.
 */
final class DemoResources {

    private static final String TOWN_HALL = "Mairie de Beaumont-des-Sources, 1 place de la Mairie, "
            + "37999 Beaumont-des-Sources";

    private DemoResources() {
    }

    static List<Resource> of(String tenantId) {
        OpeningCalendar townHallHours = new OpeningCalendar(weekdays(List.of(TimeRange.of("08:30", "12:00"),
                TimeRange.of("13:30", "17:00")), TimeRange.of("09:00", "12:00")), Map.of(), false);
        Resource identity = new Resource(tenantId, "passeports-cni", Resource.Kind.APPOINTMENT_SERVICE,
                "Passeports et cartes d'identité",
                        "Dépôt et retrait des demandes de passeport et de carte nationale "
                        + "d'identité. Munissez-vous de votre pré-demande en ligne.",
                TOWN_HALL, 3, 15, townHallHours, new BookingRules(120, 60, 24, 60, false),
                List.of(new AppointmentType("depot-cni", "Dépôt d'une demande de carte d'identité", 15),
                        new AppointmentType("depot-passeport", "Dépôt d'une demande de passeport", 15),
                        new AppointmentType("depot-cni-passeport", "Dépôt carte d'identité et passeport", 30),
                        new AppointmentType("retrait", "Retrait d'un titre", 15)),
                0, List.of(), Set.of(), 0);
        Resource civilStatus = new Resource(tenantId, "etat-civil-rdv", Resource.Kind.APPOINTMENT_SERVICE,
                "État civil", "Dossiers de mariage et de PACS, reconnaissance d'un enfant.", TOWN_HALL, 1, 30,
                townHallHours, new BookingRules(1440, 90, 48, 60, false),
                List.of(new AppointmentType("dossier-mariage", "Dépôt d'un dossier de mariage", 60),
                        new AppointmentType("pacs", "Enregistrement d'un PACS", 30),
                        new AppointmentType("reconnaissance", "Reconnaissance d'un enfant", 30)),
                0, List.of(), Set.of(), 0);
        Map<DayOfWeek, List<TimeRange>> everyDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            everyDay.put(day, List.of(TimeRange.of("08:00", "23:00")));
        }
        Resource hall = new Resource(tenantId, "salle-des-fetes", Resource.Kind.ROOM, "Salle des fêtes",
                "Grande salle avec cuisine équipée et scène, pour les fêtes de famille et les manifestations.",
                "Salle des fêtes, 5 allée des Tilleuls, 37999 Beaumont-des-Sources", 1, 60,
                new OpeningCalendar(everyDay, Map.of(), true), new BookingRules(7 * 1440, 365, 14 * 24, 15 * 60, true),
                List.of(), 250, List.of("cuisine équipée", "scène", "sonorisation", "120 chaises"),
                Set.of(Resource.Audience.RESIDENT, Resource.Audience.ASSOCIATION), 25000);
        Resource meeting = new Resource(tenantId, "salle-reunion", Resource.Kind.ROOM, "Salle de réunion",
                "Salle de réunion pour les associations de la commune.", TOWN_HALL, 1, 60,
                new OpeningCalendar(everyDay, Map.of(), false), new BookingRules(1440, 90, 24, 4 * 60, false),
                List.of(), 20, List.of("vidéoprojecteur", "tableau blanc"), Set.of(Resource.Audience.ASSOCIATION), 0);
        return List.of(identity, civilStatus, hall, meeting);
    }

    private static Map<DayOfWeek, List<TimeRange>> weekdays(List<TimeRange> hours, TimeRange saturday) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, hours);
        }
        week.put(DayOfWeek.SATURDAY, List.of(saturday));
        return week;
    }
}
