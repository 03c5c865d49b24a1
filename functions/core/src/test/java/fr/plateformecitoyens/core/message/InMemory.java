package fr.plateformecitoyens.core.message;

import fr.plateformecitoyens.core.legal.Acknowledgement;
import fr.plateformecitoyens.core.port.DocumentStore;
import fr.plateformecitoyens.core.port.RequestStore;
import fr.plateformecitoyens.core.port.StoredDocument;
import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.port.UploadGrant;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Plain in-memory stores, enough for the message use cases; each keeps what a test needs to look at. */
final class InMemory {

    private InMemory() {
    }

    static CitizenRequest request(String reference, String citizenId, RequestStatus status) {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        HandlingService service = new HandlingService("commune", "etat-civil", "État civil", "1 place", "01", "e@x");
        Acknowledgement ack = new Acknowledgement(at, service, SilenceRule.SVA, 2, Optional.empty(), "", List.of(), at);
        return new CitizenRequest("commune", reference, "acte", 1, "Acte", "etat-civil",
                new Applicant(citizenId, "Camille", "Martin", "c@example.org"), Channel.WEB, Map.of(), status, at, at,
                ack, Optional.empty(), List.of(), 1, "f");
    }

    static final class Requests implements RequestStore {
        final Map<String, CitizenRequest> byReference = new HashMap<>();

        @Override
        public Optional<CitizenRequest> createIfAbsent(CitizenRequest request) {
            return Optional.ofNullable(byReference.putIfAbsent(request.reference(), request));
        }

        @Override
        public Optional<CitizenRequest> find(String reference) {
            return Optional.ofNullable(byReference.get(reference));
        }

        @Override
        public boolean replace(CitizenRequest request, long expectedVersion) {
            byReference.put(request.reference(), request);
            return true;
        }

        @Override
        public Page<CitizenRequest> byApplicant(String applicantId, Optional<String> cursor, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<CitizenRequest> inbox(String tenantId, String serviceId, boolean open, Optional<String> cursor,
                int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<CitizenRequest> dueOn(LocalDate day, Optional<String> cursor, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    /** One tenant, « commune », whose agent {@code agent-1} handles « etat-civil ». */
    static final class Tenants implements TenantDirectory {
        @Override
        public List<Tenant> tenants() {
            return List.of();
        }

        @Override
        public Optional<Tenant> tenant(String tenantId) {
            return Optional.empty();
        }

        @Override
        public Optional<HandlingService> service(String tenantId, String serviceId) {
            return Optional.empty();
        }

        @Override
        public List<HandlingService> services(String tenantId) {
            return List.of();
        }

        @Override
        public Optional<AgentMembership> membership(String tenantId, String agentId) {
            return tenantId.equals("commune") && agentId.equals("agent-1")
                    ? Optional.of(new AgentMembership("commune", "agent-1", "Jeanne Leroy",
                            AgentMembership.AgentRole.AGENT, List.of("etat-civil")))
                    : Optional.empty();
        }

        @Override
        public List<AgentMembership> memberships(String agentId) {
            return List.of();
        }
    }

    static final class Store implements MessageStore {
        final TreeMap<String, Message> messages = new TreeMap<>();
        final Map<String, KeyUse> keys = new HashMap<>();
        final Map<String, Instant> marks = new HashMap<>();

        @Override
        public boolean createIfAbsent(Message message) {
            return messages.putIfAbsent(message.reference() + "/" + message.id(), message) == null;
        }

        @Override
        public Optional<Message> find(String reference, String messageId) {
            return Optional.ofNullable(messages.get(reference + "/" + messageId));
        }

        @Override
        public Page<Message> thread(String reference, boolean publicOnly, boolean newestFirst,
                Optional<String> cursor, int limit) {
            List<Message> all = new ArrayList<>(messages.values().stream()
                    .filter(m -> m.reference().equals(reference) && (!publicOnly || m.isPublic())).toList());
            all.sort(Comparator.comparing(Message::id));
            if (newestFirst) {
                java.util.Collections.reverse(all);
            }
            return new Page<>(all.subList(0, Math.min(limit, all.size())), Optional.empty());
        }

        @Override
        public Optional<KeyUse> keyUse(String reference, String keyHash) {
            return Optional.ofNullable(keys.get(reference + "/" + keyHash));
        }

        @Override
        public Optional<KeyUse> reserveKey(String reference, String keyHash, KeyUse use) {
            return Optional.ofNullable(keys.putIfAbsent(reference + "/" + keyHash, use));
        }

        @Override
        public ThreadState state(String reference) {
            return new ThreadState(Optional.ofNullable(marks.get(reference + "/CITIZEN")),
                    Optional.ofNullable(marks.get(reference + "/AGENT")));
        }

        @Override
        public void markSpoken(String reference, Author.Kind author, Instant at) {
            marks.merge(reference + "/" + author, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    static final class Documents implements DocumentStore {
        final Map<String, StoredDocument> files = new HashMap<>();

        @Override
        public void put(String key, byte[] content, String contentType) {
            files.put(key, new StoredDocument(key, new StoredDocument.Metadata(contentType, content.length), content));
        }

        @Override
        public Optional<StoredDocument> get(String key) {
            return Optional.ofNullable(files.get(key));
        }

        @Override
        public Optional<StoredDocument.Metadata> head(String key) {
            return get(key).map(StoredDocument::metadata);
        }

        @Override
        public UploadGrant grantUpload(String key, String contentType, long contentLength, Duration validity) {
            return new UploadGrant(key, "PUT", URI.create("http://store/" + key), Map.of(), Instant.EPOCH);
        }

        @Override
        public URI grantDownload(String key, String fileName, Duration validity) {
            return URI.create("http://store/" + key);
        }

        @Override
        public void delete(String key) {
            files.remove(key);
        }
    }
}
