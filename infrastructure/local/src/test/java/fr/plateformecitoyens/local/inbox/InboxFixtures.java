package fr.plateformecitoyens.local.inbox;

import fr.plateformecitoyens.adapters.dynamo.DynamoRequestStore;
import fr.plateformecitoyens.core.legal.Acknowledgement;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.References;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.local.LocalAws;
import fr.plateformecitoyens.local.testing.Api;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Requests written straight into the local table, as the store writes them, for inbox tests that need
 * channels, dates and démarches the web form does not offer. Each test takes a démarche id of its own, so
 * its requests are the only ones in the views it reads.
 */
public final class InboxFixtures {

    public static final String TENANT = "beaumont-des-sources";
    public static final String COMMUNE = "/api/v1/tenants/" + TENANT;
    public static final String SERVICE = "etat-civil";

    private InboxFixtures() {
    }

    /** A démarche id nobody else uses. */
    public static String freshProcedure() {
        return "essai-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A family name nobody else has: letters only, so that it normalises to itself in capitals. */
    public static String freshFamilyName() {
        StringBuilder name = new StringBuilder("Zé");
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            name.append((char) ('a' + Character.digit(c, 16) % 26));
        }
        return name.substring(0, 12);
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    /** Builds requests of one démarche of the civil-status service. */
    public static final class Builder {
        private final String procedureId;
        private String tenantId = TENANT;
        private Channel channel = Channel.WEB;
        private RequestStatus status = RequestStatus.SUBMITTED;
        private String familyName = "Essai";
        private String givenName = "Camille";
        private Instant receivedAt = Instant.now();
        private Optional<LocalDate> due = Optional.of(today().plusMonths(2));
        private java.time.Duration decidedAfter = java.time.Duration.ofHours(1);

        public Builder(String procedureId) {
            this.procedureId = procedureId;
        }

        public Builder tenant(String id) {
            tenantId = id;
            return this;
        }

        public Builder channel(Channel c) {
            channel = c;
            return this;
        }

        public Builder status(RequestStatus s) {
            status = s;
            return this;
        }

        public Builder givenName(String name) {
            givenName = name;
            return this;
        }

        public Builder familyName(String name) {
            familyName = name;
            return this;
        }

        /** Decided (when the status is final) that long after receipt. */
        public Builder decidedAfter(java.time.Duration d) {
            decidedAfter = d;
            return this;
        }

        public Builder receivedAt(Instant at) {
            receivedAt = at;
            return this;
        }

        public Builder due(LocalDate day) {
            due = Optional.ofNullable(day);
            return this;
        }

        public CitizenRequest build() {
            String reference = References.random(today());
            HandlingService service = new HandlingService(tenantId, SERVICE, "Service de l'état civil", "Mairie",
                    "01 00 00 00 00", "etat-civil@example.fr");
            Acknowledgement ack = new Acknowledgement(receivedAt, service, SilenceRule.SVA, 2, due, "CRPA L231-1",
                    List.of(), receivedAt);
            List<Transition> history = new ArrayList<>();
            history.add(new Transition(receivedAt, "citizen", null, RequestStatus.SUBMITTED, ""));
            if (status != RequestStatus.SUBMITTED) {
                history.add(new Transition(receivedAt.plus(decidedAfter), "agent", RequestStatus.SUBMITTED, status,
                        "Décision"));
            }
            Optional<LocalDate> running = status.clockRuns() ? due : Optional.empty();
            return new CitizenRequest(tenantId, reference, procedureId, 1, "Démarche d'essai " + procedureId, SERVICE,
                    new Applicant("citizen-" + reference, givenName, familyName, null), channel, Map.of(), status,
                    receivedAt, receivedAt, ack, running, history, history.size(), "fingerprint");
        }

        /** Stores the request and returns it. */
        public CitizenRequest store(Api api) {
            CitizenRequest request = build();
            requestStore(api).createIfAbsent(request);
            return request;
        }
    }

    public static DynamoRequestStore requestStore(Api api) {
        return new DynamoRequestStore(dynamo(api), table(api));
    }

    static String table(Api api) {
        return api.cloud().stack().ref("MainTable");
    }

    /** One client per local cloud, for the tests' JVM. */
    static DynamoDbClient dynamo(Api api) {
        return CLIENTS.computeIfAbsent(api.cloud().baseUrl(), k -> LocalAws.dynamoDb(api.cloud().emulators()
                .endpoints()));
    }

    private static final Map<String, DynamoDbClient> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();
}
