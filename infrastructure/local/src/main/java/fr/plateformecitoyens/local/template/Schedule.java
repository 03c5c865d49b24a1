package fr.plateformecitoyens.local.template;

/**
 * A schedule that invokes the function ({@code Type: Schedule} or {@code ScheduleV2}).
 *
 * @param eventName  the event's name
 * @param expression the EventBridge expression, such as {@code cron(30 1 * * ? *)} or {@code rate(5 minutes)}
 * @param enabled    whether the schedule runs ({@code Enabled}, or {@code State: ENABLED}; true by default)
 */
public record Schedule(String eventName, String expression, boolean enabled) implements FunctionEvent {
}
