package fr.plateformecitoyens.core.legal;

import fr.plateformecitoyens.core.legal.LegalDocument.Kind;
import fr.plateformecitoyens.core.legal.LegalDocument.Section;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import fr.plateformecitoyens.core.tenant.HandlingService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the legal documents of a request, in French, from what the request holds immutably: the stored
 * acknowledgement (receipt, service, regime, date, legal basis) and, for an implicit decision, the
 * transition the decision clock recorded. Nothing read here changes once written, so a document rendered
 * today and one rendered next year are the same file.
 */
public final class LegalDocuments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRANCE);
    private static final String CRPA = "code des relations entre le public et l'administration";
    private static final String FOOTER = "Document établi automatiquement par la plateforme de démarches en ligne "
            + "de la collectivité. Conservez-le : il fait foi de la date de réception de votre demande.";

    private LegalDocuments() {
    }

    /** The documents a request has now: its acknowledgement always, the document of an implicit decision. */
    public static List<Kind> available(CitizenRequest request) {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.ACKNOWLEDGEMENT));
        if (request.status() == RequestStatus.IMPLICITLY_ACCEPTED) {
            kinds.add(Kind.IMPLICIT_ACCEPTANCE);
        } else if (request.status() == RequestStatus.IMPLICITLY_REJECTED) {
            kinds.add(Kind.IMPLICIT_REJECTION);
        }
        return kinds;
    }

    /** The document of that kind, or empty when the request does not have it (see {@link #available}). */
    public static Optional<LegalDocument> of(CitizenRequest request, Kind kind) {
        if (!available(request).contains(kind)) {
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case ACKNOWLEDGEMENT -> acknowledgement(request);
            case IMPLICIT_ACCEPTANCE, IMPLICIT_REJECTION -> implicitDecision(request, kind);
        });
    }

    /** The acknowledgement of receipt with every mention of CRPA R112-11-1. */
    public static LegalDocument acknowledgement(CitizenRequest r) {
        Acknowledgement a = r.acknowledgement();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(null, identity(r)));
        sections.add(new Section("Date et heure de réception", List.of("Votre demande a été reçue le "
                + day(a.receivedAt()) + " à " + TIME.format(a.receivedAt().atZone(DecisionClock.PARIS))
                + " (heure de Paris).")));
        sections.add(new Section("Service chargé de votre demande", service(a.service())));
        boolean sva = a.rule() == SilenceRule.SVA;
        String meaning = sva ? "acceptée (décision implicite d'acceptation)"
                : "rejetée (décision implicite de rejet)";
        List<String> silence = new ArrayList<>();
        silence.add((sva ? "Silence vaut acceptation" : "Silence vaut rejet") + " : le délai est de "
                + a.periodWords() + ".");
        silence.add(a.implicitDecisionDate()
                .map(d -> "Si l'administration ne vous a pas répondu le " + DAY.format(d) + ", votre demande sera "
                        + "réputée " + meaning + ", à condition que votre dossier soit complet.")
                .orElse("Votre dossier est incomplet : aucun délai ne court tant que les pièces manquantes ne "
                        + "sont pas reçues. La date à laquelle votre demande sera réputée " + meaning
                        + " vous sera indiquée à leur réception."));
        silence.add("Si des pièces manquent à votre dossier, nous vous les demanderons ; le délai ne court "
                + "qu'à compter de leur réception (article L114-5 du " + CRPA + ").");
        sections.add(new Section("Effet du silence de l'administration", silence));
        if (sva) {
            sections.add(new Section("Attestation de décision implicite", List.of("Vous pourrez alors obtenir, sur "
                    + "simple demande, une attestation de cette décision implicite d'acceptation (article L232-3 du "
                    + CRPA + "). Elle est aussi disponible dans « Mes demandes ».")));
        } else {
            sections.add(new Section("Voies et délais de recours", appeals(a.service())));
        }
        sections.add(new Section("Base légale", List.of(a.legalBasis() + ".")));
        sections.add(new Section(null, List.of("Accusé de réception délivré le " + day(a.issuedAt())
                + " en application des articles L112-11 et R112-11-1 du " + CRPA + ".")));
        return new LegalDocument(Kind.ACKNOWLEDGEMENT, r.reference(), a.service().name(), Kind.ACKNOWLEDGEMENT.label(),
                sections, FOOTER, a.issuedAt());
    }

    private static LegalDocument implicitDecision(CitizenRequest r, Kind kind) {
        Acknowledgement a = r.acknowledgement();
        RequestStatus status = kind == Kind.IMPLICIT_ACCEPTANCE ? RequestStatus.IMPLICITLY_ACCEPTED
                : RequestStatus.IMPLICITLY_REJECTED;
        Transition decision = r.lastTransitionTo(status).orElseThrow();
        LocalDate born = r.implicitDecisionDate().orElse(DecisionClock.dayOf(decision.at()));
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(null, identity(r)));
        List<String> body = new ArrayList<>();
        if (kind == Kind.IMPLICIT_ACCEPTANCE) {
            body.add("Le service désigné ci-dessous atteste que la demande référencée ci-dessus, reçue le "
                    + day(a.receivedAt()) + ", a fait l'objet d'une décision implicite d'acceptation, née le "
                    + DAY.format(born) + " du silence gardé par l'administration pendant " + a.periodWords()
                    + ".");
            body.add("La présente attestation est délivrée en application de l'article L232-3 du " + CRPA + ".");
        } else {
            body.add("La demande référencée ci-dessus, reçue le " + day(a.receivedAt()) + ", a fait l'objet d'une "
                    + "décision implicite de rejet, née le " + DAY.format(born) + " du silence gardé par "
                    + "l'administration pendant " + a.periodWords() + ".");
            body.add("Vous pouvez demander la communication des motifs de cette décision dans le délai du recours "
                    + "contentieux ; ils vous seront communiqués dans le mois qui suit votre demande, et le délai de "
                    + "recours est alors prolongé jusqu'à deux mois après cette communication (article L232-4 du "
                    + CRPA + ").");
        }
        sections.add(new Section(kind == Kind.IMPLICIT_ACCEPTANCE ? "Attestation" : "Décision", body));
        if (kind == Kind.IMPLICIT_REJECTION) {
            sections.add(new Section("Voies et délais de recours", appeals(a.service())));
        }
        sections.add(new Section("Service chargé de votre demande", service(a.service())));
        sections.add(new Section("Base légale", List.of(a.legalBasis() + ".")));
        sections.add(new Section(null, List.of("Document délivré le " + day(decision.at()) + ".")));
        return new LegalDocument(kind, r.reference(), a.service().name(), kind.label(), sections,
                "Document établi automatiquement par la plateforme de démarches en ligne de la collectivité.",
                decision.at());
    }

    private static List<String> identity(CitizenRequest r) {
        List<String> lines = new ArrayList<>();
        lines.add("Référence : " + r.reference());
        lines.add("Démarche : " + r.procedureTitle());
        if (!r.applicant().displayName().isEmpty()) {
            lines.add("Demandeur : " + r.applicant().displayName());
        }
        lines.add("Mode de dépôt : " + switch (r.channel()) {
            case WEB -> "en ligne";
            case COUNTER -> "au guichet";
            case PHONE -> "par téléphone";
            case POST -> "par courrier";
        });
        return lines;
    }

    private static List<String> service(HandlingService s) {
        List<String> lines = new ArrayList<>();
        lines.add(s.name());
        lines.add("Adresse : " + s.address());
        lines.add("Téléphone : " + s.phone());
        if (s.email() != null && !s.email().isBlank()) {
            lines.add("Courriel : " + s.email());
        }
        return lines;
    }

    private static List<String> appeals(HandlingService s) {
        return List.of("Vous pouvez contester une décision de rejet dans un délai de deux mois à compter de la date "
                        + "à laquelle elle est née :",
                "- par un recours gracieux, adressé à l'autorité qui l'a prise, auprès du service « " + s.name()
                        + " » à l'adresse ci-dessus ;",
                "- par un recours contentieux devant le tribunal administratif territorialement compétent, y compris "
                        + "en ligne par l'application Télérecours citoyens (www.telerecours.fr).",
                "Un recours gracieux formé dans ce délai le prolonge : le délai du recours contentieux court à "
                        + "nouveau à compter de la réponse, ou du rejet implicite né du silence gardé deux mois "
                        + "sur ce recours (article L411-2 du " + CRPA + ").");
    }

    private static String day(Instant instant) {
        return DAY.format(instant.atZone(DecisionClock.PARIS));
    }
}
