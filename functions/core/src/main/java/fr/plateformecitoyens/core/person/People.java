package fr.plateformecitoyens.core.person;

import fr.plateformecitoyens.core.access.AccessEntry;
import fr.plateformecitoyens.core.access.AccessJournal;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.port.TenantDirectory;
import fr.plateformecitoyens.core.request.Applicant;
import fr.plateformecitoyens.core.tenant.AgentMembership;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tenant's directory as reception agents use it: find a person by name or e-mail address, record a contact
 * for a person with no account. Every search is written to the access journal before its results are returned.
 */
public final class People {

    public static final int MIN_QUERY = 2;
    private static final int MAX_RESULTS = 20;
    private static final int MAX_TEXT = 120;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 .-]{5,19}$");
    private static final Pattern POSTCODE = Pattern.compile("^[0-9]{5}$");
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PersonDirectory directory;
    private final TenantDirectory tenants;
    private final AccessJournal journal;

    public People(PersonDirectory directory, TenantDirectory tenants, AccessJournal journal) {
        this.directory = directory;
        this.tenants = tenants;
        this.journal = journal;
    }

    /** What an agent types to record a contact. */
    public record NewContact(String givenName, String familyName, String email, String phone, String street,
            String postcode, String city) {
    }

    /** The agent's membership of the tenant, or a refusal. */
    public AgentMembership membership(String tenantId, String agentId) {
        return tenants.membership(tenantId, agentId)
                .orElseThrow(() -> new DomainException.Forbidden("Vous n'êtes pas agent de cette collectivité."));
    }

    /** People whose name starts with the query (family name first), or whose e-mail address it is. */
    public List<Person> search(String tenantId, String agentId, String agentName, String query) {
        membership(tenantId, agentId);
        String text = query == null ? "" : query.strip();
        if (text.length() > MAX_TEXT) {
            throw invalid("q", "La recherche ne doit pas dépasser " + MAX_TEXT + " caractères.");
        }
        List<Person> found;
        if (text.contains("@")) {
            found = directory.byEmail(tenantId, text.toLowerCase(Locale.ROOT), MAX_RESULTS);
        } else {
            String start = Names.normalise(text);
            if (start.length() < MIN_QUERY) {
                throw invalid("q", "Saisissez au moins " + MIN_QUERY + " lettres du nom de famille, ou l'adresse "
                        + "électronique complète.");
            }
            found = directory.byName(tenantId, start, MAX_RESULTS);
        }
        journal.record(tenantId, agentId, agentName, AccessEntry.Action.PEOPLE_SEARCH, Optional.empty(),
                Optional.empty());
        return found;
    }

    public Person createContact(String tenantId, String agentId, NewContact c) {
        membership(tenantId, agentId);
        List<FieldError> errors = new ArrayList<>();
        String given = clean(c.givenName());
        String family = clean(c.familyName());
        String email = clean(c.email()).toLowerCase(Locale.ROOT);
        String phone = clean(c.phone());
        String street = clean(c.street());
        String postcode = clean(c.postcode());
        String city = clean(c.city());
        if (Names.normalise(given).isEmpty()) {
            errors.add(new FieldError("givenName", "Indiquez le ou les prénoms."));
        }
        if (Names.normalise(family).isEmpty()) {
            errors.add(new FieldError("familyName", "Indiquez le nom de famille."));
        }
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "Saisissez une adresse électronique valide, par exemple "
                    + "nom@exemple.fr, ou laissez le champ vide."));
        }
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError("phone", "Saisissez un numéro de téléphone, par exemple 01 23 45 67 89, "
                    + "ou laissez le champ vide."));
        }
        boolean anyAddress = !street.isEmpty() || !postcode.isEmpty() || !city.isEmpty();
        if (anyAddress || email.isEmpty()) {
            String why = email.isEmpty() ? " (sans adresse électronique, l'accusé de réception est envoyé par "
                    + "courrier)" : "";
            if (street.isEmpty()) {
                errors.add(new FieldError("street", "Indiquez le numéro et la voie" + why + "."));
            }
            if (!POSTCODE.matcher(postcode).matches()) {
                errors.add(new FieldError("postcode", "Indiquez le code postal, en cinq chiffres" + why + "."));
            }
            if (city.isEmpty()) {
                errors.add(new FieldError("city", "Indiquez la commune" + why + "."));
            }
        }
        String[][] texts = {{"givenName", given}, {"familyName", family}, {"email", email}, {"phone", phone},
            {"street", street}, {"postcode", postcode}, {"city", city}};
        for (String[] text : texts) {
            if (text[1].length() > MAX_TEXT && errors.stream().noneMatch(e -> e.field().equals(text[0]))) {
                errors.add(new FieldError(text[0], "Ce champ ne doit pas dépasser " + MAX_TEXT + " caractères."));
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("Certaines informations sur la personne sont à corriger.", errors);
        }
        Person contact = new Person(tenantId, Person.Kind.CONTACT, newId(), given, family, Optional.of(email),
                Optional.of(phone), anyAddress ? Optional.of(new PostalAddress(street, postcode, city))
                        : Optional.empty());
        directory.save(contact);
        return contact;
    }

    /** Remembers a citizen who filed a request with the tenant, so reception agents can find them again. */
    public void rememberCitizen(String tenantId, Applicant applicant) {
        if (Names.normalise(applicant.familyName()).isEmpty() && applicant.email() == null) {
            return;
        }
        directory.save(new Person(tenantId, Person.Kind.CITIZEN, applicant.id(), applicant.givenName(),
                applicant.familyName(), Optional.ofNullable(applicant.email()).map(e -> e.toLowerCase(Locale.ROOT)),
                Optional.empty(), Optional.empty()));
    }

    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private static String newId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    private static DomainException.InvalidInput invalid(String field, String message) {
        return new DomainException.InvalidInput(message, List.of(new FieldError(field, message)));
    }
}
