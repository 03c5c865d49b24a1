package fr.plateformecitoyens.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates {@code AWS::SQS::Queue} resources on ElasticMQ with their attributes: visibility timeout, delay, long
 * polling, FIFO settings and the redrive policy (ElasticMQ ignores retention and maximum size, so they are
 * logged as skipped). A redrive policy names its dead-letter queue by ARN; the template
 * gets it with {@code !GetAtt Dlq.Arn}, which resolves to the ARN that ElasticMQ reports (its region is
 * {@code elasticmq} unless the server is given one), so ElasticMQ finds the queue.
 */
final class SqsProvisioning {

    private static final Logger LOG = LoggerFactory.getLogger(SqsProvisioning.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PLAIN_ATTRIBUTES = List.of("DelaySeconds", "ReceiveMessageWaitTimeSeconds",
            "VisibilityTimeout", "FifoQueue", "ContentBasedDeduplication", "DeduplicationScope",
            "FifoThroughputLimit");
    private static final List<String> JSON_ATTRIBUTES = List.of("RedrivePolicy", "RedriveAllowPolicy");
    private static final Map<String, String> SKIP_REASONS = Map.of(
            "SqsManagedSseEnabled", "ElasticMQ keeps messages in memory",
            "MessageRetentionPeriod", "ElasticMQ ignores it: messages stay until deleted",
            "MaximumMessageSize", "ElasticMQ ignores it",
            "KmsMasterKeyId", "no KMS locally",
            "KmsDataKeyReusePeriodSeconds", "no KMS locally");

    private SqsProvisioning() {
    }

    /** Creates the queue and gives its URL ({@code Ref}), Arn, QueueName and QueueUrl. */
    static ProvisionedResource createQueue(ProvisioningClients clients, ResourceProperties properties) {
        boolean fifo = Boolean.TRUE.equals(properties.bool("FifoQueue"));
        String name = properties.string("QueueName", properties.generatedName(false) + (fifo ? ".fifo" : ""));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String key : PLAIN_ATTRIBUTES) {
            String value = properties.string(key);
            if (value != null) {
                attributes.put(key, value);
            }
        }
        for (String key : JSON_ATTRIBUTES) {
            Object value = properties.raw(key);
            if (value != null) {
                attributes.put(key, value instanceof String text ? text : json(value, properties.logicalId(), key));
            }
        }
        properties.logSkipped(LOG, SKIP_REASONS);
        SqsClient sqs = clients.sqs();
        String url = sqs.createQueue(r -> r.queueName(name).attributesWithStrings(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new ProvisionedResource(properties.logicalId(), properties.type(), url,
                Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
    }

    private static String json(Object value, String logicalId, String key) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new TemplateException(logicalId + "." + key + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
