package fr.plateformecitoyens.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Plays Lambda's event source mapping for one SQS queue: long-polls it, hands batches to the function as
 * SQS events, deletes what succeeded. With ReportBatchItemFailures only the messages the function lists
 * stay on the queue; without it a failed invocation leaves the whole batch. What stays comes back after
 * the queue's visibility timeout, and the queue's redrive policy moves it to the dead-letter queue after
 * too many receives, as on AWS.
 */
public final class QueueWorker implements AutoCloseable {

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final int batchSize;
    private final boolean reportFailures;
    private final FunctionHost function;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong delivered = new AtomicLong();
    private final Thread thread;

    public QueueWorker(SqsClient sqs, String queueUrl, String queueArn, int batchSize, boolean reportFailures,
            FunctionHost function) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.batchSize = Math.max(1, Math.min(batchSize, 10));
        this.reportFailures = reportFailures;
        this.function = function;
        this.thread = new Thread(this::loop, "queue-" + function.logicalId());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** How many messages were handed to the function so far. */
    public long delivered() {
        return delivered.get();
    }

    private void loop() {
        while (running.get()) {
            try {
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
                        .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (!messages.isEmpty()) {
                    deliver(messages);
                }
            } catch (RuntimeException e) {
                if (running.get()) {
                    System.err.println("queue worker " + function.logicalId() + ": " + e.getMessage());
                    sleep();
                }
            }
        }
    }

    private void deliver(List<Message> messages) {
        delivered.addAndGet(messages.size());
        Set<String> failed = new HashSet<>();
        try {
            JsonNode output = Json.parse(function.invoke(Json.writeBytes(event(messages))));
            if (reportFailures) {
                output.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
            }
        } catch (RuntimeException e) {
            System.err.println("function " + function.logicalId() + " failed on a batch: " + e);
            messages.forEach(m -> failed.add(m.messageId()));
        }
        List<DeleteMessageBatchRequestEntry> done = messages.stream().filter(m -> !failed.contains(m.messageId()))
                .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle())
                        .build())
                .toList();
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
        }
    }

    private ObjectNode event(List<Message> messages) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", m.messageId());
            record.put("receiptHandle", m.receiptHandle());
            record.put("body", m.body());
            ObjectNode attributes = record.putObject("attributes");
            m.attributesAsStrings().forEach(attributes::put);
            record.putObject("messageAttributes");
            record.put("md5OfBody", m.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", "eu-west-3");
        }
        return event;
    }

    private void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
