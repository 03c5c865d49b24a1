package fr.plateformecitoyens.core.booking;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.port.DomainEvent;
import fr.plateformecitoyens.core.port.EventPublisher;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.References;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Booking appointments and rooms without ever holding one place twice.
 *
 * <p>A booking is first stored as {@code PLACING}; then each of its cells is taken in the ledger with a
 * conditional write; if one is full, the cells already taken are given back and the booking is dropped.
 * Only then is it confirmed (or left awaiting an agent's approval). A crash mid-way leaves a
 * {@code PLACING} booking that {@link #undoStalePlacings} gives back. Rescheduling takes the new cells
 * before it frees the old ones, so the citizen never loses both.
 */
public final class Bookings {

    /** The longest window one availability request may cover. */
    public static final int MAX_WINDOW_DAYS = 35;
    private static final int ALTERNATIVES = 3;

    private final ResourceCatalogue resources;
    private final Ledger ledger;
    private final BookingStore store;
    private final EventPublisher events;
    private final Clock clock;

    public Bookings(ResourceCatalogue resources, Ledger ledger, BookingStore store, EventPublisher events,
            Clock clock) {
        this.resources = resources;
        this.ledger = ledger;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Who books: an account (a citizen) or a contact an agent books for. */
    public record Holder(String id, String name, String email) {
    }

    /**
     * With an idempotency key the booking's id derives from it, so a retried booking finds the one the
     * first attempt made instead of taking a second place.
     */
    private String newId(String tenantId, Holder holder, java.util.Optional<String> idempotencyKey) {
        LocalDate today = DecisionClock.dayOf(clock.instant());
        return idempotencyKey.map(k -> References.forIdempotencyKey(today, tenantId, holder.id(), "booking:" + k))
                .orElseGet(() -> References.random(today));
    }

    private java.util.Optional<Booking> replay(String id, Holder holder, String resourceId, String typeId,
            LocalDateTime start) {
        return store.find(id).map(existing -> {
            if (!existing.holderId().equals(holder.id()) || !existing.resourceId().equals(resourceId)
                    || !existing.typeId().equals(typeId) || !existing.start().equals(start)) {
                throw new DomainException.InvalidInput("Cette clé d'idempotence a déjà servi pour une autre "
                        + "réservation.", List.of(new DomainException.FieldError("Idempotency-Key",
                        "Utilisez une nouvelle clé pour une nouvelle réservation.")));
            }
            return existing;
        });
    }

    public Resource resource(String tenantId, Resource.Kind kind, String id) {
        return resources.resource(tenantId, kind, id).orElseThrow(() -> new DomainException.NotFound(
                kind == Resource.Kind.ROOM ? "Cette salle n'existe pas." : "Ce service de rendez-vous n'existe pas."));
    }

    /** The bookable slots of {@code minutes} between two days included, with the places left in each. */
    public List<Slot> availability(Resource resource, int minutes, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_WINDOW_DAYS) {
            throw new DomainException.InvalidInput("Période invalide.", List.of(new DomainException.FieldError("to",
                    "Choisissez une fin après le début, " + MAX_WINDOW_DAYS + " jours au plus.")));
        }
        Map<LocalDateTime, Integer> taken = ledger.taken(resource.ledgerKey(), from, to);
        List<BlockedPeriod> blocked = resources.blocked(resource.tenantId(), resource.id());
        Instant now = clock.instant();
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (LocalDateTime start : SlotGrid.starts(resource, day, minutes)) {
                LocalDateTime end = start.plusMinutes(minutes);
                if (SlotGrid.refusal(resource, start, end, now, blocked).isPresent()) {
                    continue;
                }
                int remaining = resource.capacity();
                for (LocalDateTime cell : SlotGrid.cells(resource, start, end)) {
                    remaining = Math.min(remaining, resource.capacity() - taken.getOrDefault(cell, 0));
                }
                slots.add(new Slot(start, end, Math.max(0, remaining)));
            }
        }
        return slots;
    }

    /** Books an appointment of a type of the service. */
    public Booking bookAppointment(String tenantId, String serviceId, String typeId, LocalDateTime start,
            Holder holder, Channel channel, java.util.Optional<String> idempotencyKey) {
        return bookAppointment(resource(tenantId, Resource.Kind.APPOINTMENT_SERVICE, serviceId), typeId, start,
                holder, channel, idempotencyKey);
    }

    /** Books an appointment of a type of a service the caller has already read. */
    public Booking bookAppointment(Resource service, String typeId, LocalDateTime start, Holder holder,
            Channel channel, java.util.Optional<String> idempotencyKey) {
        AppointmentType type = service.type(typeId)
                .orElseThrow(() -> new DomainException.NotFound("Ce type de rendez-vous n'existe pas."));
        String id = newId(service.tenantId(), holder, idempotencyKey);
        return place(id, service, type, start, start.plusMinutes(type.durationMinutes()), holder, channel, "", false);
    }

    /** Books a room from {@code start} to {@code end}; it waits for an agent when the room requires it. */
    public Booking bookRoom(String tenantId, String roomId, LocalDateTime start, LocalDateTime end, Holder holder,
            Channel channel, String purpose, Resource.Audience audience, java.util.Optional<String> idempotencyKey) {
        return bookRoom(resource(tenantId, Resource.Kind.ROOM, roomId), start, end, holder, channel, purpose, audience,
                idempotencyKey);
    }

    /** Books a room the caller has already read. */
    public Booking bookRoom(Resource room, LocalDateTime start, LocalDateTime end, Holder holder, Channel channel,
            String purpose, Resource.Audience audience, java.util.Optional<String> idempotencyKey) {
        if (!room.audiences().contains(audience)) {
            throw new DomainException.InvalidInput("Cette salle n'est pas ouverte à ce public.", List.of(
                    new DomainException.FieldError("audience",
                            "Cette salle ne peut pas être réservée à ce titre.")));
        }
        if (purpose == null || purpose.isBlank() || purpose.length() > 500) {
            throw new DomainException.InvalidInput("Indiquez l'objet de la réservation (500 caractères au plus).",
                    List.of(new DomainException.FieldError("purpose", "Indiquez l'objet de la réservation.")));
        }
        String id = newId(room.tenantId(), holder, idempotencyKey);
        return place(id, room, null, start, end, holder, channel, purpose.strip(), room.rules().approvalRequired());
    }

    /**
     * Places a new booking, or meets the one an earlier attempt with the same idempotency key placed: that one
     * is found when its id is already taken (the create below fails), or when the time asked is no longer
     * bookable (a retry after the slot has passed), so the first attempt of a booking reads nothing more.
     */
    private Booking place(String id, Resource resource, AppointmentType type, LocalDateTime start, LocalDateTime end,
            Holder holder, Channel channel, String note, boolean needsApproval) {
        Instant now = clock.instant();
        String typeId = type == null ? "" : type.id();
        java.util.Optional<String> refusal = SlotGrid.refusal(resource, start, end, now,
                resources.blocked(resource.tenantId(), resource.id()));
        if (refusal.isPresent()) {
            return replay(id, holder, resource.id(), typeId, start).orElseThrow(() -> new DomainException.InvalidInput(
                    refusal.get(), List.of(new DomainException.FieldError("start", refusal.get()))));
        }
        List<LocalDateTime> cells = SlotGrid.cells(resource, start, end);
        Booking placing = new Booking(id, resource.tenantId(),
                resource.kind(), resource.id(), resource.name(), type == null ? "" : type.id(),
                type == null ? "" : type.name(), start, end, cells, holder.id(), holder.name(), holder.email(),
                channel, Booking.Status.PLACING, note, now, now, 1);
        if (!store.create(placing)) {
            // The same idempotency key: an earlier or concurrent attempt placed, or is placing, this booking.
            return replay(id, holder, resource.id(), placing.typeId(), start).orElseThrow(() ->
                    new IllegalStateException("booking " + id + " exists but cannot be read"));
        }
        List<LocalDateTime> held = new ArrayList<>();
        for (LocalDateTime cell : cells) {
            Ledger.Take outcome = ledger.take(resource.ledgerKey(), cell, resource.capacity(), holder.id());
            if (outcome != Ledger.Take.TAKEN) {
                held.forEach(c -> ledger.release(resource.ledgerKey(), c, holder.id()));
                store.replace(placing.with(Booking.Status.FAILED, "", clock.instant()), placing.version());
                throw unavailable(resource, start, end, outcome);
            }
            held.add(cell);
        }
        Booking.Status status = needsApproval ? Booking.Status.AWAITING_APPROVAL : Booking.Status.CONFIRMED;
        Booking booked = placing.with(status, note, clock.instant());
        if (!store.replace(booked, placing.version())) {
            throw new IllegalStateException("booking " + placing.id() + " changed while being placed");
        }
        publish(needsApproval ? DomainEvent.Type.BOOKING_AWAITING_APPROVAL : DomainEvent.Type.BOOKING_CONFIRMED,
                booked);
        return booked;
    }

    private DomainException unavailable(Resource resource, LocalDateTime start, LocalDateTime end,
            Ledger.Take outcome) {
        if (outcome == Ledger.Take.ALREADY_HELD) {
            return new DomainException.Conflict("Vous avez déjà une réservation sur ce créneau.");
        }
        int minutes = (int) ChronoUnit.MINUTES.between(start, end);
        LocalDate from = start.toLocalDate();
        List<Slot> next = availability(resource, minutes, from, from.plusDays(13)).stream()
                .filter(s -> s.remaining() > 0 && s.start().isAfter(start)).limit(ALTERNATIVES).toList();
        return new DomainException.Unavailable("Ce créneau vient d'être pris. Voici les prochains créneaux libres.",
                next);
    }

    /** The booking if it is the holder's; another's is reported as not found. */
    public Booking mine(String id, String holderId, Resource.Kind kind) {
        return store.find(id).filter(b -> b.holderId().equals(holderId) && b.kind() == kind)
                .filter(b -> b.status() != Booking.Status.FAILED && b.status() != Booking.Status.PLACING)
                .orElseThrow(() -> new DomainException.NotFound("Vous n'avez pas de réservation sous ce numéro."));
    }

    /** Cancels the holder's booking, until the resource's cut-off; cancelling twice is harmless. */
    public Booking cancel(String id, String holderId, Resource.Kind kind) {
        Booking booking = mine(id, holderId, kind);
        if (booking.status() == Booking.Status.CANCELLED) {
            booking.cells().forEach(c -> ledger.release(ledgerKey(booking), c, booking.holderId()));
            return booking;
        }
        if (booking.status() != Booking.Status.CONFIRMED && booking.status() != Booking.Status.AWAITING_APPROVAL) {
            throw new DomainException.Conflict("Cette réservation ne peut plus être annulée.");
        }
        Resource resource = resource(booking.tenantId(), booking.kind(), booking.resourceId());
        checkCutoff(booking, resource, "L'annulation");
        return release(booking, Booking.Status.CANCELLED, "", DomainEvent.Type.BOOKING_CANCELLED);
    }

    /** Online changes stop {@code cancelCutoffHours} before the start: the service needs to know. */
    private void checkCutoff(Booking booking, Resource resource, String what) {
        int hours = resource.rules().cancelCutoffHours();
        LocalDateTime cutoff = booking.start().minusHours(hours);
        if (!LocalDateTime.ofInstant(clock.instant(), DecisionClock.PARIS).isBefore(cutoff)) {
            String delay = hours % 24 == 0 && hours >= 48 ? hours / 24 + " jours" : hours + " h";
            String of = booking.kind() == Resource.Kind.ROOM ? "la réservation" : "le rendez-vous";
            throw new DomainException.Conflict(what + " en ligne n'est plus possible moins de " + delay + " avant "
                    + of + " : appelez le service.");
        }
    }

    /** Moves the holder's appointment: the new place is taken before the old one is given back. */
    public Booking reschedule(String id, String holderId, LocalDateTime newStart) {
        Booking booking = mine(id, holderId, Resource.Kind.APPOINTMENT_SERVICE);
        if (booking.status() != Booking.Status.CONFIRMED) {
            throw new DomainException.Conflict("Seul un rendez-vous confirmé peut être déplacé.");
        }
        Resource resource = resource(booking.tenantId(), booking.kind(), booking.resourceId());
        checkCutoff(booking, resource, "Le déplacement");
        long minutes = ChronoUnit.MINUTES.between(booking.start(), booking.end());
        LocalDateTime newEnd = newStart.plusMinutes(minutes);
        Instant now = clock.instant();
        SlotGrid.refusal(resource, newStart, newEnd, now, resources.blocked(resource.tenantId(), resource.id()))
                .ifPresent(why -> {
                    throw new DomainException.InvalidInput(why, List.of(new DomainException.FieldError("start", why)));
                });
        List<LocalDateTime> newCells = SlotGrid.cells(resource, newStart, newEnd);
        Set<LocalDateTime> old = new HashSet<>(booking.cells());
        List<LocalDateTime> taken = new ArrayList<>();
        for (LocalDateTime cell : newCells) {
            if (old.contains(cell)) {
                continue;
            }
            Ledger.Take outcome = ledger.take(resource.ledgerKey(), cell, resource.capacity(), booking.holderId());
            if (outcome != Ledger.Take.TAKEN) {
                taken.forEach(c -> ledger.release(resource.ledgerKey(), c, booking.holderId()));
                throw unavailable(resource, newStart, newEnd, outcome);
            }
            taken.add(cell);
        }
        Booking moved = booking.movedTo(newStart, newEnd, newCells, now);
        if (!store.replace(moved, booking.version())) {
            taken.forEach(c -> ledger.release(resource.ledgerKey(), c, booking.holderId()));
            throw new DomainException.PreconditionFailed("Cette réservation a changé entre-temps. Rechargez-la.");
        }
        Set<LocalDateTime> kept = new HashSet<>(newCells);
        booking.cells().stream().filter(c -> !kept.contains(c))
                .forEach(c -> ledger.release(resource.ledgerKey(), c, booking.holderId()));
        publish(DomainEvent.Type.BOOKING_RESCHEDULED, moved);
        return moved;
    }

    /** Marks that the citizen did not come; the place stays counted, the slot being past. */
    public Booking markNoShow(Booking booking) {
        if (booking.status() != Booking.Status.CONFIRMED || booking.kind() != Resource.Kind.APPOINTMENT_SERVICE) {
            throw new DomainException.Conflict("Seul un rendez-vous confirmé peut être noté absent.");
        }
        if (LocalDateTime.ofInstant(clock.instant(), DecisionClock.PARIS).isBefore(booking.start())) {
            throw new DomainException.Conflict("Ce rendez-vous n'a pas encore commencé.");
        }
        Booking changed = booking.with(Booking.Status.NO_SHOW, booking.note(), clock.instant());
        replaceOrStale(changed, booking.version());
        return changed;
    }

    /** An agent's decision on a room booking awaiting approval; a refusal needs its reason. */
    public Booking decide(Booking booking, boolean approve, String reason) {
        if (booking.status() != Booking.Status.AWAITING_APPROVAL) {
            throw new DomainException.Conflict("Cette réservation n'attend pas de décision.");
        }
        if (approve) {
            Booking changed = booking.with(Booking.Status.CONFIRMED, booking.note(), clock.instant());
            replaceOrStale(changed, booking.version());
            publish(DomainEvent.Type.BOOKING_CONFIRMED, changed);
            return changed;
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException.InvalidInput("Indiquez le motif du refus.",
                    List.of(new DomainException.FieldError("reason", "Indiquez le motif du refus.")));
        }
        return release(booking, Booking.Status.REFUSED, reason.strip(), DomainEvent.Type.BOOKING_REFUSED);
    }

    /** Closes a period on a resource; bookings already in it are kept (the agent calls their holders). */
    public BlockedPeriod block(String tenantId, Resource.Kind kind, String resourceId, LocalDateTime start,
            LocalDateTime end, String reason, String agentId) {
        resource(tenantId, kind, resourceId);
        if (reason == null || reason.isBlank()) {
            throw new DomainException.InvalidInput("Indiquez le motif de la fermeture.",
                    List.of(new DomainException.FieldError("reason", "Indiquez le motif de la fermeture.")));
        }
        if (!start.isBefore(end)) {
            throw new DomainException.InvalidInput("La fin doit suivre le début.",
                    List.of(new DomainException.FieldError("end", "La fin doit suivre le début.")));
        }
        BlockedPeriod period = new BlockedPeriod(tenantId, resourceId,
                References.random(DecisionClock.dayOf(clock.instant())), start, end, reason.strip(), agentId);
        resources.block(period);
        return period;
    }

    /** Gives back the cells of bookings a crash left half-placed; returns how many it undid. */
    public int undoStalePlacings() {
        int undone = 0;
        for (Booking booking : store.stalePlacings(clock.instant().minusSeconds(120))) {
            Booking dropped = booking.with(Booking.Status.FAILED, "", clock.instant());
            if (store.replace(dropped, booking.version())) {
                booking.cells().forEach(c -> ledger.release(ledgerKey(booking), c, booking.holderId()));
                undone++;
            }
        }
        return undone;
    }

    /** Publishes the reminders due in the hour starting at {@code hour}; returns how many. */
    public int remind(Instant hour) {
        List<Booking> due = store.remindersDue(hour);
        due.forEach(b -> publish(DomainEvent.Type.BOOKING_REMINDER, b));
        return due.size();
    }

    private Booking release(Booking booking, Booking.Status status, String note, DomainEvent.Type event) {
        Booking changed = booking.with(status, note, clock.instant());
        replaceOrStale(changed, booking.version());
        booking.cells().forEach(c -> ledger.release(ledgerKey(booking), c, booking.holderId()));
        publish(event, changed);
        return changed;
    }

    private void replaceOrStale(Booking changed, long expected) {
        if (!store.replace(changed, expected)) {
            throw new DomainException.PreconditionFailed("Cette réservation a changé entre-temps. Rechargez-la.");
        }
    }

    private static String ledgerKey(Booking booking) {
        return Resource.ledgerKey(booking.kind(), booking.tenantId(), booking.resourceId());
    }

    private void publish(DomainEvent.Type type, Booking booking) {
        events.publish(new DomainEvent(type, booking.tenantId(), booking.id(), clock.instant(), booking.version()));
    }
}
