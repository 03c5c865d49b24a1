package fr.plateformecitoyens.local.seed;

import fr.plateformecitoyens.adapters.dynamo.DynamoApiKeyStore;
import fr.plateformecitoyens.adapters.dynamo.DynamoCatalogue;
import fr.plateformecitoyens.adapters.dynamo.ReportItems;
import fr.plateformecitoyens.adapters.dynamo.DynamoResourceCatalogue;
import fr.plateformecitoyens.adapters.dynamo.DynamoPersonDirectory;
import fr.plateformecitoyens.adapters.dynamo.DynamoTenantDirectory;
import fr.plateformecitoyens.core.procedure.DefaultCatalogue;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.report.ApiKeys;
import fr.plateformecitoyens.core.report.DefaultReportCategories;
import fr.plateformecitoyens.core.person.Person;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.AgentMembership.AgentRole;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import fr.plateformecitoyens.core.tenant.TenantKind;
import fr.plateformecitoyens.core.tenant.Territory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The demo data of the local cloud: a fictional commune with its services and catalogue, a fictional
 * intercommunality so that tenant isolation is exercised from the start, and one account per role.
 */
public final class DemoData {

    public static final String COMMUNE = "beaumont-des-sources";
    public static final String EPCI = "cc-val-des-sources";

    /** An account of the demo, as written to .local/cloud.json. */
    public record Account(String role, String username, String password, String tenantId, String sub) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;
    private String open311ApiKey;

