package fr.plateformecitoyens.core.legal;

import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.port.EventPublisher;
import fr.plateformecitoyens.core.port.RequestStore;
import fr.plateformecitoyens.core.procedure.SilenceRule;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.Page;
import fr.plateformecitoyens.core.request.RequestStatus;
import fr.plateformecitoyens.core.request.Transition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Applies the implicit decisions that are due: every request whose clock still runs and whose date has
 * come becomes implicitly accepted or rejected. Each change is a conditional write on the request's
 * version, so two runs at once, or a run repeated, decide each request exactly once.
 *
 * <p>It looks back {@link #LOOKBACK_DAYS} days so that a night the job did not run is caught up.
 */
public final class ImplicitDecisions {

    public static final int LOOKBACK_DAYS = 7;
    private static final int PAGE = 100;

    private final RequestStore store;
    private final EventPublisher events;
    private final Clock clock;

    public ImplicitDecisions(RequestStore store, EventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Decides what is due; returns how many requests this run decided. */
    public int applyDue() {
        Instant now = clock.instant();
        LocalDate today = DecisionClock.dayOf(now);
        int decided = 0;
        for (LocalDate day = today.minusDays(LOOKBACK_DAYS); !day.isAfter(today); day = day.plusDays(1)) {
            Optional<String> cursor = Optional.empty();
            do {
                Page<CitizenRequest> page = store.dueOn(day, cursor, PAGE);
                for (CitizenRequest request : page.items()) {
                    if (decide(request, today, now)) {
                        decided++;
                    }
                }
                cursor = page.nextCursor();
            } while (cursor.isPresent());
        }
        return decided;
    }

    private boolean decide(CitizenRequest request, LocalDate today, Instant now) {
        boolean due = request.status().clockRuns()
                && request.implicitDecisionDate().map(d -> !d.isAfter(today)).orElse(false);
        if (!due) {
            return false;
        }
        RequestStatus outcome = request.acknowledgement().rule() == SilenceRule.SVA
                ? RequestStatus.IMPLICITLY_ACCEPTED : RequestStatus.IMPLICITLY_REJECTED;
        // The decided request keeps the date its implicit decision arose on (the documents of the decision
        // quote it); it leaves the due calendar because its status no longer runs the clock.
        CitizenRequest decided = request.with(new Transition(now, Transition.SYSTEM, request.status(), outcome,
                ""), request.implicitDecisionDate());
        if (!store.replace(decided, request.version())) {
            return false;
        }
        events.publish(new DomainEvent(DomainEvent.Type.REQUEST_STATUS_CHANGED, request.tenantId(),
                request.reference(), now, decided.version()));
        return true;
    }
}
