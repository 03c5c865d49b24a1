package fr.plateformecitoyens.app.queue;

import fr.plateformecitoyens.adapters.dynamo.Attributes;
import fr.plateformecitoyens.adapters.dynamo.ReportItems;
import fr.plateformecitoyens.adapters.log.Log;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.report.Report;
import fr.plateformecitoyens.core.report.ReportChange;
import fr.plateformecitoyens.core.report.ReportStatus;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The e-mail a reporter receives when their report changes status, with the agent's public note. One
 * per version of the report, claimed under {@code REPORT#id} / {@code MAIL#status#v<version>}.
 */
final class ReportMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    private final Services services;
    private final Predicate<Map<String, AttributeValue>> claim;
    private final BiConsumer<Map<String, AttributeValue>, Runnable> sendClaimed;

    ReportMails(Services services, Predicate<Map<String, AttributeValue>> claim,
            BiConsumer<Map<String, AttributeValue>, Runnable> sendClaimed) {
        this.services = services;
        this.claim = claim;
        this.sendClaimed = sendClaimed;
    }

    void handle(DomainEvent event) {
        Optional<Report> found = services.reportStore().find(event.reference());
        if (found.isEmpty()) {
            Log.warn("event about an unknown report ignored", "report", event.reference());
            return;
        }
        Report report = found.get();
        if (report.reporter().email() == null) {
            Log.info("reporter has no e-mail address, nothing sent", "report", report.id());
            return;
        }
        // The history holds one entry per version (version 1 is the filing).
        int index = (int) (event.version() > 0 ? event.version() : report.version()) - 1;
        if (index < 1 || index >= report.history().size() || !report.history().get(index).statusChange()) {
            Log.warn("event about a version that is no change of status, ignored", "report", report.id());
            return;
        }
        ReportChange change = report.history().get(index);
        Map<String, AttributeValue> key = Attributes.key(ReportItems.reportKey(report.id()), "MAIL#status#v"
                + (index + 1));
        if (!claim.test(key)) {
            Log.info("e-mail already sent or being sent, skipped", "report", report.id());
            return;
        }
        Emails.Mail mail = statusChanged(report, change, services.portalUrl());
        sendClaimed.accept(key, () -> services.mailer().send(report.reporter().email(), mail.subject(), mail.text(),
                mail.html()));
        Log.info("e-mail sent", "report", report.id(), "mail", "status");
    }

    static Emails.Mail statusChanged(Report r, ReportChange change, String portalUrl) {
        List<String> lines = new ArrayList<>();
        String name = r.reporter().displayName();
        lines.add(name.isEmpty() ? "Bonjour," : "Bonjour " + name + ",");
        lines.add("Votre signalement « " + r.categoryName() + " » (numéro " + r.id() + ") a changé de statut le "
                + DAY.format(change.at().atZone(DecisionClock.PARIS)) + " : " + change.to().label() + ".");
        if (!change.note().isEmpty()) {
            lines.add((change.to() == ReportStatus.REJECTED ? "Motif : " : "Message du service : ") + change.note());
        }
        if (change.to() == ReportStatus.RESOLVED) {
            lines.add("Merci de votre signalement. Si le problème persiste, vous pouvez en faire un nouveau.");
        }
        lines.add("Suivre votre signalement : " + portalUrl + "/#/signalements/" + r.id());
        return Emails.compose("Votre signalement " + r.id() + " : " + change.to().label(), lines);
    }
}
