package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.inbox.InboxEntry;
import fr.plateformecitoyens.core.inbox.InboxIndex;
import fr.plateformecitoyens.core.inbox.InboxQuery;
import fr.plateformecitoyens.core.inbox.InboxQuery.Assignee;
import fr.plateformecitoyens.core.inbox.InboxQuery.Sort;
import fr.plateformecitoyens.core.inbox.Names;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.request.RequestStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The inbox views as Queries. Each view reads one partition of the index that fits its most selective
 * criterion (name, due-date order, assignee, démarche, due date, a channel other than the web, else the
 * service's inbox); what is left
 * becomes a FilterExpression on that Query. A filtered page reads at most {@link #MAX_CALLS} small pages
 * of the index, then hands back a cursor: the cost of a page is bounded whatever the data.
 */
public final class DynamoInbox implements InboxIndex {

    static final int MAX_CALLS = 4;
    private static final int MAX_READ = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Consumer<QueryResponse> meter;

    public DynamoInbox(DynamoDbClient dynamo, String table) {
        this(dynamo, table, response -> { });
    }

    /** With {@code meter} told of each Query's response (consumed capacity, for benchmarks). */
    public DynamoInbox(DynamoDbClient dynamo, String table, Consumer<QueryResponse> meter) {
        this.dynamo = dynamo;
        this.table = table;
        this.meter = meter;
    }

    @Override
    public Page<InboxEntry> page(InboxQuery query, Optional<String> cursor, int limit) {
        Plan plan = plan(query);
        Map<String, AttributeValue> start = cursor.map(c -> decode(c, plan)).orElse(null);
        boolean filtered = !plan.filters.isEmpty();
        List<Map<String, AttributeValue>> matched = new ArrayList<>();
        Map<String, AttributeValue> last = null;
        for (int call = 0; call < MAX_CALLS; call++) {
            QueryResponse response = dynamo.query(plan.request(start, filtered ? Math.min(2 * (limit + 1), MAX_READ)
                    : limit + 1).build());
            meter.accept(response);
            for (Map<String, AttributeValue> item : response.items()) {
                matched.add(item);
                if (matched.size() > limit) {
                    // One more than asked for: there is a next page, and it starts after the last item shown.
                    List<Map<String, AttributeValue>> shown = matched.subList(0, limit);
                    return new Page<>(shown.stream().map(InboxKeys::entry).toList(),
                            Optional.of(encode(shown.get(limit - 1), plan)));
                }
            }
            last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            if (last == null) {
                break;
            }
            start = last;
        }
        return new Page<>(matched.stream().map(InboxKeys::entry).toList(),
                last == null ? Optional.empty() : Optional.of(encode(last, plan)));
    }

    private static String encode(Map<String, AttributeValue> key, Plan plan) {
        return plan.index + "." + Cursors.encode(key, plan.index + "sk").orElseThrow();
    }

    private static Map<String, AttributeValue> decode(String cursor, Plan plan) {
        if (!cursor.startsWith(plan.index + ".")) {
            throw new DomainException.BadRequest("Ce curseur de pagination appartient à une autre vue de la liste.");
        }
        return Cursors.decode(cursor.substring(plan.index.length() + 1), plan.index + "pk", plan.partition,
                plan.index + "sk");
    }

    /** Which index and partition a view reads, and what it filters. */
    private Plan plan(InboxQuery q) {
        String t = q.tenantId();
        String service = q.serviceId().orElse("");
        Plan plan;
        if (q.namePrefix().isPresent()) {
            String prefix = q.namePrefix().get();
            plan = new Plan(Keys.GSI7, Keys.names(t, service, Names.partition(prefix)), true);
            plan.sortCondition("begins_with(gsi7sk, :prefix)", ":prefix", s(prefix));
            plan.statuses(q.statuses().isEmpty() ? side(q.open()) : q.statuses());
            plan.assignee(q.assignee());
            plan.due(q);
        } else if (q.sort() == Sort.DUE) {
            plan = dueIndex(q, t, service);
            plan.assignee(q.assignee());
        } else if (q.assignee().kind() == Assignee.Kind.AGENT) {
            plan = new Plan(Keys.GSI4, Keys.assignee(t, q.assignee().agentId(), q.open()), q.sort().ascending());
            if (q.serviceId().isPresent()) {
                plan.equal("serviceId", service);
            } else if (!q.visibleServices().isEmpty()) {
                plan.in("serviceId", q.visibleServices());
            }
            plan.due(q);
        } else if (q.assignee().kind() == Assignee.Kind.NOBODY && q.open()) {
            plan = new Plan(Keys.GSI4, Keys.unassigned(t, service), q.sort().ascending());
            plan.due(q);
        } else if (q.procedureId().isPresent()) {
            plan = new Plan(Keys.GSI5, Keys.procedureInbox(t, service, q.procedureId().get(), q.open()),
                    q.sort().ascending());
            plan.assignee(q.assignee());
            plan.due(q);
        } else if (q.dueBy().isPresent()) {
            plan = dueIndex(q, t, service);
            plan.assignee(q.assignee());
        } else if (q.channel().isPresent() && q.channel().get() != Channel.WEB) {
            // Few requests come by counter, phone or post: a sparse index holds them alone.
            plan = new Plan(Keys.GSI8, Keys.channelInbox(t, service, q.channel().get().code(), q.open()),
                    q.sort().ascending());
            plan.assignee(q.assignee());
        } else {
            plan = new Plan(Keys.GSI2, Keys.inbox(t, service, q.open()), q.sort().ascending());
            plan.assignee(q.assignee());
        }
        if (!plan.index.equals(Keys.GSI7) && !q.statuses().isEmpty()) {
            plan.in("status", q.statuses().stream().map(RequestStatus::code).toList());
        }
        if (!plan.index.equals(Keys.GSI5)) {
            q.procedureId().ifPresent(p -> plan.equal("procedureId", p));
        }
        if (!plan.index.equals(Keys.GSI8)) {
            q.channel().ifPresent(c -> plan.equal("channel", c.code()));
        }
        return plan;
    }

    /** The service's requests whose clock runs, by implicit-decision day; bounded by {@code dueBy}. */
    private Plan dueIndex(InboxQuery q, String t, String service) {
        Plan plan = new Plan(Keys.GSI6, Keys.dueBy(t, service), true);
        q.dueBy().ifPresent(day -> plan.sortCondition("gsi6sk < :bound", ":bound", s(day.plusDays(1).toString())));
        return plan;
    }

    private static Set<RequestStatus> side(boolean open) {
        return Set.copyOf(Arrays.stream(RequestStatus.values()).filter(st -> st.isFinal() != open).toList());
    }

    private final class Plan {
        final String index;
        final String partition;
        final boolean ascending;
        final Map<String, String> names = new HashMap<>();
        final Map<String, AttributeValue> values = new HashMap<>();
        final List<String> filters = new ArrayList<>();
        String sortCondition = "";

        Plan(String index, String partition, boolean ascending) {
            this.index = index;
            this.partition = partition;
            this.ascending = ascending;
            names.put("#p", index + "pk");
            values.put(":p", s(partition));
        }

        void sortCondition(String condition, String name, AttributeValue value) {
            sortCondition = " AND " + condition;
            values.put(name, value);
        }

        void equal(String attribute, String value) {
            String n = "#f" + names.size();
            String v = ":f" + values.size();
            names.put(n, attribute);
            values.put(v, s(value));
            filters.add(n + " = " + v);
        }

        void in(String attribute, java.util.Collection<String> options) {
            String n = "#f" + names.size();
            names.put(n, attribute);
            List<String> placeholders = new ArrayList<>();
            for (String option : options) {
                String v = ":f" + values.size();
                values.put(v, s(option));
                placeholders.add(v);
            }
            filters.add(n + " IN (" + String.join(", ", placeholders) + ")");
        }

        void statuses(Set<RequestStatus> statuses) {
            in("status", statuses.stream().map(RequestStatus::code).sorted().toList());
        }

        void assignee(Assignee assignee) {
            if (assignee.kind() == Assignee.Kind.AGENT) {
                equal("assigneeId", assignee.agentId());
            } else if (assignee.kind() == Assignee.Kind.NOBODY) {
                names.put("#assignee", "assigneeId");
                filters.add("attribute_not_exists(#assignee)");
            }
        }

        void due(InboxQuery q) {
            q.dueBy().ifPresent(day -> {
                names.put("#due", "implicitDecisionDate");
                values.put(":dueFrom", s("0"));
                values.put(":dueTo", s(day.toString()));
                filters.add("#due BETWEEN :dueFrom AND :dueTo");
            });
        }

        QueryRequest.Builder request(Map<String, AttributeValue> start, int limit) {
            QueryRequest.Builder b = QueryRequest.builder().tableName(table).indexName(index)
                    .keyConditionExpression("#p = :p" + sortCondition)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .scanIndexForward(ascending).limit(limit).exclusiveStartKey(start)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (!filters.isEmpty()) {
                b.filterExpression(String.join(" AND ", filters));
            }
            return b;
        }
    }
}
