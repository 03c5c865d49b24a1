package fr.plateformecitoyens.app.queue;

import fr.plateformecitoyens.adapters.dynamo.Attributes;
import fr.plateformecitoyens.adapters.log.Log;
import fr.plateformecitoyens.app.Services;
import fr.plateformecitoyens.media.PhotoProcessor;
import fr.plateformecitoyens.media.PhotoRefused;
import fr.plateformecitoyens.media.ProcessedPhoto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * What happens to one uploaded photo of an incident report.
 *
 * <p>The upload is {@code uploads/reports/{tenantId}/{reportId}/{photoId}}; before granting it, the reports API
 * wrote the photo item ({@code REPORT#reportId} / {@code PHOTO#photoId}, status {@code pending}, its tenant and
 * upload key). The photo is checked and re-encoded ({@link PhotoProcessor}); the web image and the thumbnail go
 * to {@code media/reports/{tenantId}/{reportId}/{photoId}/web.jpg} and {@code thumb.jpg}; the item becomes
 * {@code ready} with both keys and the web image's size; then the upload, which still carries the original's
 * EXIF and GPS position, is deleted. A refused file makes the item {@code failed} with a French reason, and its
 * upload is deleted too.
 *
 * <p>Each step may run twice (a redelivered message, a crash between two steps) and comes out the same: media
 * objects are overwritten with the same bytes, the item changes only while it is {@code pending} (a
 * conditional update), a finished photo's leftover upload is deleted. A key outside the prefix, or one with no
 * photo item, is ignored and logged.
 */
final class PhotoUploads {

    private static final Pattern UPLOAD_KEY = Pattern.compile("uploads/reports/([^/]+)/([^/]+)/([^/]+)");
    static final String GIVEN_UP = "Cette photo n'a pas pu être traitée. Merci de l'envoyer à nouveau.";
    static final String MISSING = "Le fichier de cette photo n'a pas été reçu. Merci de l'envoyer à nouveau.";

    private final Services services;
    private final PhotoProcessor processor;

    PhotoUploads(Services services, PhotoProcessor processor) {
        this.services = services;
        this.processor = processor;
    }

    /** An object key as S3 event notifications carry it: URL-encoded, with {@code +} for a space. */
    static String decodeKey(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    /**
     * Processes the upload at {@code key}. Throws when a service fails, for the message to be retried; on the
     * last attempt the photo is first marked failed, so that the citizen and the agents see it.
     */
    void process(String bucket, String key, boolean lastAttempt) {
        Matcher matcher = UPLOAD_KEY.matcher(key);
        if (!matcher.matches()) {
            Log.info("object outside uploads/reports/ ignored", "key", key);
            return;
        }
        String tenantId = matcher.group(1);
        String reportId = matcher.group(2);
        String photoId = matcher.group(3);
        Map<String, AttributeValue> itemKey = Attributes.key("REPORT#" + reportId, "PHOTO#" + photoId);
        try {
            processPhoto(bucket, key, tenantId, reportId, photoId, itemKey);
        } catch (RuntimeException e) {
            if (lastAttempt) {
                try {
                    markFailed(itemKey, GIVEN_UP, "given up");
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
            }
            throw e;
        }
    }

    private void processPhoto(String bucket, String key, String tenantId, String reportId, String photoId,
            Map<String, AttributeValue> itemKey) {
        Map<String, AttributeValue> item = services.dynamo()
                .getItem(b -> b.tableName(services.table()).key(itemKey).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            Log.warn("upload without a photo item ignored", "key", key);
            return;
        }
        if (!tenantId.equals(Attributes.optionalString(item, "tenantId").orElse(null))
                || !Attributes.optionalString(item, "uploadKey").map(key::equals).orElse(true)) {
            Log.warn("upload whose key does not match its photo item ignored", "key", key);
            return;
        }
        String status = Attributes.optionalString(item, "status").orElse("");
        if (!status.equals("pending")) {
            // Finished by an earlier delivery, which may have stopped before deleting the upload.
            services.s3().deleteObject(b -> b.bucket(bucket).key(key));
            Log.info("photo already processed, upload removed", "key", key, "status", status);
            return;
        }
        ProcessedPhoto photo;
        Optional<byte[]> content;
        long start = System.nanoTime();
        try {
            content = read(bucket, key);
            if (content.isEmpty()) {
                markFailed(itemKey, MISSING, "upload missing");
                return;
            }
            photo = processor.process(content.get());
        } catch (PhotoRefused refused) {
            markFailed(itemKey, refused.reason(), "refused");
            services.s3().deleteObject(b -> b.bucket(bucket).key(key));
            return;
        }
        String media = "media/reports/" + tenantId + "/" + reportId + "/" + photoId + "/";
        put(bucket, media + "web.jpg", photo.web());
        put(bucket, media + "thumb.jpg", photo.thumbnail());
        if (markReady(itemKey, media, photo)) {
            services.s3().deleteObject(b -> b.bucket(bucket).key(key));
            Log.info("photo ready", "key", key, "width", photo.width(), "height", photo.height(),
                    "type", photo.sourceType().name(), "bytes", content.get().length,
                    "ms", (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** The upload's bytes, empty when it is gone; a file over the size limit is refused before it is read. */
    private Optional<byte[]> read(String bucket, String key) throws PhotoRefused {
        try (ResponseInputStream<GetObjectResponse> in = services.s3().getObject(b -> b.bucket(bucket).key(key))) {
            Long length = in.response().contentLength();
            if (length != null) {
                processor.checkSize(length);
            }
            return Optional.of(in.readAllBytes());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload " + key, e);
        }
    }

    private void put(String bucket, String key, byte[] jpeg) {
        services.s3().putObject(b -> b.bucket(bucket).key(key).contentType("image/jpeg")
                .cacheControl("private, max-age=31536000, immutable"), RequestBody.fromBytes(jpeg));
    }

    private boolean markReady(Map<String, AttributeValue> itemKey, String media, ProcessedPhoto photo) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":ready", Attributes.s("ready"));
        values.put(":web", Attributes.s(media + "web.jpg"));
        values.put(":thumb", Attributes.s(media + "thumb.jpg"));
        values.put(":width", Attributes.n(photo.width()));
        values.put(":height", Attributes.n(photo.height()));
        return update(itemKey, "SET #status = :ready, webKey = :web, thumbKey = :thumb, #width = :width, "
                + "#height = :height, processedAt = :at", Map.of("#width", "width", "#height", "height"), values,
                "ready");
    }

    /** Marks the photo failed if it is still pending; whether it was. */
    private boolean markFailed(Map<String, AttributeValue> itemKey, String reason, String why) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":failed", Attributes.s("failed"));
        values.put(":reason", Attributes.s(reason));
        boolean changed = update(itemKey, "SET #status = :failed, #reason = :reason, processedAt = :at",
                Map.of("#reason", "reason"), values, "failed");
        if (changed) {
            Log.info("photo failed", "photo", itemKey.get("sk").s(), "why", why);
        }
        return changed;
    }

    private boolean update(Map<String, AttributeValue> itemKey, String expression, Map<String, String> names,
            Map<String, AttributeValue> values, String outcome) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#status", "status");
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":pending", Attributes.s("pending"));
        allValues.put(":at", Attributes.s(services.clock().instant().toString()));
        try {
            services.dynamo().updateItem(b -> b.tableName(services.table()).key(itemKey)
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(pk) AND #status = :pending")
                    .expressionAttributeNames(allNames).expressionAttributeValues(allValues));
            return true;
        } catch (ConditionalCheckFailedException e) {
            Log.info("photo no longer pending, left as it is", "photo", itemKey.get("sk").s(), "outcome", outcome);
            return false;
        }
    }
}
