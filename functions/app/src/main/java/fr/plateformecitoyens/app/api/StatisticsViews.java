package fr.plateformecitoyens.app.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.app.http.ApiRequest;
import fr.plateformecitoyens.app.http.ApiResponse;
import fr.plateformecitoyens.core.error.DomainException;
import fr.plateformecitoyens.core.error.DomainException.FieldError;
import fr.plateformecitoyens.core.procedure.Procedure;
import fr.plateformecitoyens.core.request.Instruction;
import fr.plateformecitoyens.core.stats.MonthFigures;
import fr.plateformecitoyens.core.stats.ProcessingTimes;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /statistics}: a tenant's monthly figures over a range of months (one BatchGetItem of the
 * monthly counters) and the requests at risk (a count per day of the implicit-decision calendar).
 */
final class StatisticsViews {

    static final int MAX_MONTHS = 24;

    private StatisticsViews() {
    }

    static ApiResponse respond(Services services, Instruction instruction, ApiRequest request) {
        String tenantId = request.path("tenantId");
        instruction.membership(tenantId, request.subject());
        YearMonth current = YearMonth.now(services.clock().withZone(ZoneId.of("Europe/Paris")));
        List<FieldError> errors = new ArrayList<>();
        YearMonth to = month(request, "to", current, errors);
        YearMonth from = month(request, "from", to.minusMonths(11), errors);
        if (errors.isEmpty() && (from.isAfter(to) || from.plusMonths(MAX_MONTHS - 1).isBefore(to))) {
            errors.add(new FieldError("from", "Choisissez une période de 1 à " + MAX_MONTHS + " mois, « from » "
                    + "avant « to »."));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidInput("La période demandée n'est pas valide.", errors);
        }
        List<MonthFigures> months = services.statistics().months(tenantId, from, to);
        LocalDate today = InboxViews.today(services);
        long atRisk = services.statistics().dueBy(tenantId, today, today.plusDays(InboxViews.DUE_SOON_DAYS));

        ObjectNode body = Json.object().put("tenantId", tenantId).put("from", from.toString()).put("to", to.toString());
        ProcessingTimes all = new ProcessingTimes();
        Map<String, Long> procedures = new TreeMap<>();
        Map<String, Long> channels = new TreeMap<>();
        long submitted = 0;
        long decided = 0;
        long implicit = 0;
        var list = body.putArray("months");
        for (MonthFigures m : months) {
            ObjectNode node = list.addObject().put("month", m.month().toString());
            figures(node, m.submitted(), m.byProcedure(), m.byChannel(), m.decided(), m.implicitDecisions(),
                    m.processingTimes());
            all.addAll(m.processingTimes());
            m.byProcedure().forEach((k, v) -> procedures.merge(k, v, Long::sum));
            m.byChannel().forEach((k, v) -> channels.merge(k, v, Long::sum));
            submitted += m.submitted();
            decided += m.decided();
            implicit += m.implicitDecisions();
        }
        figures(body.putObject("totals"), submitted, procedures, channels, decided, implicit, all);
        body.putObject("atRisk").put("withinDays", InboxViews.DUE_SOON_DAYS).put("count", atRisk);
        ObjectNode titles = body.putObject("procedureTitles");
        for (Procedure p : services.catalogue().published(tenantId)) {
            titles.put(p.id(), p.title());
        }
        return ApiResponse.ok(body);
    }

    private static void figures(ObjectNode node, long submitted, Map<String, Long> procedures,
            Map<String, Long> channels, long decided, long implicit, ProcessingTimes times) {
        node.put("submitted", submitted);
        ObjectNode p = node.putObject("byProcedure");
        new TreeMap<>(procedures).forEach(p::put);
        ObjectNode c = node.putObject("byChannel");
        new TreeMap<>(channels).forEach(c::put);
        node.put("decided", decided).put("implicitDecisions", implicit);
        double median = times.medianDays();
        if (median < 0) {
            node.putNull("medianProcessingDays");
        } else {
            node.put("medianProcessingDays", median);
        }
    }

    private static YearMonth month(ApiRequest request, String name, YearMonth fallback, List<FieldError> errors) {
        String value = request.query(name).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "Indiquez un mois au format AAAA-MM."));
            return fallback;
        }
    }
}
