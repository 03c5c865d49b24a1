package fr.plateformecitoyens.app;

import fr.plateformecitoyens.app.api.AgendaApi;
import fr.plateformecitoyens.app.api.AgentApi;
import fr.plateformecitoyens.app.api.BookingApi;
import fr.plateformecitoyens.app.api.CitizenApi;
import fr.plateformecitoyens.app.api.FilingApi;
import fr.plateformecitoyens.app.api.MessageApi;
import fr.plateformecitoyens.app.api.HouseholdApi;
import fr.plateformecitoyens.app.api.ProcedureAdminApi;
import fr.plateformecitoyens.app.api.InboxApi;
import fr.plateformecitoyens.app.api.PublicApi;
import fr.plateformecitoyens.app.api.UploadApi;
import fr.plateformecitoyens.app.api.ReportApi;
import fr.plateformecitoyens.app.api.ReportDeskApi;
import fr.plateformecitoyens.app.open311.Open311Api;
import fr.plateformecitoyens.app.queue.NotificationFunction;
import fr.plateformecitoyens.app.queue.PhotoProcessingFunction;
import fr.plateformecitoyens.app.schedule.AccessLogRetentionFunction;
import fr.plateformecitoyens.app.schedule.BookingRemindersFunction;
import fr.plateformecitoyens.app.schedule.DecisionClockFunction;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * Registers the platform's functions with Spring Cloud Function, functionally: no component scanning,
 * no annotation processing. Every Lambda function runs this same jar and picks its bean through
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION}; beans are lazy, so a function builds only its own handler
 * and the clients that handler uses.
 */
public final class PlatformFunctions implements ApplicationContextInitializer<GenericApplicationContext> {

    /** The functions by bean name: the names template.yaml gives as SPRING_CLOUD_FUNCTION_DEFINITION. */
    public static Map<String, Function<Services, Function<InputStream, byte[]>>> catalogue() {
        Map<String, Function<Services, Function<InputStream, byte[]>>> functions = new LinkedHashMap<>();
        functions.put("publicApi", PublicApi::function);
        functions.put("citizenApi", CitizenApi::function);
        functions.put("agentApi", AgentApi::function);
        functions.put("notifications", NotificationFunction::new);
        functions.put("decisionClock", DecisionClockFunction::function);
        functions.put("bookingApi", BookingApi::function);
        functions.put("agendaApi", AgendaApi::function);
        functions.put("bookingReminders", BookingRemindersFunction::function);
        functions.put("uploadApi", UploadApi::function);
        functions.put("photoProcessing", PhotoProcessingFunction::new);
        functions.put("reportApi", ReportApi::function);
        functions.put("reportDeskApi", ReportDeskApi::function);
        functions.put("open311", Open311Api::function);
        functions.put("filingApi", FilingApi::function);
        functions.put("accessLogRetention", AccessLogRetentionFunction::function);
        functions.put("messageApi", MessageApi::function);
        functions.put("procedureAdminApi", ProcedureAdminApi::function);
        functions.put("householdApi", HouseholdApi::function);
        functions.put("inboxApi", InboxApi::function);
        return functions;
    }

    private static final java.lang.reflect.Type RAW_FUNCTION =
            ResolvableType.forClassWithGenerics(Function.class, InputStream.class, byte[].class).getType();

    @Override
    public void initialize(GenericApplicationContext context) {
        Services services = new Services();
        catalogue().forEach((name, factory) -> context.registerBean(name, FunctionRegistration.class,
                () -> new FunctionRegistration<>(factory.apply(services), name)
                        .type(RAW_FUNCTION),
                definition -> definition.setLazyInit(true)));
    }

    /** Lets the jar run as a plain application too (Spring Cloud Function's functional bootstrap). */
    public static void main(String[] args) {
        org.springframework.cloud.function.context.FunctionalSpringApplication.run(PlatformFunctions.class, args);
    }
}
