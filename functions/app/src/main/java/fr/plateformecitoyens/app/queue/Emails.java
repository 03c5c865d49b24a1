package fr.plateformecitoyens.app.queue;

import fr.plateformecitoyens.core.booking.Booking;
import fr.plateformecitoyens.core.booking.Resource;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.message.Message;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The e-mails citizens receive, in French, as plain text and as simple HTML (every value escaped): about
 * their requests, and about their bookings (see {@link #booking}).
 */
final class Emails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRANCE);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H'h'mm", Locale.FRANCE);

    /** One e-mail ready to send. */
    record Mail(String subject, String text, String html) {
    }

    private Emails() {
    }

    static Mail acknowledgement(CitizenRequest r, String portalUrl) {
        return acknowledgement(r, portalUrl, null);
    }

    /** @param attached the name of the PDF acknowledgement attached to the e-mail, or null when none is */
    static Mail acknowledgement(CitizenRequest r, String portalUrl, String attached) {
        List<String> lines = new ArrayList<>();
        lines.add(greeting(r));
        lines.add("Nous avons bien reçu votre demande « " + r.procedureTitle() + " », enregistrée sous la référence "
                + r.reference() + ".");
        lines.add("Accusé de réception :");
        lines.addAll(r.acknowledgement().mentions().stream().map(m -> "- " + m).toList());
        if (attached != null) {
            lines.add("Cet accusé de réception est joint à ce message au format PDF (" + attached + ") : "
                    + "conservez-le.");
        }
        lines.add("Vous pouvez suivre votre demande dans « Mes demandes » : " + link(portalUrl, r));
        return compose("Accusé de réception de votre demande " + r.reference(), lines);
    }

    /** The e-mail about one change of status, {@code change}, which may not be the latest one. */
    static Mail statusChanged(CitizenRequest r, Transition change, String portalUrl) {
        return statusChanged(r, change, portalUrl, null);
    }

    /** @param attached the name of the PDF attached (the document of an implicit decision), or null */
    static Mail statusChanged(CitizenRequest r, Transition change, String portalUrl, String attached) {
        List<String> lines = new ArrayList<>();
        lines.add(greeting(r));
        lines.add("Votre demande « " + r.procedureTitle() + " » (référence " + r.reference()
                + ") a changé de statut le " + DAY.format(change.at().atZone(DecisionClock.PARIS)) + " : "
                + change.to().label() + ".");
        if (!change.note().isEmpty()) {
            boolean own = change.actorId().equals(r.applicant().id());
            lines.add((own ? "Votre message : " : "Message du service : ") + change.note());
        }
        if (change.to() == RequestStatus.INCOMPLETE) {
            lines.add("Aucun délai ne court tant que votre dossier est incomplet. Complétez votre demande depuis "
                    + "« Mes demandes » : " + link(portalUrl, r));
        }
        switch (change.to()) {
            case IMPLICITLY_ACCEPTED -> lines.add("Faute de réponse dans le délai, votre demande est réputée "
                    + "acceptée. Vous pouvez demander une attestation de cette décision implicite (article L232-3 du "
                    + "code des relations entre le public et l'administration).");
            case IMPLICITLY_REJECTED, REJECTED -> lines.add("Vous pouvez contester cette décision dans les deux "
                    + "mois : par un recours gracieux auprès du service, ou devant le tribunal administratif compétent "
                    + "(www.telerecours.fr).");
            default -> { }
        }
        if (attached != null) {
            lines.add("Le document de cette décision est joint à ce message au format PDF (" + attached + ").");
        }
        lines.add("Détail de votre demande : " + link(portalUrl, r));
        return compose("Votre demande " + r.reference() + " : " + change.to().label(), lines);
    }

    /**
     * The notice of an agent's message: who wrote and where to read it, never what it says (the portal shows
     * it to the citizen once signed in).
     */
    static Mail newMessage(CitizenRequest r, Message message, String portalUrl) {
        List<String> lines = new ArrayList<>();
        lines.add(greeting(r));
        String from = message.author().role().isBlank() ? "Le service" : message.author().role();
        lines.add("Vous avez reçu un nouveau message au sujet de votre demande « " + r.procedureTitle()
                + " » (référence " + r.reference() + "), le " + DAY.format(message.at().atZone(DecisionClock.PARIS))
                + ". Il vient de : " + from + ".");
        lines.add("Pour le lire et y répondre, connectez-vous à votre espace : " + link(portalUrl, r));
        lines.add("Pour protéger vos données, ce courriel ne reprend pas le contenu du message.");
        return compose("Nouveau message sur votre demande " + r.reference(), lines);
    }

    /**
     * What a booking e-mail says besides the booking itself.
     *
     * @param address          where it takes place (empty when unknown)
     * @param cancellableUntil until when the holder may cancel online (the start less the resource's
     *                         cut-off), or null when unknown
     * @param now              the present, in Paris, to tell whether that time has passed
     * @param calendarFile     the name of the attached .ics, or null when none is attached
     */
    record BookingFacts(String address, LocalDateTime cancellableUntil, LocalDateTime now, String calendarFile,
            String portalUrl) {
    }

    /** The e-mail telling the holder what the event did to the booking. */
    static Mail booking(DomainEvent.Type event, Booking b, BookingFacts facts) {
        boolean room = b.kind() == Resource.Kind.ROOM;
        List<String> lines = new ArrayList<>();
        lines.add(greeting(b.holderName()));
        String subject;
        switch (event) {
            case BOOKING_CONFIRMED -> {
                subject = (room ? "Réservation confirmée : " : "Rendez-vous confirmé : ") + headline(b);
                lines.add(what(b) + (room ? " est confirmée " : " est confirmé ") + "le " + when(b) + ".");
                details(lines, b, facts);
                cancellation(lines, b, facts);
                calendar(lines, b, facts, "ajoute %s à votre agenda");
            }
            case BOOKING_AWAITING_APPROVAL -> {
                subject = "Demande de réservation enregistrée : " + headline(b);
                lines.add("Votre demande de réservation de la salle « " + b.resourceName() + " » le " + when(b)
                        + " est enregistrée. Le service doit la valider : vous recevrez un message dès sa décision.");
                details(lines, b, facts);
                cancellation(lines, b, facts);
            }
            case BOOKING_RESCHEDULED -> {
                subject = (room ? "Réservation déplacée : " : "Rendez-vous déplacé : ") + headline(b);
                lines.add(what(b) + (room ? " est déplacée " : " est déplacé ") + "au " + when(b) + ".");
                details(lines, b, facts);
                cancellation(lines, b, facts);
                calendar(lines, b, facts, "met à jour %s dans votre agenda");
            }
            case BOOKING_CANCELLED -> {
                subject = (room ? "Réservation annulée : " : "Rendez-vous annulé : ") + headline(b);
                lines.add(what(b) + " prévu" + (room ? "e" : "") + " le " + when(b) + " est annulé"
                        + (room ? "e." : "."));
                lines.add("Numéro de réservation : " + b.id());
                calendar(lines, b, facts, "retire %s de votre agenda");
                lines.add((room ? "Pour réserver à nouveau : " : "Pour prendre un nouveau rendez-vous : ")
                        + facts.portalUrl() + (room ? "/#/salles" : "/#/rendez-vous"));
            }
            case BOOKING_REFUSED -> {
                subject = "Réservation refusée : " + headline(b);
                lines.add("Votre demande de réservation de la salle « " + b.resourceName() + " » le " + when(b)
                        + " n'a pas pu être acceptée.");
                if (!b.note().isBlank()) {
                    lines.add("Motif : " + b.note());
                }
                lines.add("Numéro de réservation : " + b.id() + ". Pour toute question, contactez le service en "
                        + "indiquant ce numéro.");
            }
            case BOOKING_REMINDER -> {
                subject = "Rappel : " + (room ? "réservation " : "rendez-vous ") + headline(b);
                lines.add("Nous vous rappelons " + uncapitalized(what(b)) + " le " + when(b) + ".");
                details(lines, b, facts);
                cancellation(lines, b, facts);
                calendar(lines, b, facts, "ajoute %s à votre agenda");
            }
            default -> throw new IllegalArgumentException("not a booking event: " + event);
        }
        if (b.channel() == Channel.WEB && event != DomainEvent.Type.BOOKING_CANCELLED) {
            lines.add("Votre réservation en ligne : " + facts.portalUrl() + "/#/reservations/"
                    + (room ? "room" : "appointment") + "/" + b.id());
        }
        return compose(subject, lines);
    }

    /** « Votre rendez-vous « type » auprès du service « name » » or « Votre réservation de la salle … ». */
    private static String what(Booking b) {
        if (b.kind() == Resource.Kind.ROOM) {
            return "Votre réservation de la salle « " + b.resourceName() + " »";
        }
        String type = b.typeName().isBlank() ? "" : " « " + b.typeName() + " »";
        return "Votre rendez-vous" + type + " auprès du service « " + b.resourceName() + " »";
    }

    private static String uncapitalized(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** The subject's summary: the room's name or the appointment's type, then the day and time. */
    private static String headline(Booking b) {
        String name = b.kind() == Resource.Kind.ROOM || b.typeName().isBlank() ? b.resourceName() : b.typeName();
        return name + ", " + day(b.start()) + " à " + TIME.format(b.start());
    }

    /** « jeudi 15 janvier 2026 de 9h30 à 10h00 », or both days when it ends on another day. */
    static String when(Booking b) {
        if (b.start().toLocalDate().equals(b.end().toLocalDate())) {
            return day(b.start()) + " de " + TIME.format(b.start()) + " à " + TIME.format(b.end());
        }
        return day(b.start()) + " à " + TIME.format(b.start()) + " au " + day(b.end()) + " à " + TIME.format(b.end());
    }

    /** « jeudi 15 janvier 2026 », with « 1er » for the first of the month. */
    static String day(LocalDateTime at) {
        int date = at.getDayOfMonth();
        return WEEKDAY.format(at) + " " + (date == 1 ? "1er" : String.valueOf(date)) + " " + MONTH_YEAR.format(at);
    }

    private static void details(List<String> lines, Booking b, BookingFacts facts) {
        if (facts.address() != null && !facts.address().isBlank()) {
            lines.add("Adresse : " + facts.address());
        }
        if (b.kind() == Resource.Kind.ROOM && !b.note().isBlank()) {
            lines.add("Objet : " + b.note());
        }
        lines.add("Numéro de réservation : " + b.id());
    }

    /** Until when the holder may cancel online, or whom to call once that time has passed. */
    private static void cancellation(List<String> lines, Booking b, BookingFacts facts) {
        LocalDateTime until = facts.cancellableUntil();
        if (b.channel() == Channel.WEB && until != null && facts.now().isBefore(until)) {
            lines.add("Vous pouvez l'annuler en ligne jusqu'au " + day(until) + " à " + TIME.format(until)
                    + ". Passé ce délai, contactez le service.");
        } else {
            lines.add("En cas d'empêchement, prévenez le service en indiquant ce numéro.");
        }
    }

    /** @param action what the file does, {@code %s} standing for the booking */
    private static void calendar(List<String> lines, Booking b, BookingFacts facts, String action) {
        if (facts.calendarFile() != null) {
            String it = b.kind() == Resource.Kind.ROOM ? "cette réservation" : "ce rendez-vous";
            lines.add("Le fichier joint (" + facts.calendarFile() + ") " + String.format(action, it) + ".");
        }
    }

    private static String greeting(CitizenRequest r) {
        return greeting(r.applicant().displayName());
    }

    private static String greeting(String name) {
        return name == null || name.isBlank() ? "Bonjour," : "Bonjour " + name.strip() + ",";
    }

    private static String link(String portalUrl, CitizenRequest r) {
        return portalUrl + "/#/demandes/" + r.reference();
    }

    static Mail compose(String subject, List<String> lines) {
        String signature = "Ce message vous est envoyé automatiquement ; merci de ne pas y répondre.";
        String text = String.join("\n\n", lines) + "\n\n" + signature + "\n";
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"fr\"><body>");
        for (String line : lines) {
            html.append("<p>").append(escape(line)).append("</p>");
        }
        html.append("<p><small>").append(escape(signature)).append("</small></p></body></html>");
        return new Mail(subject, text, html.toString());
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
