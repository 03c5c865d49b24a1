package fr.plateformecitoyens.local.template;

/**
 * A queue that invokes the function with batches of messages ({@code Type: SQS}).
 *
 * @param eventName                the event's name
 * @param queueLogicalId           the logical id of the queue in the template
 * @param queueUrl                 the URL of the queue on the local SQS emulator
 * @param batchSize                the largest batch ({@code BatchSize}, 10 by default)
 * @param maxBatchingWindowSeconds how long to gather a batch ({@code MaximumBatchingWindowInSeconds}, 0 by default)
 * @param reportBatchItemFailures  whether the function returns the ids of failed messages
 *                                 ({@code FunctionResponseTypes: [ReportBatchItemFailures]})
 * @param visibilityTimeoutSeconds the queue's visibility timeout (30 by default)
 */
public record QueueSource(String eventName, String queueLogicalId, String queueUrl, int batchSize,
        int maxBatchingWindowSeconds, boolean reportBatchItemFailures, int visibilityTimeoutSeconds)
        implements FunctionEvent {
}
