package fr.plateformecitoyens.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import fr.plateformecitoyens.core.tenant.TenantKind;
import fr.plateformecitoyens.core.tenant.Territory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private static final String TENANT = "beaumont";
    private static final Tenant BEAUMONT = new Tenant(TENANT, "Beaumont", TenantKind.COMMUNE, "37999",
            new Territory(47.39, 0.68, 0.65, 47.37, 0.72, 47.42));
    private static final String AGENT = "agent-1";
    private static final Reporter CAMILLE = new Reporter("citizen-1", "Camille", "Martin", "camille@example.org");

    private final MemoryStore store = new MemoryStore();
    private final List<DomainEvent> events = new ArrayList<>();
    private final Reports reports = new Reports(new Directory(), store, events::add,
            Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void filing_storesANewReportRoutedToTheCategorysService() {
        Report report = reports.file(filing("voirie", 47.39, 0.68, Optional.empty())).report();

        assertEquals(ReportStatus.NEW, report.status());
        assertEquals("services-techniques", report.serviceId());
        assertEquals(1, report.version());
        assertTrue(store.reports.containsKey(report.id()));
    }

    @Test
    void filing_outsideTheTerritory_isRefusedWithTheLocationField() {
        var e = assertThrows(DomainException.InvalidInput.class,
                () -> reports.file(filing("voirie", 48.85, 2.35, Optional.empty())));

        assertEquals(List.of("location"), e.errors().stream().map(DomainException.FieldError::field).toList());
        assertTrue(store.reports.isEmpty());
    }

    @Test
    void filing_withAnUnknownCategoryAndNoDescription_listsBothFields() {
        var e = assertThrows(DomainException.InvalidInput.class, () -> reports.file(new Reports.Filing(TENANT,
                "inconnue", " ", 47.39, 0.68, "", CAMILLE, "web", Optional.empty())));

        assertEquals(Set.of("category", "description"),
                Set.copyOf(e.errors().stream().map(DomainException.FieldError::field).toList()));
    }

    @Test
    void filingTwiceWithOneKey_givesTheFirstReportBack() {
        Report first = reports.file(filing("voirie", 47.39, 0.68, Optional.of("k-1"))).report();

        Reports.Outcome again = reports.file(filing("voirie", 47.39, 0.68, Optional.of("k-1")));

        assertTrue(again.replayed());
        assertEquals(first.id(), again.report().id());
        assertEquals(1, store.reports.size());
    }

    @Test
    void aRejection_needsANote_andPublishesAnEventOnceMade() {
        Report report = reports.file(filing("voirie", 47.39, 0.68, Optional.empty())).report();

        assertThrows(DomainException.InvalidInput.class, () -> reports.changeStatus(TENANT, report.id(), AGENT, 1,
                ReportStatus.REJECTED, " "));
        Report rejected = reports.changeStatus(TENANT, report.id(), AGENT, 1, ReportStatus.REJECTED,
                "Ce trottoir est privé.");

        assertEquals(ReportStatus.REJECTED, rejected.status());
        assertEquals(2, rejected.version());
        assertEquals("Ce trottoir est privé.", rejected.latestNote());
        assertEquals(List.of(DomainEvent.Type.REPORT_STATUS_CHANGED), events.stream().map(DomainEvent::type).toList());
    }

    @Test
    void aStaleVersion_isRefused_andAClosedReportCannotBeAcknowledged() {
        Report report = reports.file(filing("voirie", 47.39, 0.68, Optional.empty())).report();
        reports.changeStatus(TENANT, report.id(), AGENT, 1, ReportStatus.RESOLVED, "Réparé.");

        assertThrows(DomainException.PreconditionFailed.class, () -> reports.changeStatus(TENANT, report.id(), AGENT,
                1, ReportStatus.IN_PROGRESS, ""));
        assertThrows(DomainException.Conflict.class, () -> reports.changeStatus(TENANT, report.id(), AGENT, 2,
                ReportStatus.ACKNOWLEDGED, ""));
    }

    @Test
    void anAgentOfAnotherTenant_cannotReadTheReport() {
        Report report = reports.file(filing("voirie", 47.39, 0.68, Optional.empty())).report();

        assertThrows(DomainException.Forbidden.class, () -> reports.forAgent(TENANT, report.id(), "stranger"));
        assertThrows(DomainException.Forbidden.class, () -> reports.forAgent("other", report.id(), AGENT));
    }

    @Test
    void statuses_openAndNext() {
        assertTrue(ReportStatus.IN_PROGRESS.open());
        assertFalse(ReportStatus.RESOLVED.open());
        assertFalse(ReportStatus.NEW.next().contains(ReportStatus.NEW));
    }

    private static Reports.Filing filing(String category, double lat, double lon, Optional<String> key) {
        return new Reports.Filing(TENANT, category, "Un nid-de-poule devant l'école.", lat, lon, "", CAMILLE, "web",
                key);
    }

    private static final class Directory implements TenantDirectory {
        @Override
        public List<Tenant> tenants() {
            return List.of(BEAUMONT, other());
        }

        @Override
        public Optional<Tenant> tenant(String tenantId) {
            return tenants().stream().filter(t -> t.id().equals(tenantId)).findFirst();
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
            return tenantId.equals(TENANT) && agentId.equals(AGENT)
                    ? Optional.of(new AgentMembership(TENANT, AGENT, "Dominique", AgentMembership.AgentRole.AGENT,
                            List.of("services-techniques")))
                    : Optional.empty();
        }

        @Override
        public List<AgentMembership> memberships(String agentId) {
            return List.of();
        }

        private static Tenant other() {
            return new Tenant("other", "Autre", TenantKind.COMMUNE, "37998", BEAUMONT.territory());
        }
    }

    /** The store as a map, enough to exercise the rules; the DynamoDB store is tested through the gateway. */
    private static final class MemoryStore implements ReportStore {
        final Map<String, Report> reports = new HashMap<>();

        @Override
        public List<ReportCategory> categories(String tenantId) {
            return DefaultReportCategories.forTenant(tenantId, "services-techniques");
        }

        @Override
        public Optional<ReportCategory> category(String tenantId, String code) {
            return categories(tenantId).stream().filter(c -> c.code().equals(code)).findFirst();
        }

        @Override
        public Optional<Report> createIfAbsent(Report report) {
            Report existing = reports.putIfAbsent(report.id(), report);
            return Optional.ofNullable(existing);
        }

        @Override
        public Optional<Report> find(String reportId) {
            return Optional.ofNullable(reports.get(reportId));
        }

        @Override
        public boolean replace(Report report, long expectedVersion) {
            if (reports.get(report.id()).version() != expectedVersion) {
                return false;
            }
            reports.put(report.id(), report);
            return true;
        }

        @Override
        public Page<Report> byReporter(String reporterId, Optional<String> cursor, int limit) {
            return new Page<>(List.of(), Optional.empty());
        }

        @Override
        public Page<Report> byTenant(String tenantId, boolean open, Query query, Optional<String> cursor, int limit) {
            return new Page<>(List.of(), Optional.empty());
        }

        @Override
        public List<Report> openInCells(String tenantId, Set<String> cells, int limit) {
            return List.of();
        }

        @Override
        public List<ReportPhoto> photos(String reportId) {
            return List.of();
        }

        @Override
        public boolean reservePhoto(String reportId, int max) {
            return true;
        }

        @Override
        public void addPhoto(ReportPhoto photo) {
        }

        @Override
        public void linkRequest(String requestReference, String reportId, String tenantId) {
        }
    }
}