    public DemoData(DynamoDbClient dynamo, String table, CognitoIdentityProviderClient cognito, String userPoolId) {
        this.dynamo = dynamo;
        this.table = table;
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    public List<Account> seed() {
        Tenant commune = new Tenant(COMMUNE, "Beaumont-des-Sources", TenantKind.COMMUNE, "37999",
                new Territory(47.3941, 0.6848, 0.6500, 47.3700, 0.7200, 47.4200));
        Tenant epci = new Tenant(EPCI, "Communauté de communes du Val des Sources", TenantKind.EPCI, "200099999",
                new Territory(47.3500, 0.7000, 0.5500, 47.2500, 0.8500, 47.4500));
        put(DynamoTenantDirectory.item(commune));
        put(DynamoTenantDirectory.item(epci));
        String townHall = "Mairie de Beaumont-des-Sources, 1 place de la Mairie, 37999 Beaumont-des-Sources";
        List<HandlingService> services = List.of(
                new HandlingService(COMMUNE, "etat-civil", "Service état civil", townHall, "02 47 00 00 01",
                        "etat-civil@beaumont-des-sources.example.fr"),
                new HandlingService(COMMUNE, "accueil", "Accueil de la mairie", townHall, "02 47 00 00 00",
                        "accueil@beaumont-des-sources.example.fr"),
                new HandlingService(COMMUNE, "enfance-education", "Service enfance et éducation", townHall,
                        "02 47 00 00 02", "enfance@beaumont-des-sources.example.fr"),
                new HandlingService(EPCI, "relations-usagers", "Service relations aux usagers",
                        "Communauté de communes du Val des Sources, 12 rue des Tanneurs, 37998 Val-des-Sources",
                        "02 47 00 10 00", "contact@cc-val-des-sources.example.fr"));
        services.forEach(s -> put(DynamoTenantDirectory.item(s)));
        List<Procedure> procedures = new ArrayList<>(DefaultCatalogue.forCommune(COMMUNE, "etat-civil", "accueil",
                "enfance-education", "accueil"));
        procedures.add(DefaultCatalogue.generalRequest(EPCI, "relations-usagers"));
        for (Procedure procedure : procedures) {
            put(DynamoCatalogue.versionItem(procedure));
            put(DynamoCatalogue.publishedItem(procedure));
        }
        DemoResources.of(COMMUNE).forEach(r -> put(DynamoResourceCatalogue.item(r)));
        List<Account> accounts = new ArrayList<>();
        accounts.add(user("citizen", "camille.martin@example.org", "Citoyenne-2026", "Camille", "Martin", COMMUNE,
                "citizens"));
        // In the commune's directory, as after a first request there: reception agents find « Martin ».
        Account citizen = accounts.get(accounts.size() - 1);
        new DynamoPersonDirectory(dynamo, table).save(new Person(COMMUNE, Person.Kind.CITIZEN, citizen.sub(),
                "Camille", "Martin", Optional.of(citizen.username()), Optional.empty(), Optional.empty()));
        Account agent = user("agent", "agent.etat-civil@beaumont-des-sources.example.fr", "Agent-Etat-Civil-2026",
                "Dominique", "Lefèvre", COMMUNE, "agents");
        Account admin = user("admin", "admin@beaumont-des-sources.example.fr", "Admin-Beaumont-2026", "Claude",
                "Moreau", COMMUNE, "admins");
        Account epciAgent = user("agent", "agent@cc-val-des-sources.example.fr", "Agent-Val-Sources-2026", "Alix",
                "Bernard", EPCI, "agents");
        put(DynamoTenantDirectory.item(new AgentMembership(COMMUNE, agent.sub(), "Dominique Lefèvre", AgentRole.AGENT,
                List.of("etat-civil", "accueil"))));
        put(DynamoTenantDirectory.item(new AgentMembership(COMMUNE, admin.sub(), "Claude Moreau", AgentRole.ADMIN,
                List.of())));
        put(DynamoTenantDirectory.item(new AgentMembership(EPCI, epciAgent.sub(), "Alix Bernard", AgentRole.AGENT,
                List.of("relations-usagers"))));
        accounts.add(agent);
        accounts.add(admin);
        accounts.add(epciAgent);
        accounts.add(seedReports(townHall));
        return accounts;
    }

    /**
     * Incident reports: the commune's technical services and an agent of theirs, the default categories of
     * both tenants, and an Open311 key of a demo client application of the commune.
     */
    private Account seedReports(String townHall) {
        put(DynamoTenantDirectory.item(new HandlingService(COMMUNE, "services-techniques", "Services techniques",
                townHall, "02 47 00 00 02", "services-techniques@beaumont-des-sources.example.fr")));
        DefaultReportCategories.forTenant(COMMUNE, "services-techniques")
                .forEach(c -> put(ReportItems.categoryItem(c)));
        DefaultReportCategories.forTenant(EPCI, "relations-usagers").forEach(c -> put(ReportItems.categoryItem(c)));
        Account roads = user("agent", "agent.voirie@beaumont-des-sources.example.fr", "Agent-Voirie-2026", "Sacha",
                "Girard", COMMUNE, "agents");
        put(DynamoTenantDirectory.item(new AgentMembership(COMMUNE, roads.sub(), "Sacha Girard", AgentRole.AGENT,
                List.of("services-techniques"))));
        open311ApiKey = new ApiKeys(new DynamoApiKeyStore(dynamo, table), java.time.Clock.systemUTC())
                .create(COMMUNE, "Application de démonstration", "demo").secretKey();
        return roads;
    }

    /** The Open311 key of the demo client application, known once {@link #seed} has run. */
    public String open311ApiKey() {
        return open311ApiKey;
    }

    private Account user(String role, String email, String password, String givenName, String familyName,
            String tenantId, String group) {
        cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(email).messageAction("SUPPRESS")
                .temporaryPassword(password)
                .userAttributes(attribute("email", email), attribute("email_verified", "true"),
                        attribute("given_name", givenName), attribute("family_name", familyName)));
        cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(email).password(password).permanent(true));
        cognito.adminAddUserToGroup(b -> b.userPoolId(userPoolId).username(email).groupName(group));
        String sub = cognito.adminGetUser(b -> b.userPoolId(userPoolId).username(email)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).map(AttributeType::value).findFirst()
                .orElseThrow(() -> new IllegalStateException("Cognito gave no sub for " + email));
        return new Account(role, email, password, tenantId, sub);
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private void put(Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(table).item(item));
    }
}
