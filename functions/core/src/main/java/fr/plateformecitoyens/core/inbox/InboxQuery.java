package fr.plateformecitoyens.core.inbox;

import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.RequestStatus;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * One view of the agents' inbox: which requests, in which order. Built and authorised by the API; the
 * store turns it into one Query on the index that fits best, the other criteria becoming a filter.
 *
 * @param serviceId       the service listed; empty only for the assigned-to view, which spans services
 * @param visibleServices the services the agent handles, to bound a view that spans services (empty: all)
 * @param open            the open requests (true) or the finished ones (false)
 * @param statuses        only these statuses (empty: every status of the open or finished side)
 * @param dueBy           only requests whose implicit decision arises on that day or before
 * @param namePrefix      only citizens whose family name starts so, as {@link Names#normalise} writes it
 */
public record InboxQuery(String tenantId, Optional<String> serviceId, Set<String> visibleServices, boolean open,
        Set<RequestStatus> statuses, Optional<String> procedureId, Optional<Channel> channel,
        Optional<LocalDate> dueBy, Assignee assignee, Sort sort, Optional<String> namePrefix) {

    public InboxQuery {
        visibleServices = Set.copyOf(visibleServices);
        statuses = Set.copyOf(statuses);
    }

    /** Whose requests: anybody's, nobody's, or one agent's. */
    public record Assignee(Kind kind, String agentId) {
        public static final Assignee ANY = new Assignee(Kind.ANY, null);
        public static final Assignee NOBODY = new Assignee(Kind.NOBODY, null);

        public static Assignee agent(String agentId) {
            return new Assignee(Kind.AGENT, agentId);
        }

        /** The kinds of assignee filter. */
        public enum Kind { ANY, NOBODY, AGENT }
    }

    /** The orders the inbox offers. */
    public enum Sort {
        RECEIVED_ASC, RECEIVED_DESC, DUE;

        public boolean ascending() {
            return this != RECEIVED_DESC;
        }
    }
}
