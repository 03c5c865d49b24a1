package fr.plateformecitoyens.app.schedule;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.core.legal.ImplicitDecisions;
import java.io.InputStream;
import java.util.function.Function;

/** The nightly job that turns silence into implicit decisions (see {@link ImplicitDecisions}). */
public final class DecisionClockFunction {

    private DecisionClockFunction() {
    }

    public static Function<InputStream, byte[]> function(Services services) {
        return new ScheduledJob("decisionClock", () -> Json.object().put("decided",
                new ImplicitDecisions(services.requests(), services.events(), services.clock()).applyDue()));
    }
}
