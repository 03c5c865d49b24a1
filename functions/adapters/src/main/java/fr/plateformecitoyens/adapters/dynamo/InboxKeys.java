package fr.plateformecitoyens.adapters.dynamo;

import static fr.plateformecitoyens.adapters.dynamo.Attributes.number;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.optionalString;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.s;
import static fr.plateformecitoyens.adapters.dynamo.Attributes.string;

import fr.plateformecitoyens.core.inbox.InboxEntry;
import fr.plateformecitoyens.core.inbox.Names;
import fr.plateformecitoyens.core.request.Channel;
import fr.plateformecitoyens.core.request.CitizenRequest;
import fr.plateformecitoyens.core.request.RequestStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The inbox index keys of a request item (gsi4 to gsi8, see {@link Keys}) and the line of the inbox read
 * back from what those indexes project ({@link #PROJECTED}).
 */
final class InboxKeys {

    /** The attributes the inbox indexes project besides their keys: what an inbox line shows. */
    static final List<String> PROJECTED = List.of("tenantId", "reference", "serviceId", "procedureId",
            "procedureTitle", "status", "channel", "receivedAt", "updatedAt", "implicitDecisionDate",
            "applicantGivenName", "applicantFamilyName", "assigneeId", "version");

    private InboxKeys() {
    }

    static void put(Map<String, AttributeValue> item, CitizenRequest r) {
        boolean open = !r.status().isFinal();
        String at = r.receivedAt() + "#" + r.reference();
        if (r.assigneeId().isPresent()) {
            item.put("gsi4pk", s(Keys.assignee(r.tenantId(), r.assigneeId().get(), open)));
            item.put("gsi4sk", s(at));
        } else if (open) {
            item.put("gsi4pk", s(Keys.unassigned(r.tenantId(), r.serviceId())));
            item.put("gsi4sk", s(at));
        }
        item.put("gsi5pk", s(Keys.procedureInbox(r.tenantId(), r.serviceId(), r.procedureId(), open)));
        item.put("gsi5sk", s(at));
        if (r.status().clockRuns() && r.implicitDecisionDate().isPresent()) {
            item.put("gsi6pk", s(Keys.dueBy(r.tenantId(), r.serviceId())));
            item.put("gsi6sk", s(r.implicitDecisionDate().get() + "#" + at));
        }
        if (r.channel() != Channel.WEB) {
            item.put("gsi8pk", s(Keys.channelInbox(r.tenantId(), r.serviceId(), r.channel().code(), open)));
            item.put("gsi8sk", s(at));
        }
        String family = Names.normalise(r.applicant().familyName());
        item.put("gsi7pk", s(Keys.names(r.tenantId(), r.serviceId(), Names.partition(family))));
        item.put("gsi7sk", s(family + "#" + Names.normalise(r.applicant().givenName()) + "#" + at));
    }

    static InboxEntry entry(Map<String, AttributeValue> item) {
        return new InboxEntry(string(item, "tenantId"), string(item, "reference"), string(item, "serviceId"),
                string(item, "procedureId"), string(item, "procedureTitle"),
                RequestStatus.fromCode(string(item, "status")), Channel.fromCode(string(item, "channel")),
                Instant.parse(string(item, "receivedAt")), Instant.parse(string(item, "updatedAt")),
                optionalString(item, "implicitDecisionDate").map(LocalDate::parse),
                optionalString(item, "applicantGivenName").orElse(""),
                optionalString(item, "applicantFamilyName").orElse(""),
                optionalString(item, "assigneeId"), number(item, "version"));
    }
}
