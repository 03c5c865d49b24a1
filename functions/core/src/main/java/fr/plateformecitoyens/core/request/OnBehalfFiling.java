package fr.plateformecitoyens.core.request;

import fr.plateformecitoyens.core.access.AccessEntry;
import fr.plateformecitoyens.core.access.AccessJournal;
import fr.plateformecitoyens.core.document.DocumentRef;
import fr.plateformecitoyens.core.document.UploadPolicy;
import fr.plateformecitoyens.core.document.Uploads;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.legal.DecisionClock;
import fr.plateformecitoyens.core.person.Person;
import fr.plateformecitoyens.core.person.PersonDirectory;
import fr.plateformecitoyens.core.port.TenantDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reception agent files a request for somebody who came to the counter, called, or wrote. The request is the
 * same as a web one (same checks, routing and acknowledgement) and belongs to the person: a citizen with an
 * account finds it in « Mes demandes ». It records which agent filed it and how.
 *
 * <p>A letter's date of receipt is the day it arrived, which the agent states: the decision clock runs from
 * that day, not from the day it is typed in. That day may not be in the future, nor more than
 * {@link #MAX_LETTER_AGE_DAYS} days back (the shortest silence period is a month, and the nightly decision job
 * looks a week back: an older letter would get an implicit decision nobody applies).
 */
public final class OnBehalfFiling {

    public static final int MAX_LETTER_AGE_DAYS = 31;

    private final SubmitRequest submit;
    private final PersonDirectory people;
    private final TenantDirectory tenants;
    private final Uploads uploads;
    private final AccessJournal journal;
    private final Clock clock;

    public OnBehalfFiling(SubmitRequest submit, PersonDirectory people, TenantDirectory tenants, Uploads uploads,
            AccessJournal journal, Clock clock) {
        this.submit = submit;
        this.people = people;
        this.tenants = tenants;
        this.uploads = uploads;
        this.journal = journal;
        this.clock = clock;
    }

    /** The scanned letter, as the agent uploaded it. */
    public record Letter(String uploadId, String fileName) {
    }

    /**
     * What the agent files.
     *
     * @param uploadOwner whose uploads the letter is among (the agent's)
     */
    public record Command(String tenantId, String agentId, String agentName, String personKind, String personId,
            String procedureId, Map<String, Object> data, String channel, Optional<String> letterArrivedOn,
            Optional<Letter> letter, String uploadOwner, Optional<String> idempotencyKey) {
    }

    public SubmitRequest.Outcome file(Command c) {
        tenants.membership(c.tenantId(), c.agentId())
                .orElseThrow(() -> new DomainException.Forbidden("Vous n'êtes pas agent de cette collectivité."));
        List<FieldError> errors = new ArrayList<>();
        Optional<Person> person = person(c, errors);
        Optional<Channel> channel = channel(c.channel(), errors);
        Optional<LocalDate> arrivedOn = Optional.empty();
        if (channel.isPresent() && channel.get() == Channel.POST) {
            arrivedOn = arrivalDay(c.letterArrivedOn(), errors);
            if (c.letter().isEmpty()) {
                errors.add(new FieldError("letter", "Joignez le courrier numérisé (PDF, JPEG ou PNG)."));
            }
        } else if (c.letterArrivedOn().isPresent() || c.letter().isPresent()) {
            errors.add(new FieldError(c.letter().isPresent() ? "letter" : "letterArrivedOn",
                    "La date d'arrivée et le courrier numérisé ne concernent que les demandes reçues par "
                            + "courrier."));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("Certaines informations sont à corriger.", errors);
        }
        Instant receivedAt = arrivedOn.map(OnBehalfFiling::receiptOfLetter).orElseGet(clock::instant);
        FiledBy filedBy = new FiledBy(c.agentId(), c.agentName(), arrivedOn, Optional.empty());
        SubmitRequest.LetterClaim claim = reference -> c.letter().map(l -> claim(c, l, reference));
        SubmitRequest.Outcome outcome = submit.submit(new SubmitRequest.Command(c.tenantId(), c.procedureId(),
                c.data(), person.get().applicant(), channel.get(), c.idempotencyKey(),
                Optional.of(new SubmitRequest.Intake(receivedAt, filedBy, claim))));
        journal.record(c.tenantId(), c.agentId(), c.agentName(), AccessEntry.Action.REQUEST_FILED,
                Optional.of(outcome.request().reference()), Optional.of(outcome.request().applicant().id()));
        return outcome;
    }

    /**
     * The instant a letter counts as received: the start of its arrival day in Paris, whatever day of the week
     * or holiday it is (a letter delivered on a Saturday is received that Saturday, and the period runs from it).
     */
    public static Instant receiptOfLetter(LocalDate arrivedOn) {
        return arrivedOn.atStartOfDay(DecisionClock.PARIS).toInstant();
    }

    private DocumentRef claim(Command c, Letter letter, String reference) {
        return uploads.claim(c.uploadOwner(), letter.uploadId(), letter.fileName(), UploadPolicy.DOCUMENTS,
                "requests/" + reference + "/courrier/" + letter.uploadId(), "letter");
    }

    private Optional<Person> person(Command c, List<FieldError> errors) {
        Optional<Person> found = Optional.empty();
        try {
            if (c.personKind() != null && c.personId() != null && !c.personId().isBlank()) {
                found = people.find(c.tenantId(), Person.Kind.fromCode(c.personKind()), c.personId());
            }
        } catch (IllegalArgumentException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            errors.add(new FieldError("person", "Choisissez la personne pour qui vous enregistrez la demande, "
                    + "ou créez sa fiche."));
        }
        return found;
    }

    private static Optional<Channel> channel(String code, List<FieldError> errors) {
        try {
            Channel channel = Channel.fromCode(code == null ? "" : code);
            if (channel != Channel.WEB) {
                return Optional.of(channel);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("channel", "Choisissez comment la demande est arrivée : au guichet, par "
                + "téléphone ou par courrier."));
        return Optional.empty();
    }

    private Optional<LocalDate> arrivalDay(Optional<String> text, List<FieldError> errors) {
        LocalDate today = DecisionClock.dayOf(clock.instant());
        LocalDate day;
        try {
            day = LocalDate.parse(text.orElse(""));
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError("letterArrivedOn", "Indiquez la date d'arrivée du courrier (AAAA-MM-JJ)."));
            return Optional.empty();
        }
        if (day.isAfter(today)) {
            errors.add(new FieldError("letterArrivedOn", "La date d'arrivée du courrier ne peut pas être dans le "
                    + "futur."));
        } else if (day.isBefore(today.minusDays(MAX_LETTER_AGE_DAYS))) {
            errors.add(new FieldError("letterArrivedOn", "La date d'arrivée ne peut pas remonter à plus de "
                    + MAX_LETTER_AGE_DAYS + " jours : adressez ce courrier à l'administrateur de la collectivité."));
        }
        return Optional.of(day);
    }
}
