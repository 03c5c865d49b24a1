package fr.plateformecitoyens.core.procedure;

import static fr.plateformecitoyens.core.procedure.FieldType.ADDRESS;
import static fr.plateformecitoyens.core.procedure.FieldType.DATE;
import static fr.plateformecitoyens.core.procedure.FieldType.DOCUMENT;
import static fr.plateformecitoyens.core.procedure.FieldType.HOUSEHOLD_MEMBER;
import static fr.plateformecitoyens.core.procedure.FieldType.LONG_TEXT;
import static fr.plateformecitoyens.core.procedure.FieldType.MULTIPLE_CHOICE;
import static fr.plateformecitoyens.core.procedure.FieldType.NUMBER;
import static fr.plateformecitoyens.core.procedure.FieldType.SINGLE_CHOICE;
import static fr.plateformecitoyens.core.procedure.FieldType.TEXT;
import static fr.plateformecitoyens.core.procedure.FieldType.YES_NO;

import java.util.List;

/**
 * The default démarches of a commune beyond civil status: registrations of a household's child (crèche, école
 * maternelle, cantine, accueil périscolaire) and the occupation of public space. Each carries the regime the
 * law gives it (docs/legal.md).
 */
public final class LocalServicesCatalogue {

    public static final String CRECHE = "inscription-creche";
    public static final String NURSERY_SCHOOL = "inscription-ecole-maternelle";
    public static final String CANTEEN = "inscription-cantine";
    public static final String AFTER_SCHOOL = "inscription-periscolaire";
    public static final String PUBLIC_SPACE = "occupation-domaine-public";

    /** Registrations to a service whose places are limited: silence is rejection after four months. */
    static final String CAPACITY_BASIS = "Décret n° 2016-625 du 19 mai 2016, annexe (inscription à un service "
            + "public dont l'accès est limité par les capacités d'accueil), pris pour l'article L231-5 du code des "
            + "relations entre le public et l'administration";
    static final String SCHOOL_BASIS = "Code de l'éducation, articles L131-1 et L131-5 ; code des relations "
            + "entre le public et l'administration, article L231-1";
    static final String PUBLIC_SPACE_BASIS = "Code général de la propriété des personnes publiques, article "
            + "L2122-1 (pas d'occupation sans titre ; Conseil d'État, 21 mars 2003, n° 189191 : pas d'autorisation "
            + "implicite) ; code des relations entre le public et l'administration, article L231-4";
    static final String DPO = "dpo@mairie.example.fr — Délégué à la protection des données, à l'adresse de la mairie";

    private LocalServicesCatalogue() {
    }

    public static List<Procedure> forCommune(String tenantId, String childhoodService, String publicSpaceService) {
        return List.of(creche(tenantId, childhoodService), nurserySchool(tenantId, childhoodService),
                canteen(tenantId, childhoodService), afterSchool(tenantId, childhoodService),
                publicSpace(tenantId, publicSpaceService));
    }

    private static Field child() {
        return Field.of("enfant", "Enfant concerné", HOUSEHOLD_MEMBER, true).accepting(0, "child")
                .withHelp("Choisissez parmi les enfants de « Mon foyer ». Ajoutez-y l'enfant d'abord s'il n'y "
                        + "figure pas.");
    }

    private static Field proofOfAddress() {
        return Field.of("justificatifDomicile", "Justificatif de domicile de moins de trois mois", DOCUMENT, true)
                .accepting(5L * 1024 * 1024, "application/pdf", "image/jpeg", "image/png")
                .withHelp("Facture d'énergie, de téléphone, avis d'imposition ou quittance de loyer. PDF, JPEG ou "
                        + "PNG, 5 Mo au plus.");
    }

    private static ProcedureDetails childhoodDetails(String basis, String... documents) {
        return new ProcedureDetails(List.of(Audience.CITIZENS), List.of(documents), java.util.Optional.empty(), 36,
                basis, DPO);
    }

