package fr.plateformecitoyens.core.request;

import java.util.Objects;

/**
 * The person a request is for: a citizen's account id (the identity provider's subject) and how to
 * reach and name them.
 */
public record Applicant(String id, String givenName, String familyName, String email) {

    public Applicant {
        Objects.requireNonNull(id, "id");
        givenName = givenName == null ? "" : givenName.strip();
        familyName = familyName == null ? "" : familyName.strip();
    }

    public String displayName() {
        return (givenName + " " + familyName).strip();
    }
}
