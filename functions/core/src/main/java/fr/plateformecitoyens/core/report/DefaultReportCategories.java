package fr.plateformecitoyens.core.report;

import java.util.List;

/** The categories of report every tenant starts with; it may then reroute, rename or add its own. */
public final class DefaultReportCategories {

    private DefaultReportCategories() {
    }

    /**
     * The default set, each routed to {@code serviceId} (the tenant's technical services, or its reception
     * desk when it has none).
     */
    public static List<ReportCategory> forTenant(String tenantId, String serviceId) {
        return List.of(
                category(tenantId, serviceId, "eclairage-public", "Éclairage public",
                        "Lampadaire éteint, clignotant ou allumé en plein jour.", "Voirie et réseaux",
                        List.of("lampadaire", "lumière", "réverbère")),
                category(tenantId, serviceId, "voirie", "Voirie, nid-de-poule",
                        "Chaussée ou trottoir abîmé, nid-de-poule, plaque d'égout descellée.", "Voirie et réseaux",
                        List.of("route", "trottoir", "trou", "chaussée")),
                category(tenantId, serviceId, "depot-sauvage", "Dépôt sauvage",
                        "Déchets, encombrants ou gravats abandonnés sur la voie publique.", "Propreté",
                        List.of("déchets", "encombrants", "ordures")),
                category(tenantId, serviceId, "proprete", "Propreté",
                        "Tags, poubelle publique pleine, déjections, rue sale.", "Propreté",
                        List.of("tag", "graffiti", "poubelle")),
                category(tenantId, serviceId, "espaces-verts", "Espaces verts",
                        "Arbre dangereux, branche tombée, haie qui gêne le passage, aire de jeux abîmée.",
                        "Cadre de vie", List.of("arbre", "parc", "jardin")),
                category(tenantId, serviceId, "mobilier-urbain", "Mobilier urbain",
                        "Banc, abri, barrière, panneau ou feu tricolore endommagé.", "Cadre de vie",
                        List.of("banc", "panneau", "signalisation")));
    }

    private static ReportCategory category(String tenantId, String serviceId, String code, String name,
            String description, String group, List<String> keywords) {
        return new ReportCategory(tenantId, code, name, description, serviceId, group, keywords);
    }
}
