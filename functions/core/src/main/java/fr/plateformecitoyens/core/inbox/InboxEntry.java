package fr.plateformecitoyens.core.inbox;

import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.RequestStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** What a line of the inbox shows of a request: the attributes the inbox indexes project. */
public record InboxEntry(String tenantId, String reference, String serviceId, String procedureId,
        String procedureTitle, RequestStatus status, Channel channel, Instant receivedAt, Instant updatedAt,
        Optional<LocalDate> implicitDecisionDate, String citizenGivenName, String citizenFamilyName,
        Optional<String> assigneeId, long version) {

    public String citizenName() {
        return (citizenGivenName + " " + citizenFamilyName).strip();
    }
}
