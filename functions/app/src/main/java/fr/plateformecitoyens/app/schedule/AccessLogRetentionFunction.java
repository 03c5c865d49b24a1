package fr.plateformecitoyens.app.schedule;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.core.access.AccessJournal;
import java.io.InputStream;
import java.util.function.Function;

/** The nightly job that deletes access-journal entries past their retention (see {@link AccessJournal}). */
public final class AccessLogRetentionFunction {

    private AccessLogRetentionFunction() {
    }

    public static Function<InputStream, byte[]> function(Services services) {
        return new ScheduledJob("accessLogRetention", () -> Json.object().put("purged",
                services.accessJournal().purge()));
    }
}
