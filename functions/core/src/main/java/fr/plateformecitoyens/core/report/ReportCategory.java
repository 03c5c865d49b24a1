package fr.plateformecitoyens.core.report;

import java.util.List;
import java.util.Objects;

/**
 * A kind of problem a tenant takes reports of (éclairage public, nid-de-poule…), and the handling
 * service it routes them to. {@code code} is also the Open311 {@code service_code}.
 *
 * @param group    a heading grouping categories (Open311 {@code group})
 * @param keywords words a client may search (Open311 {@code keywords})
 */
public record ReportCategory(String tenantId, String code, String name, String description, String serviceId,
        String group, List<String> keywords) {

    public ReportCategory {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serviceId, "serviceId");
        description = description == null ? "" : description;
        group = group == null ? "" : group;
        keywords = List.copyOf(keywords);
    }
}
