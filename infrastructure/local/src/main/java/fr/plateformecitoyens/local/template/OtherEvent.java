package fr.plateformecitoyens.local.template;

import java.util.Map;

/**
 * An event source that the local cloud does not run (S3 notifications, DynamoDB streams…), kept so that it
 * can be reported.
 *
 * @param eventName  the event's name
 * @param type       its SAM type, such as {@code S3}
 * @param properties its properties, unevaluated
 */
public record OtherEvent(String eventName, String type, Map<String, Object> properties) implements FunctionEvent {
}