    public static Procedure creche(String tenantId, String serviceId) {
        List<Field> fields = List.of(child(),
                Field.of("dateEntree", "Date d'entrée souhaitée", DATE, true),
                Field.of("joursAccueil", "Jours d'accueil souhaités", MULTIPLE_CHOICE, true).withChoices(
                        new Choice("lundi", "Lundi"), new Choice("mardi", "Mardi"),
                        new Choice("mercredi", "Mercredi"), new Choice("jeudi", "Jeudi"),
                        new Choice("vendredi", "Vendredi")),
                Field.of("heuresParSemaine", "Nombre d'heures d'accueil par semaine", NUMBER, true),
                Field.of("situation", "Situation des parents", SINGLE_CHOICE, true).withChoices(
                        new Choice("deux_actifs", "Les deux parents travaillent ou étudient"),
                        new Choice("un_actif", "Un parent travaille ou étudie"),
                        new Choice("recherche", "En recherche d'emploi ou en formation"),
                        new Choice("autre", "Autre situation")),
                proofOfAddress(),
                Field.of("remarques", "Informations utiles (santé, fratrie accueillie…)", LONG_TEXT, false)
                        .withMaxLength(1000));
        return new Procedure(tenantId, CRECHE, 1, "Inscription en crèche",
                "Demandez une place en crèche municipale pour votre enfant. Les places sont attribuées en "
                        + "commission selon les capacités d'accueil.", "petite-enfance", serviceId,
                new LegalRegime(SilenceRule.SVR, 4, false, CAPACITY_BASIS, PeriodUnit.MONTHS), fields,
                List.of(new Section("L'enfant", List.of("enfant", "dateEntree")),
                        new Section("L'accueil souhaité", List.of("joursAccueil", "heuresParSemaine", "situation")),
                        new Section("Pièces et informations", List.of("justificatifDomicile", "remarques"))),
                childhoodDetails("Délibération du conseil municipal fixant le règlement de fonctionnement des "
                        + "établissements d'accueil du jeune enfant (code de la santé publique, article R2324-30)",
                        "Justificatif de domicile"));
    }

    public static Procedure nurserySchool(String tenantId, String serviceId) {
        List<Field> fields = List.of(child(),
                Field.of("rentree", "Année scolaire", SINGLE_CHOICE, true).withChoices(
                        new Choice("prochaine", "Rentrée prochaine"), new Choice("en_cours", "Année en cours")),
                Field.of("niveau", "Niveau", SINGLE_CHOICE, true).withChoices(
                        new Choice("ps", "Petite section"), new Choice("ms", "Moyenne section"),
                        new Choice("gs", "Grande section")),
                Field.of("ecoleActuelle", "L'enfant est-il déjà scolarisé ailleurs ?", YES_NO, true),
                Field.of("nomEcoleActuelle", "École fréquentée", TEXT, true).withMaxLength(150)
                        .visibleWhen("ecoleActuelle", "true")
                        .withHelp("Un certificat de radiation vous sera demandé par l'école."),
                proofOfAddress(),
                Field.of("vaccinations", "Vaccinations obligatoires à jour (copie du carnet de santé)", DOCUMENT, true)
                        .accepting(5L * 1024 * 1024, "application/pdf", "image/jpeg", "image/png"));
        return new Procedure(tenantId, NURSERY_SCHOOL, 1, "Inscription à l'école maternelle",
                "Inscrivez votre enfant à l'école maternelle publique de la commune : l'instruction est "
                        + "obligatoire dès trois ans. La mairie vous délivre le certificat d'inscription.",
                "scolaire", serviceId, LegalRegime.silenceMeansAcceptance(2).withBasis(SCHOOL_BASIS), fields,
                List.of(new Section("L'enfant", List.of("enfant", "rentree", "niveau")),
                        new Section("Sa scolarité", List.of("ecoleActuelle", "nomEcoleActuelle")),
                        new Section("Pièces justificatives", List.of("justificatifDomicile", "vaccinations"))),
                childhoodDetails("Code de l'éducation, articles L131-5 et L131-6 (liste des enfants soumis à "
                        + "l'obligation scolaire)", "Justificatif de domicile", "Carnet de santé (vaccinations)"));
    }

    public static Procedure canteen(String tenantId, String serviceId) {
        List<Field> fields = List.of(child(),
                Field.of("ecole", "École fréquentée", TEXT, true).withMaxLength(150),
                Field.of("jours", "Jours de restauration", MULTIPLE_CHOICE, true).withChoices(
                        new Choice("lundi", "Lundi"), new Choice("mardi", "Mardi"),
                        new Choice("jeudi", "Jeudi"), new Choice("vendredi", "Vendredi")),
                Field.of("regime", "Repas", SINGLE_CHOICE, true).withChoices(
                        new Choice("standard", "Menu standard"), new Choice("sans_viande", "Menu sans viande")),
                Field.of("allergie", "Votre enfant a-t-il une allergie alimentaire ?", YES_NO, true),
                Field.of("pai", "Projet d'accueil individualisé (PAI)", DOCUMENT, false)
                        .accepting(5L * 1024 * 1024, "application/pdf").visibleWhen("allergie", "true")
                        .withHelp("Joignez le PAI signé par le médecin, s'il existe (PDF, 5 Mo au plus)."));
        return new Procedure(tenantId, CANTEEN, 1, "Inscription à la cantine scolaire",
                "Inscrivez votre enfant au restaurant scolaire. Les repas vous sont facturés chaque mois.",
                "scolaire", serviceId, new LegalRegime(SilenceRule.SVR, 4, false, CAPACITY_BASIS, PeriodUnit.MONTHS),
                fields, List.of(new Section("L'enfant", List.of("enfant", "ecole")),
                        new Section("Les repas", List.of("jours", "regime", "allergie", "pai"))),
                childhoodDetails("Délibération du conseil municipal fixant le règlement de la restauration "
                        + "scolaire (code de l'éducation, article L131-13)"));
    }

