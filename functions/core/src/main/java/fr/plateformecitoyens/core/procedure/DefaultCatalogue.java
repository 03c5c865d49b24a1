package fr.plateformecitoyens.core.procedure;

import static fr.plateformecitoyens.core.procedure.FieldType.DATE;
import static fr.plateformecitoyens.core.procedure.FieldType.LONG_TEXT;
import static fr.plateformecitoyens.core.procedure.FieldType.SINGLE_CHOICE;
import static fr.plateformecitoyens.core.procedure.FieldType.TEXT;

import java.util.List;

/**
 * The démarches every new tenant starts with, with the fields and the legal regime the law gives each.
 * A tenant then adapts them or adds its own.
 */
public final class DefaultCatalogue {

    public static final String CIVIL_STATUS_CERTIFICATE = "acte-etat-civil";
    public static final String GENERAL_REQUEST = "demande-generale";

    private DefaultCatalogue() {
    }

    /**
     * The démarches of a commune.
     *
     * @param civilStatusService the service that issues civil-status certificates
     * @param receptionService   the service that handles general requests
     */
    public static List<Procedure> forCommune(String tenantId, String civilStatusService, String receptionService) {
        return List.of(civilStatusCertificate(tenantId, civilStatusService),
                generalRequest(tenantId, receptionService));
    }

    /**
     * Every default démarche of a commune: civil status, the general request, the registrations of a child and
     * the occupation of public space.
     *
     * @param childhoodService   the service of crèches, schools, canteen and after-school care
     * @param publicSpaceService the service that authorises occupations of public space
     */
    public static List<Procedure> forCommune(String tenantId, String civilStatusService, String receptionService,
            String childhoodService, String publicSpaceService) {
        List<Procedure> all = new java.util.ArrayList<>(forCommune(tenantId, civilStatusService, receptionService));
        all.addAll(LocalServicesCatalogue.forCommune(tenantId, childhoodService, publicSpaceService));
        return List.copyOf(all);
    }

    /** A copy or extract of a birth, marriage or death certificate, by post or to download. */
    public static Procedure civilStatusCertificate(String tenantId, String serviceId) {
        List<Field> fields = List.of(
                Field.of("typeActe", "Type d'acte", SINGLE_CHOICE, true).withChoices(
                        new Choice("naissance", "Acte de naissance"),
                        new Choice("mariage", "Acte de mariage"),
                        new Choice("deces", "Acte de décès")),
                Field.of("document", "Document souhaité", SINGLE_CHOICE, true).withChoices(
                        new Choice("copie_integrale", "Copie intégrale"),
                        new Choice("extrait_avec_filiation", "Extrait avec filiation"),
                        new Choice("extrait_sans_filiation", "Extrait sans filiation"))
                        .withHelp("La copie intégrale et l'extrait avec filiation ne sont délivrés qu'à la "
                                + "personne concernée, à ses ascendants, descendants, conjoint ou "
                                + "représentant légal."),
                Field.of("qualite", "Vous êtes", SINGLE_CHOICE, true).withChoices(
                        new Choice("titulaire", "La personne concernée par l'acte"),
                        new Choice("parent", "Son père ou sa mère"),
                        new Choice("enfant", "Son enfant"),
                        new Choice("conjoint", "Son conjoint ou sa conjointe"),
                        new Choice("representant_legal", "Son représentant légal"),
                        new Choice("autre", "Une autre personne (extrait sans filiation uniquement)")),
                Field.of("nom", "Nom de naissance de la personne concernée", TEXT, true).withMaxLength(100),
                Field.of("prenoms", "Prénoms de la personne concernée", TEXT, true).withMaxLength(150),
                Field.of("dateEvenement", "Date de l'événement", DATE, true)
                        .withHelp("Date de la naissance, du mariage ou du décès."),
                Field.of("lieuEvenement", "Commune de l'événement", TEXT, true).withMaxLength(100),
                Field.of("nomPere", "Nom du père", TEXT, false).withMaxLength(100)
                        .visibleWhen("document", "copie_integrale", "extrait_avec_filiation")
                        .withHelp("Laissez vide si la filiation paternelle n'est pas établie."),
                Field.of("prenomsPere", "Prénoms du père", TEXT, false).withMaxLength(150)
                        .visibleWhen("document", "copie_integrale", "extrait_avec_filiation"),
                Field.of("nomMere", "Nom de naissance de la mère", TEXT, true).withMaxLength(100)
                        .visibleWhen("document", "copie_integrale", "extrait_avec_filiation"),
                Field.of("prenomsMere", "Prénoms de la mère", TEXT, true).withMaxLength(150)
                        .visibleWhen("document", "copie_integrale", "extrait_avec_filiation"),
                Field.of("livraison", "Mode de délivrance", SINGLE_CHOICE, true).withChoices(
                        new Choice("courrier", "Par courrier postal"),
                        new Choice("telechargement", "À télécharger dans votre espace")),
                Field.of("adresseLivraison", "Adresse postale de livraison", LONG_TEXT, true).withMaxLength(300)
                        .visibleWhen("livraison", "courrier")
                        .withHelp("Numéro, voie, code postal et commune."));
        List<Section> sections = List.of(
                new Section("L'acte demandé", List.of("typeActe", "document", "qualite")),
                new Section("La personne concernée", List.of("nom", "prenoms", "dateEvenement", "lieuEvenement")),
                new Section("Ses parents", List.of("nomPere", "prenomsPere", "nomMere", "prenomsMere")),
                new Section("La délivrance", List.of("livraison", "adresseLivraison")));
        return new Procedure(tenantId, CIVIL_STATUS_CERTIFICATE, 1, "Demande d'acte d'état civil",
                "Obtenez une copie intégrale ou un extrait d'acte de naissance, de mariage ou de décès dressé "
                        + "dans la commune. La délivrance est gratuite.",
                "etat-civil", serviceId, LegalRegime.silenceMeansAcceptance(2), fields, sections);
    }

    /** A request or question to the town hall that no other démarche covers. */
    public static Procedure generalRequest(String tenantId, String serviceId) {
        List<Field> fields = List.of(
                Field.of("objet", "Objet de votre demande", TEXT, true).withMaxLength(150),
                Field.of("message", "Votre demande", LONG_TEXT, true).withMaxLength(4000)
                        .withHelp("Décrivez votre demande ; n'y indiquez pas de données de santé ni de coordonnées "
                                + "bancaires."),
                Field.of("telephone", "Téléphone pour vous joindre", FieldType.PHONE, false));
        return new Procedure(tenantId, GENERAL_REQUEST, 1, "Demande à la mairie",
                "Posez une question ou adressez une demande qu'aucune autre démarche ne couvre.",
                "general", serviceId, LegalRegime.silenceMeansRejection(2,
                        "Code des relations entre le public et l'administration, article L231-4, 1°"),
                fields, List.of());
    }
}
