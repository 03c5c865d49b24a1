package fr.plateformecitoyens.adapters.calendar;

import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.request.Channel;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZoneLoader;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The iCalendar object (RFC 5545, with the iTIP methods of RFC 5546) attached to a booking's e-mails, so
 * that the citizen's calendar adds, moves or removes the appointment.
 *
 * <p>Every version of one booking carries the same UID ({@code <booking id>@plateforme-citoyens.fr}) and
 * the booking's version as SEQUENCE: a calendar client replaces the event it holds with any later
 * sequence, so a rescheduling moves it and a cancellation ({@code METHOD:CANCEL}) removes it. DTSTAMP is
 * the booking's last change, which makes the file the same on every redelivery of one event.
 *
 * <p>Times are written in the Europe/Paris zone with its VTIMEZONE, taken from the definitions bundled in
 * ical4j's jar, the ones its time zone registry loads (ical4j.properties keeps it from ever downloading
 * newer ones). Only the observances still
 * in force are kept: bookings are never in the past century, and some clients misread a zone written
 * with its whole history.
 *
 * <p>Lines are folded at 75 octets of UTF-8 without splitting a character, as RFC 5545 section 3.1 asks
 * (ical4j folds by characters, which accented French text would push past 75 octets).
 */
public final class IcsCalendar {

    /** The product identifier written in every file. */
    public static final String PRODID = "-//Plateforme Citoyens//Reservations//FR";
    /** The domain that makes booking UIDs globally unique. */
    public static final String UID_DOMAIN = "plateforme-citoyens.fr";
    /** The MIME type of the files, without parameters. */
    public static final String CONTENT_TYPE = "text/calendar";

    private static final String ZONE = "Europe/Paris";
    private static final int FOLD_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private IcsCalendar() {
    }

    /**
     * Whether the booking's file cancels the event ({@code METHOD:CANCEL}) rather than adds or updates it
     * ({@code METHOD:REQUEST}).
     */
    public static boolean cancels(Booking booking) {
        return switch (booking.status()) {
            case CANCELLED, REFUSED, FAILED -> true;
            default -> false;
        };
    }

