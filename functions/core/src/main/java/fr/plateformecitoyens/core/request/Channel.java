package fr.plateformecitoyens.core.request;

import java.util.Locale;

/** How a request reached the administration. Every channel gets the same acknowledgement. */
public enum Channel {
    WEB, COUNTER, PHONE, POST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
