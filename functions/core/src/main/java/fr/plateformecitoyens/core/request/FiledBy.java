package fr.plateformecitoyens.core.request;

import fr.plateformecitoyens.core.document.DocumentRef;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * How a request that did not come through the web reached the administration: the agent who filed it on
 * the person's behalf and, for a letter, the day it arrived and its scan.
 *
 * @param agentId         the filing agent's account id (the identity provider's subject)
 * @param agentName       the agent's name at the time, for the record
 * @param letterArrivedOn for a letter, the day it arrived at the town hall: the legal date of receipt
 * @param letter          for a letter, its scan as kept with the request
 */
public record FiledBy(String agentId, String agentName, Optional<LocalDate> letterArrivedOn,
        Optional<DocumentRef> letter) {

    public FiledBy {
        Objects.requireNonNull(agentId, "agentId");
        agentName = agentName == null ? "" : agentName.strip();
        Objects.requireNonNull(letterArrivedOn, "letterArrivedOn");
        Objects.requireNonNull(letter, "letter");
    }

    public FiledBy withLetter(Optional<DocumentRef> scan) {
        return new FiledBy(agentId, agentName, letterArrivedOn, scan);
    }
}
