package fr.plateformecitoyens.core.person;

/** Where to post a letter in France: the street line (with any complement), the postcode and the town. */
public record PostalAddress(String street, String postcode, String city) {

    public PostalAddress {
        street = street == null ? "" : street.strip();
        postcode = postcode == null ? "" : postcode.strip();
        city = city == null ? "" : city.strip();
    }

    public String oneLine() {
        return street + ", " + postcode + " " + city;
    }
}
