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
        Optional<Report> stored = services.reportStore().find(event.reference());
        if (stored.isEmpty()) {
            Log.warn("event about an unknown report ignored", "report", event.reference());
            return;
        }
        Report report = stored.get();
        if (report.reporter().email() == null) {
            Log.info("reporter has no e-mail address, nothing sent", "report", report.id());
            return;
        }
        // The change this event is about is the status change made at the event's instant (assignments and
        // escalations also move the version, so a version is no index into the history).
        Optional<ReportChange> found = report.history().stream().skip(1)
                .filter(c -> c.statusChange() && c.at().equals(event.occurredAt())).reduce((a, b) -> b);
        if (found.isEmpty()) {
            Log.warn("event about no change of status of the report, ignored", "report", report.id());
            return;
        }
        ReportChange change = found.get();
        Map<String, AttributeValue> key = Attributes.key(ReportItems.reportKey(report.id()), "MAIL#status#v"
                + event.version());
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
