package fr.plateformecitoyens.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import fr.plateformecitoyens.core.tenant.AgentMembership.AgentRole;
import fr.plateformecitoyens.core.tenant.HandlingService;
import fr.plateformecitoyens.core.tenant.Tenant;
import fr.plateformecitoyens.core.tenant.TenantKind;
import fr.plateformecitoyens.core.tenant.Territory;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessJournalTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private final List<String> calls = new ArrayList<>();
    private final AccessJournal journal = new AccessJournal(new RecordingLog(), new Directory(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void anAgentWhoIsNoAdministrator_isRefusedTheJournal() {
        AccessJournal.Filter all = new AccessJournal.Filter(Optional.empty(), Optional.empty(), Optional.empty());

        assertThrows(DomainException.Forbidden.class, () -> journal.list("t", "agent", all, Optional.empty(), 10));
        assertThrows(DomainException.Forbidden.class, () -> journal.list("t", "stranger", all, Optional.empty(), 10));
        assertEquals(List.of(), calls, "nothing was read");
    }

    @Test
    void everyList_stopsTwelveMonthsBack_whetherOrNotThePurgeRan() {
        journal.list("t", "admin", new AccessJournal.Filter(Optional.of("2026-AAAA-BBBB"), Optional.empty(),
                Optional.empty()), Optional.empty(), 10);
        journal.list("t", "admin", new AccessJournal.Filter(Optional.empty(), Optional.of("agent"), Optional.empty()),
                Optional.empty(), 10);
        journal.list("t", "admin", new AccessJournal.Filter(Optional.empty(), Optional.empty(), Optional.empty()),
                Optional.empty(), 10);

        assertEquals(List.of("reference 2026-AAAA-BBBB since 2025-12-04T10:00:00Z",
                "agent agent since 2025-12-04T10:00:00Z", "month 2026-12 since 2025-12-04T10:00:00Z"), calls);
    }

    @Test
    void purge_deletesWhatIsOlderThanTwelveMonths_inTheMonthOfTheLimitAndTheThreeBefore_forEveryTenant() {
        journal.purge();

        String before = " before 2025-12-04T10:00:00Z";
        assertEquals(List.of("purge t 2025-09" + before, "purge t 2025-10" + before, "purge t 2025-11" + before,
                "purge t 2025-12" + before), calls);
    }

    private final class RecordingLog implements AccessLog {
        @Override
        public void record(AccessEntry entry) {
            calls.add("record " + entry.action());
        }

        @Override
        public Page<AccessEntry> byReference(String tenantId, String reference, Instant since, Optional<String> c,
                int limit) {
            calls.add("reference " + reference + " since " + since);
            return new Page<>(List.of(), Optional.empty());
        }

        @Override
        public Page<AccessEntry> byAgent(String tenantId, String agentId, Instant since, Optional<String> c,
                int limit) {
            calls.add("agent " + agentId + " since " + since);
            return new Page<>(List.of(), Optional.empty());
        }

        @Override
        public Page<AccessEntry> byMonth(String tenantId, YearMonth month, Instant since, Optional<String> c,
                int limit) {
            calls.add("month " + month + " since " + since);
            return new Page<>(List.of(), Optional.empty());
        }

        @Override
        public int purge(String tenantId, YearMonth month, Instant before) {
            calls.add("purge " + tenantId + " " + month + " before " + before);
            return 0;
        }
    }

    private static final class Directory implements TenantDirectory {
        @Override
        public List<Tenant> tenants() {
            return List.of(new Tenant("t", "Commune", TenantKind.values()[0], "00000",
                    new Territory(47.0, 2.0, 1.9, 46.9, 2.1, 47.1)));
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
            return switch (agentId) {
                case "admin" -> Optional.of(new AgentMembership(tenantId, agentId, "Claude", AgentRole.ADMIN,
                        List.of()));
                case "agent" -> Optional.of(new AgentMembership(tenantId, agentId, "Dominique", AgentRole.AGENT,
                        List.of("etat-civil")));
                default -> Optional.empty();
            };
        }

        @Override
        public List<AgentMembership> memberships(String agentId) {
            return List.of();
        }
    }
}
