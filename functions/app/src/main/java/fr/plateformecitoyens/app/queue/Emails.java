package fr.plateformecitoyens.app.queue;

import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Transition;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The e-mails citizens receive, in French, as plain text and as simple HTML (every value escaped). */
final class Emails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    /** One e-mail ready to send. */
    record Mail(String subject, String text, String html) {
    }

    private Emails() {
    }

    static Mail acknowledgement(CitizenRequest r, String portalUrl) {
        List<String> lines = new ArrayList<>();
        lines.add(greeting(r));
        lines.add("Nous avons bien reçu votre demande « " + r.procedureTitle() + " », enregistrée sous la référence "
                + r.reference() + ".");
        lines.add("Accusé de réception :");
        lines.addAll(r.acknowledgement().mentions().stream().map(m -> "- " + m).toList());
        lines.add("Vous pouvez suivre votre demande dans « Mes demandes » : " + link(portalUrl, r));
        return compose("Accusé de réception de votre demande " + r.reference(), lines);
    }

    static Mail statusChanged(CitizenRequest r, String portalUrl) {
        Transition last = r.history().get(r.history().size() - 1);
        List<String> lines = new ArrayList<>();
        lines.add(greeting(r));
        lines.add("Votre demande « " + r.procedureTitle() + " » (référence " + r.reference() + ") a changé de statut le "
                + DAY.format(last.at().atZone(DecisionClock.PARIS)) + " : " + r.status().label() + ".");
        if (!last.note().isEmpty()) {
            lines.add("Message du service : " + last.note());
        }
        switch (r.status()) {
            case IMPLICITLY_ACCEPTED -> lines.add("Faute de réponse dans le délai, votre demande est réputée acceptée. "
                    + "Vous pouvez demander une attestation de cette décision implicite (article L232-3 du code des "
                    + "relations entre le public et l'administration).");
            case IMPLICITLY_REJECTED, REJECTED -> lines.add("Vous pouvez contester cette décision dans les deux mois : "
                    + "par un recours gracieux auprès du service, ou devant le tribunal administratif compétent "
                    + "(www.telerecours.fr).");
            default -> { }
        }
        lines.add("Détail de votre demande : " + link(portalUrl, r));
        return compose("Votre demande " + r.reference() + " : " + r.status().label(), lines);
    }

    private static String greeting(CitizenRequest r) {
        String name = r.applicant().displayName();
        return name.isEmpty() ? "Bonjour," : "Bonjour " + name + ",";
    }

    private static String link(String portalUrl, CitizenRequest r) {
        return portalUrl + "/#/demandes/" + r.reference();
    }

    private static Mail compose(String subject, List<String> lines) {
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
