package fr.plateformecitoyens.core.inbox;

import fr.plateformecitoyens.core.request.Page;
import java.util.Optional;

/** The inbox views over the stored requests: each page is one index Query, never a scan. */
public interface InboxIndex {

    /**
     * One page of the view. A page may hold fewer than {@code limit} lines (even none) and still have a
     * next cursor, when the criteria that are filters rather than keys left out what the Query read.
     */
    Page<InboxEntry> page(InboxQuery query, Optional<String> cursor, int limit);
}
