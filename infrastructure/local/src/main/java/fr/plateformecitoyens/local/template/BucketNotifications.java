package fr.plateformecitoyens.local.template;

import fr.plateformecitoyens.local.emulators.S3EventRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code NotificationConfiguration} of the template's buckets into the routes the local S3 endpoint
 * announces created objects on (see {@link fr.plateformecitoyens.local.emulators.S3EventProxy}). Queue
 * configurations are emulated, with their prefix and suffix filters; topic, Lambda and EventBridge
 * configurations are logged as not applied.
 */
public final class BucketNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(BucketNotifications.class);

    private BucketNotifications() {
    }

    /** The routes of every created bucket; call it once the buckets and queues are registered. */
    public static List<S3EventRoute> routes(Resolver resolver) {
        List<S3EventRoute> routes = new ArrayList<>();
        Map<String, ProvisionedResource> created = resolver.provisioned();
        for (Template.Resource bucket : resolver.template().resourcesOfType("AWS::S3::Bucket")) {
            ProvisionedResource provisioned = created.get(bucket.logicalId());
            if (provisioned == null || bucket.properties().get("NotificationConfiguration") == null) {
                continue;
            }
            Map<String, Object> properties = resolver.resolveProperties(bucket);
            Map<String, Object> configuration = Template.asMap(properties.get("NotificationConfiguration"),
                    bucket.logicalId() + ".NotificationConfiguration");
            configuration.keySet().stream().filter(k -> !k.equals("QueueConfigurations")).forEach(k ->
                    LOG.info("{}: NotificationConfiguration.{} not applied locally (queues only)",
                            bucket.logicalId(), k));
            String where = bucket.logicalId() + ".NotificationConfiguration.QueueConfigurations";
            int index = 0;
            for (Map<String, Object> queue : ResourceProperties.maps(configuration.get("QueueConfigurations"), where)) {
                index++;
                String arn = ResourceProperties.string(queue, "Queue");
                String id = ResourceProperties.string(queue, "Id");
                routes.add(new S3EventRoute(id == null ? bucket.logicalId() + "-queue-" + index : id,
                        provisioned.ref(), ResourceProperties.strings(queue.get("Event")), filter(queue, "prefix"),
                        filter(queue, "suffix"), queueUrl(created, arn, where)));
            }
        }
        return routes;
    }

    private static String filter(Map<String, Object> queue, String name) {
        if (!(queue.get("Filter") instanceof Map<?, ?> filter) || !(filter.get("S3Key") instanceof Map<?, ?> key)) {
            return "";
        }
        for (Map<String, Object> rule : ResourceProperties.maps(key.get("Rules"), "Filter.S3Key.Rules")) {
            if (String.valueOf(rule.get("Name")).toLowerCase(Locale.ROOT).equals(name)) {
                return String.valueOf(rule.get("Value"));
            }
        }
        return "";
    }

    private static String queueUrl(Map<String, ProvisionedResource> created, String arn, String where) {
        return created.values().stream()
                .filter(r -> r.type().equals("AWS::SQS::Queue") && arn.equals(r.attributes().get("Arn")))
                .map(ProvisionedResource::ref).findFirst()
                .orElseThrow(() -> new TemplateException(where + ": no queue of the template has the ARN " + arn));
    }
}
