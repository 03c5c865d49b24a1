package fr.plateformecitoyens.core.report;

import java.util.Objects;

/**
 * Who reported: a citizen's account id, or {@code open311:<key id>} for a report a client application
 * posted, with the name and e-mail it gave (both may be empty).
 */
public record Reporter(String id, String givenName, String familyName, String email) {

    public Reporter {
        Objects.requireNonNull(id, "id");
        givenName = givenName == null ? "" : givenName.strip();
        familyName = familyName == null ? "" : familyName.strip();
        email = email == null || email.isBlank() ? null : email.strip();
    }

    public String displayName() {
        return (givenName + " " + familyName).strip();
    }
}
