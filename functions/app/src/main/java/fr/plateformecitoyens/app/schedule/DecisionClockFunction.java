package fr.plateformecitoyens.app.schedule;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.log.Log;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.core.legal.ImplicitDecisions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** The nightly job that turns silence into implicit decisions (see {@link ImplicitDecisions}). */
public final class DecisionClockFunction implements Function<InputStream, byte[]> {

    private final Services services;

    public DecisionClockFunction(Services services) {
        this.services = services;
    }

    @Override
    public byte[] apply(InputStream input) {
        String id;
        try {
            id = Json.parse(input.readAllBytes()).path("id").asText("schedule");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Log.begin("decisionClock", id);
        try {
            int decided = new ImplicitDecisions(services.requests(), services.events(), services.clock()).applyDue();
            Log.info("implicit decisions applied", "decided", decided);
            return Json.writeBytes(Json.object().put("decided", decided));
        } finally {
            Log.end();
        }
    }
}
