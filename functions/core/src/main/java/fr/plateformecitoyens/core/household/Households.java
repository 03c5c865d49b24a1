package fr.plateformecitoyens.core.household;

import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and replaces a citizen's household, checking each member. */
public final class Households {

    /** More than enough for a family, few enough to keep the item small. */
    public static final int MAX_MEMBERS = 20;
    private static final int MAX_NAME = 100;
    private static final Pattern ID = Pattern.compile("m-[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HouseholdStore store;
    private final Clock clock;

    public Households(HouseholdStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A member as sent by the citizen: every part may be missing or wrong. */
    public record MemberInput(String id, String givenNames, String familyName, String birthDate,
            String relationship) {
    }

    public Household of(String citizenId) {
        return store.find(citizenId).orElseGet(() -> Household.empty(citizenId));
    }

    /**
     * Replaces the household. A member sent with the id of a current member keeps it; any other gets a new id.
     * Every fault is listed ({@code members[1].birthDate}); nothing is stored if there is one.
     */
    public Household replace(String citizenId, List<MemberInput> inputs) {
        Household current = of(citizenId);
        List<FieldError> errors = new ArrayList<>();
        if (inputs.size() > MAX_MEMBERS) {
            throw new DomainException.InvalidInput("Votre foyer compte trop de personnes.", List.of(
                    new FieldError("members", "Indiquez au plus " + MAX_MEMBERS + " personnes.")));
        }
        List<HouseholdMember> members = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(fr.plateformecitoyens.core.legal.DecisionClock.PARIS));
        for (int i = 0; i < inputs.size(); i++) {
            MemberInput in = inputs.get(i);
            String at = "members[" + i + "].";
            String given = name(in.givenNames(), at + "givenNames", "le ou les prénoms", errors);
            String family = name(in.familyName(), at + "familyName", "le nom de famille", errors);
            LocalDate birth = null;
            try {
                birth = LocalDate.parse(in.birthDate() == null ? "" : in.birthDate());
                if (birth.isAfter(today) || birth.isBefore(today.minusYears(130))) {
                    errors.add(new FieldError(at + "birthDate", "La date de naissance n'est pas plausible."));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(at + "birthDate", "Saisissez une date valide, au format AAAA-MM-JJ."));
            }
            Optional<Relationship> relationship = Relationship.fromCode(in.relationship());
            if (relationship.isEmpty()) {
                errors.add(new FieldError(at + "relationship", "Choisissez le lien avec vous."));
            }
            String id = in.id() != null && ID.matcher(in.id()).matches() && current.member(in.id()).isPresent()
                    ? in.id() : newId();
            if (errors.isEmpty()) {
                members.add(new HouseholdMember(id, given, family, birth, relationship.get()));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("Certaines informations sur votre foyer sont à corriger.", errors);
        }
        Household next = new Household(citizenId, members, current.version() + 1);
        if (!store.save(next, current.version())) {
            throw new DomainException.PreconditionFailed("Votre foyer a été modifié par ailleurs. Rechargez la page.");
        }
        return next;
    }

    private static String name(String value, String field, String what, List<FieldError> errors) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            errors.add(new FieldError(field, "Indiquez " + what + " (" + MAX_NAME + " caractères au plus)."));
        }
        return clean;
    }

    private static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "m-" + HexFormat.of().formatHex(bytes);
    }
}
