package fr.plateformecitoyens.core.tenant;

import java.util.Objects;

/** A local authority using the platform: a commune, an intercommunality (EPCI) or a department. */
public record Tenant(String id, String name, TenantKind kind, String inseeCode, Territory territory) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(inseeCode, "inseeCode");
        Objects.requireNonNull(territory, "territory");
    }
}
