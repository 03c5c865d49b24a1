package fr.plateformecitoyens.local.emulators;

import java.util.List;

/**
 * One queue configuration of a bucket's {@code NotificationConfiguration}: which created objects S3 announces,
 * and on which queue.
 *
 * @param configurationId the configuration's {@code Id}, as S3 puts it in each event
 * @param bucket          the bucket's name
 * @param events          the event types, such as {@code s3:ObjectCreated:*} or {@code s3:ObjectCreated:Put}
 * @param prefix          the key prefix filter, empty for any
 * @param suffix          the key suffix filter, empty for any
 * @param queueUrl        the queue's URL on the local SQS
 */
public record S3EventRoute(String configurationId, String bucket, List<String> events, String prefix, String suffix,
        String queueUrl) {

    public S3EventRoute {
        events = List.copyOf(events);
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
    }

    /** Whether an event named {@code eventName} (e.g. {@code ObjectCreated:Put}) about this key goes here. */
    public boolean matches(String bucketName, String eventName, String key) {
        if (!bucket.equals(bucketName) || !key.startsWith(prefix) || !key.endsWith(suffix)) {
            return false;
        }
        String type = "s3:" + eventName;
        for (String event : events) {
            if (event.equals(type) || event.endsWith(":*")
                    && type.startsWith(event.substring(0, event.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
