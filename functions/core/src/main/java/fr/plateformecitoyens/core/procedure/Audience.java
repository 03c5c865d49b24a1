package fr.plateformecitoyens.core.procedure;

/** Who a démarche is for. */
public enum Audience {
    CITIZENS, ASSOCIATIONS, BUSINESSES;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
