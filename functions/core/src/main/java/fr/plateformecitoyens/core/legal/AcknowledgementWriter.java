package fr.plateformecitoyens.core.legal;

import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Writes the acknowledgement of receipt of a complete request, in French, with the mentions of R112-11-1. */
public final class AcknowledgementWriter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRANCE);

    private AcknowledgementWriter() {
    }

    public static Acknowledgement write(Tenant tenant, Procedure procedure, HandlingService service,
            Instant receivedAt, Instant issuedAt) {
        return write(tenant, procedure, service, receivedAt, issuedAt, false);
    }

    /**
     * @param byLetter the request is a letter: its date of receipt is the day it arrived, and no time of day
     *                 is stated, since none is known
     */
    public static Acknowledgement write(Tenant tenant, Procedure procedure, HandlingService service,
            Instant receivedAt, Instant issuedAt, boolean byLetter) {
        LocalDate decisionDate = DecisionClock.implicitDecisionDate(receivedAt, procedure.regime());
        List<String> mentions = new ArrayList<>();
        mentions.add("Votre demande « " + procedure.title() + " » a été reçue le "
                + DAY.format(receivedAt.atZone(DecisionClock.PARIS))
                + (byLetter ? ", par courrier." : " à " + TIME.format(receivedAt.atZone(DecisionClock.PARIS)) + "."));
        mentions.add("Elle est traitée par : " + service.name() + ", " + service.address() + ", téléphone "
                + service.phone() + ", courriel " + service.email() + ".");
        String day = DAY.format(decisionDate);
        if (procedure.regime().rule() == SilenceRule.SVA) {
            mentions.add("Si l'administration ne vous a pas répondu le " + day + ", votre demande sera réputée "
                    + "acceptée (décision implicite d'acceptation), à condition que votre dossier soit complet.");
            mentions.add("Vous pourrez alors obtenir, sur simple demande, une attestation de cette décision "
                    + "implicite (article L232-3 du code des relations entre le public et l'administration).");
        } else {
            mentions.add("Si l'administration ne vous a pas répondu le " + day + ", votre demande sera réputée "
                    + "rejetée (décision implicite de rejet), à condition que votre dossier soit complet.");
            mentions.add("Vous pourrez contester ce rejet dans les deux mois qui suivent : par un recours gracieux "
                    + "auprès de " + tenant.name() + ", ou par un recours contentieux devant le tribunal "
                    + "administratif compétent, y compris en ligne par l'application Télérecours citoyens "
                    + "(www.telerecours.fr). Dans ce délai, vous pouvez demander les motifs du rejet "
                    + "(article L232-4 du même code).");
        }
        mentions.add("Si des pièces manquent à votre dossier, nous vous les demanderons ; le délai ne court "
                + "qu'à compter de leur réception (article L114-5 du même code).");
        mentions.add("Base légale du délai : " + procedure.regime().legalBasis() + ".");
        return new Acknowledgement(receivedAt, service, procedure.regime().rule(), procedure.regime().periodMonths(),
                Optional.of(decisionDate), procedure.regime().legalBasis(), mentions, issuedAt,
                procedure.regime().unit());
    }
}