    public static Procedure afterSchool(String tenantId, String serviceId) {
        List<Field> fields = List.of(child(),
                Field.of("ecole", "École fréquentée", TEXT, true).withMaxLength(150),
                Field.of("temps", "Temps d'accueil", MULTIPLE_CHOICE, true).withChoices(
                        new Choice("matin", "Le matin avant la classe"), new Choice("soir", "Le soir après la classe"),
                        new Choice("mercredi", "Le mercredi")),
                Field.of("personnesAutorisees", "Personnes autorisées à venir chercher l'enfant", LONG_TEXT, true)
                        .withMaxLength(500).withHelp("Nom, prénom et lien avec l'enfant de chaque personne."));
        return new Procedure(tenantId, AFTER_SCHOOL, 1, "Inscription à l'accueil périscolaire",
                "Inscrivez votre enfant à l'accueil du matin, du soir ou du mercredi.", "scolaire", serviceId,
                new LegalRegime(SilenceRule.SVR, 4, false, CAPACITY_BASIS, PeriodUnit.MONTHS), fields,
                List.of(new Section("L'enfant", List.of("enfant", "ecole")),
                        new Section("L'accueil", List.of("temps", "personnesAutorisees"))),
                childhoodDetails("Délibération du conseil municipal fixant le règlement de l'accueil périscolaire "
                        + "(code de l'action sociale et des familles, article R227-1)"));
    }

    public static Procedure publicSpace(String tenantId, String serviceId) {
        List<Field> fields = List.of(
                Field.of("demandeur", "Vous faites la demande", SINGLE_CHOICE, true).withChoices(
                        new Choice("particulier", "En tant que particulier"),
                        new Choice("entreprise", "Pour une entreprise"),
                        new Choice("association", "Pour une association")),
                Field.of("raisonSociale", "Nom de l'entreprise ou de l'association", TEXT, true).withMaxLength(150)
                        .visibleWhen("demandeur", "entreprise", "association"),
                Field.of("objet", "Objet de l'occupation", SINGLE_CHOICE, true).withChoices(
                        new Choice("terrasse", "Terrasse ou étalage"),
                        new Choice("chantier", "Échafaudage, benne ou dépôt de matériaux"),
                        new Choice("demenagement", "Stationnement pour un déménagement"),
                        new Choice("evenement", "Manifestation ou événement")),
                Field.of("adresse", "Adresse de l'occupation", ADDRESS, true),
                Field.of("debut", "Premier jour", DATE, true),
                Field.of("fin", "Dernier jour", DATE, true),
                Field.of("surface", "Surface occupée (m²)", NUMBER, true),
                Field.of("plan", "Plan ou photo de l'emplacement", DOCUMENT, false)
                        .accepting(5L * 1024 * 1024, "application/pdf", "image/jpeg", "image/png"));
        return new Procedure(tenantId, PUBLIC_SPACE, 1, "Occupation du domaine public",
                "Demandez l'autorisation d'occuper temporairement la voie publique : terrasse, échafaudage, benne, "
                        + "déménagement ou manifestation. Une redevance peut être due selon les tarifs votés par le "
                        + "conseil municipal.", "voirie", serviceId,
                LegalRegime.silenceMeansRejection(2, PUBLIC_SPACE_BASIS), fields,
                List.of(new Section("Le demandeur", List.of("demandeur", "raisonSociale")),
                        new Section("L'occupation", List.of("objet", "adresse", "debut", "fin", "surface", "plan"))),
                new ProcedureDetails(List.of(Audience.CITIZENS, Audience.BUSINESSES, Audience.ASSOCIATIONS),
                        List.of("Plan ou photo de l'emplacement (conseillé)"), java.util.Optional.empty(), 60,
                        "Code général de la propriété des personnes publiques, articles L2122-1 et L2125-1", DPO));
    }
}
