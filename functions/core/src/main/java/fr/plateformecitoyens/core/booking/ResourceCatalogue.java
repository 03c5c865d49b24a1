package fr.plateformecitoyens.core.booking;

import java.util.List;
import java.util.Optional;

/** The bookable resources of each tenant and the periods closed on them. */
public interface ResourceCatalogue {

    List<Resource> resources(String tenantId, Resource.Kind kind);

    Optional<Resource> resource(String tenantId, Resource.Kind kind, String id);

    List<BlockedPeriod> blocked(String tenantId, String resourceId);

    void block(BlockedPeriod period);

    /** Reopens a blocked period; reopening one already gone is not an error. */
    void unblock(BlockedPeriod period);
}
