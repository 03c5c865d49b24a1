package fr.plateformecitoyens.app.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.Config;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.log.Log;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.media.PhotoProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;

/**
 * Processes the photos of incident reports once the browser has uploaded them, off the request path: S3
 * announces each new object under {@code uploads/reports/} on the photo uploads queue, and this function
 * takes the messages in batches (see {@link PhotoUploads} for what happens to one upload).
 *
 * <p>A message whose processing fails for a reason that may pass (S3 or DynamoDB unreachable, throttled) is
 * listed in {@code batchItemFailures}: only it comes back, after the queue's visibility timeout. At its last
 * receive before the dead-letter queue ({@code PHOTO_UPLOADS_MAX_RECEIVE_COUNT}, the redrive policy's
 * {@code maxReceiveCount}), the photo is marked failed with a reason, so it does not stay pending with no one
 * knowing, and the message still goes to the dead-letter queue for the operators.
 */
public final class PhotoProcessingFunction implements Function<InputStream, byte[]> {

    private final Services services;
    /** Built on the first event: every function's context builds every handler, and only this one needs images. */
    private volatile PhotoUploads uploads;

    public PhotoProcessingFunction(Services services) {
        this.services = services;
    }

    private PhotoUploads uploads() {
        PhotoUploads current = uploads;
        if (current == null) {
            synchronized (this) {
                current = uploads;
                if (current == null) {
                    // Images are drawn in memory only; Lambda has no display, and no AWT toolkit should be sought.
                    if (System.getProperty("java.awt.headless") == null) {
                        System.setProperty("java.awt.headless", "true");
                    }
                    current = new PhotoUploads(services, new PhotoProcessor());
                    uploads = current;
                }
            }
        }
        return current;
    }

    @Override
    public byte[] apply(InputStream input) {
        JsonNode event;
        try {
            event = Json.parse(input.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int maxReceiveCount = Config.optional("PHOTO_UPLOADS_MAX_RECEIVE_COUNT").map(Integer::parseInt).orElse(5);
        ObjectNode response = Json.object();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (JsonNode message : event.path("Records")) {
            String messageId = message.path("messageId").asText();
            int receiveCount = message.path("attributes").path("ApproximateReceiveCount").asInt(1);
            boolean lastAttempt = receiveCount >= maxReceiveCount;
            Log.begin("photoProcessing", messageId);
            try {
                handle(message.path("body").asText(), lastAttempt);
            } catch (RuntimeException e) {
                Log.error(lastAttempt ? "message failed for the last time, it goes to the dead-letter queue"
                        : "message failed, it will be retried", e, "messageId", messageId,
                        "receiveCount", receiveCount);
                failures.addObject().put("itemIdentifier", messageId);
            } finally {
                Log.end();
            }
        }
        return Json.writeBytes(response);
    }

    /** One SQS message: an S3 event notification, which may hold several records. */
    private void handle(String body, boolean lastAttempt) {
        JsonNode notification = Json.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!notification.has("Records")) {
            // S3 sends an s3:TestEvent when the notification is set up; nothing to do.
            Log.info("message without S3 records ignored", "event", notification.path("Event").asText(""));
            return;
        }
        for (JsonNode record : notification.path("Records")) {
            String eventName = record.path("eventName").asText("");
            String bucket = record.path("s3").path("bucket").path("name").asText("");
            String key = PhotoUploads.decodeKey(record.path("s3").path("object").path("key").asText(""));
            if (!eventName.startsWith("ObjectCreated:")) {
                Log.info("S3 event other than a creation ignored", "eventName", eventName);
                continue;
            }
            uploads().process(bucket, key, lastAttempt);
        }
    }
}
