package fr.plateformecitoyens.core.tenant;

/** The kinds of local authority the platform serves. */
public enum TenantKind {
    COMMUNE, EPCI, DEPARTEMENT;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TenantKind fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
