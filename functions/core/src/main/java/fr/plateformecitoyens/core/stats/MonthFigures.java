package fr.plateformecitoyens.core.stats;

import java.time.YearMonth;
import java.util.Map;

/**
 * A tenant's figures for one month, as kept up to date on each submission and decision.
 *
 * @param submitted         requests received that month
 * @param byProcedure       of those, per démarche id
 * @param byChannel         of those, per channel code
 * @param decided           requests decided that month (express or implicit decisions, closures)
 * @param implicitDecisions of those, the implicit ones
 * @param processingTimes   the receipt-to-decision times of the decisions of that month
 */
public record MonthFigures(YearMonth month, long submitted, Map<String, Long> byProcedure,
        Map<String, Long> byChannel, long decided, long implicitDecisions, ProcessingTimes processingTimes) {

    public MonthFigures {
        byProcedure = Map.copyOf(byProcedure);
        byChannel = Map.copyOf(byChannel);
    }
}
