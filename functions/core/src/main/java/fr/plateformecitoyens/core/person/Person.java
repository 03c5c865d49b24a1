package fr.plateformecitoyens.core.person;

import fr.plateformecitoyens.core.request.Applicant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Somebody a reception agent files requests for, as the tenant's directory knows them: a citizen with an
 * account (remembered when they file a request with the tenant), or a contact the agent recorded for a person
 * with no account.
 *
 * @param id for a citizen, their account id; for a contact, the id the directory gave them
 */
public record Person(String tenantId, Kind kind, String id, String givenName, String familyName,
        Optional<String> email, Optional<String> phone, Optional<PostalAddress> address) {

    /** The prefix of a contact's applicant id: no identity provider hands out subjects of that shape. */
    public static final String CONTACT_APPLICANT = "contact-";

    public Person {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        givenName = givenName == null ? "" : givenName.strip();
        familyName = familyName == null ? "" : familyName.strip();
        email = email.map(String::strip).filter(e -> !e.isEmpty());
        phone = phone.map(String::strip).filter(p -> !p.isEmpty());
    }

    /** The requests filed for this person are theirs: a citizen sees them in « Mes demandes ». */
    public Applicant applicant() {
        return new Applicant(kind == Kind.CITIZEN ? id : CONTACT_APPLICANT + id, givenName, familyName,
                email.orElse(null));
    }

    public String displayName() {
        return (givenName + " " + familyName).strip();
    }

    /** Citizen with an account, or contact recorded by an agent. */
    public enum Kind {
        CITIZEN, CONTACT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
