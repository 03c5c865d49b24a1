package fr.plateformecitoyens.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.local.LocalAws;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The queue event source against the real SQS emulator, on a queue of its own with a one-second
 * visibility timeout and a dead-letter queue after two receives, feeding the real notification function.
 */
@ExtendWith(LocalCloudExtension.class)
class QueueWorkerTest {

    @Test
    void failedMessage_isRetriedAfterTheVisibilityTimeout_thenMovesToTheDlq_whileTheGoodOneIsDeleted(
            LocalCloud cloud) throws Exception {
        try (SqsClient sqs = LocalAws.sqs(cloud.emulators().endpoints())) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String dlqUrl = sqs.createQueue(b -> b.queueName("worker-test-dlq-" + suffix)).queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String queueUrl = sqs.createQueue(b -> b.queueName("worker-test-" + suffix).attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                    QueueAttributeName.REDRIVE_POLICY, Json.write(Json.object().put("deadLetterTargetArn", dlqArn)
                            .put("maxReceiveCount", 2))))).queueUrl();
            String good = Json.write(Json.object().put("type", "REQUEST_SUBMITTED").put("tenantId", "t")
                    .put("reference", "2026-0000-0000").put("occurredAt", "2026-12-03T09:00:00Z"));
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(good));
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("not an event"));

            try (QueueWorker worker = new QueueWorker(sqs, queueUrl, "arn:test", 10, true,
                    cloud.function("NotificationFunction"))) {
                List<Message> dead = List.of();
                for (int i = 0; i < 100 && dead.isEmpty(); i++) {
                    dead = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(0)).messages();
                    Thread.sleep(100);
                }

                assertEquals(1, dead.size());
                assertEquals("not an event", dead.get(0).body());
                assertTrue(worker.delivered() >= 3, "the poison message was delivered twice, the good one once");
                String count = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributesAsStrings().values().stream().reduce("", String::concat);
                assertEquals("00", count, "nothing left on the source queue");
            }
        }
    }

    @Test
    void scheduleExpressions_fireAtTheirNextTime() {
        var cron = ScheduleExpression.parse("cron(30 1 * * ? *)");
        var monday = ScheduleExpression.parse("cron(0 8 ? * MON-FRI *)");
        var at = java.time.ZonedDateTime.parse("2026-12-05T10:00:00Z");

        assertEquals("2026-12-06T01:30Z", cron.nextAfter(at).toString());
        assertEquals("2026-12-07T08:00Z", monday.nextAfter(at).toString());
        assertEquals("2026-12-05T10:05Z", ScheduleExpression.parse("rate(5 minutes)").nextAfter(at).toString());
    }
}