    /**
     * The booking as an iCalendar object, with CRLF line endings.
     *
     * @param address        where it takes place, written as LOCATION (left out when blank)
     * @param organizerEmail the platform's sender address, written as ORGANIZER (iTIP requires one)
     */
    public static String of(Booking booking, String address, String organizerEmail) {
        Objects.requireNonNull(booking.start(), "start");
        Objects.requireNonNull(booking.end(), "end");
        if (organizerEmail == null || organizerEmail.isBlank()) {
            throw new IllegalArgumentException("an iTIP request needs the organizer's e-mail address");
        }
        ZoneId zone = Zones.PARIS;
        boolean cancelled = cancels(booking);

        VEvent event = new VEvent(false);
        event.add(new Uid(booking.id() + "@" + UID_DOMAIN));
        event.add(new DtStamp(stamp(booking)));
        event.add(new DtStart<>(booking.start().atZone(zone)));
        event.add(new DtEnd<>(booking.end().atZone(zone)));
        event.add(new Summary(text(summary(booking))));
        if (address != null && !address.isBlank()) {
            event.add(new Location(text(address)));
        }
        event.add(new Description(text(description(booking))));
        event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED
                : booking.status() == Booking.Status.AWAITING_APPROVAL ? ImmutableStatus.VEVENT_TENTATIVE
                : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, Math.max(0, booking.version()))));
        Organizer organizer = new Organizer(mailto(organizerEmail));
        organizer.add(new Cn(parameter(booking.resourceName())));
        event.add(organizer);
        if (booking.holderEmail() != null && !booking.holderEmail().isBlank()) {
            Attendee attendee = new Attendee(mailto(booking.holderEmail()));
            if (booking.holderName() != null && !booking.holderName().isBlank()) {
                attendee.add(new Cn(parameter(booking.holderName())));
            }
            attendee.add(Role.REQ_PARTICIPANT);
            attendee.add(cancelled ? PartStat.DECLINED : PartStat.ACCEPTED);
            attendee.add(Rsvp.FALSE);
            event.add(attendee);
        }

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(Zones.PARIS_IN_FORCE);
        calendar.add(event);
        return fold(calendar.toString());
    }

    private static Instant stamp(Booking booking) {
        Instant at = booking.updatedAt() != null ? booking.updatedAt() : booking.createdAt();
        return at != null ? at : Instant.now();
    }

    private static String summary(Booking booking) {
        if (booking.kind() == Resource.Kind.ROOM) {
            return "Réservation : " + booking.resourceName();
        }
        return "Rendez-vous : " + (booking.typeName().isBlank() ? booking.resourceName() : booking.typeName());
    }

    private static String description(Booking booking) {
        boolean room = booking.kind() == Resource.Kind.ROOM;
        List<String> lines = new ArrayList<>();
        lines.add(room ? "Réservation de la salle « " + booking.resourceName() + " »."
                : "Rendez-vous « " + booking.typeName() + " » auprès du service « " + booking.resourceName() + " ».");
        if (room && !booking.note().isBlank() && booking.status() != Booking.Status.REFUSED) {
            lines.add("Objet : " + booking.note());
        }
        lines.add("Numéro de réservation : " + booking.id());
        switch (booking.status()) {
            case CANCELLED, FAILED -> lines.add(room ? "Cette réservation est annulée." : "Ce rendez-vous est annulé.");
            case REFUSED -> lines.add("Cette réservation a été refusée. Motif : " + booking.note());
            case AWAITING_APPROVAL -> lines.add("Cette réservation attend la validation du service.");
            default -> lines.add(booking.channel() == Channel.WEB
                    ? "Pour " + (room ? "l'annuler" : "l'annuler ou le déplacer") + " : rubrique « Mes réservations »"
                            + " du portail de votre collectivité, ou contactez le service en indiquant ce numéro."
                    : "En cas d'empêchement, prévenez le service en indiquant ce numéro.");
        }
        return String.join("\n", lines);
    }

    /**
     * Text ready for a TEXT value: line breaks made plain newlines (ical4j escapes them as {@code \n}),
     * other control characters, which RFC 5545 forbids, removed. ical4j escapes commas, semicolons and
     * backslashes itself.
     */
    static String text(String value) {
        String lines = value.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        lines.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    /** A parameter value: one line, no double quote (it could not be quoted), no control character. */
    private static String parameter(String value) {
        return text(value == null ? "" : value).replace('\n', ' ').replace('"', '\'');
    }

    private static URI mailto(String email) {
        try {
            return new URI("mailto", email.strip(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an e-mail address: " + email, e);
        }
    }

    /** Folds each content line at 75 octets of UTF-8, continuation lines starting with one space. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 40);
        for (String line : unfolded.split(CRLF, -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > FOLD_OCTETS) {
                    out.append(CRLF).append(' ');
                    octets = 1;
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append(CRLF);
        }
        return out.toString();
    }

    /** The zone, loaded once per process on first use. */
    private static final class Zones {

        /** Where ical4j's jar keeps its zone definitions (the prefix its own registry reads). */
        private static final String BUNDLED = "zoneinfo/";

        static final ZoneId PARIS = ZoneId.of(ZONE);
        static final VTimeZone PARIS_IN_FORCE = inForce(bundled(ZONE));

        private Zones() {
        }

        /**
         * The zone's definition as bundled in ical4j. The loader is what ical4j's TimeZoneRegistry reads
         * too, but the registry also compiles the whole history into java.time rules, which costs about a
         * second of a cold start and which the JDK's own Europe/Paris rules make useless here.
         */
        static VTimeZone bundled(String id) {
            try {
                VTimeZone zone = TimeZoneLoader.getInstance(BUNDLED).loadVTimeZone(id);
                if (zone == null) {
                    throw new IllegalStateException("ical4j bundles no definition of " + id);
                }
                return zone;
            } catch (IOException | ParserException e) {
                throw new IllegalStateException("ical4j's definition of " + id + " cannot be read", e);
            }
        }

        /** The zone with only its observances that repeat with no end; the whole zone if it has none. */
        static VTimeZone inForce(VTimeZone zone) {
            List<Observance> current = zone.getObservances().stream()
                    .filter(o -> o.<RRule<?>>getProperty(Property.RRULE)
                            .map(rule -> rule.getRecur().getUntil() == null).orElse(false))
                    .toList();
            if (current.isEmpty()) {
                return zone;
            }
            return new VTimeZone(new PropertyList(zone.getProperties()), new ComponentList<>(current));
        }
    }
}
