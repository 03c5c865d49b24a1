package fr.plateformecitoyens.local.template;

/**
 * An event source of a function ({@code Events} of an {@code AWS::Serverless::Function}), in the form the
 * local cloud runs: an HTTP route, a queue to poll, a schedule, or another type it does not run.
 */
public sealed interface FunctionEvent permits HttpRoute, QueueSource, Schedule, OtherEvent {

    /** The event's name, its key under {@code Events}. */
    String eventName();
}
