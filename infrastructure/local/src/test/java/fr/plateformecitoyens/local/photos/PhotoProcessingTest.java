package fr.plateformecitoyens.local.photos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.plateformecitoyens.adapters.aws.AwsClients;
import fr.plateformecitoyens.adapters.json.Json;
import fr.plateformecitoyens.adapters.storage.S3DocumentStore;
import fr.plateformecitoyens.core.port.UploadGrant;
import fr.plateformecitoyens.local.LocalAws;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.runtime.QueueWorker;
import fr.plateformecitoyens.local.seed.DemoData;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import fr.plateformecitoyens.local.testing.Samples;
import fr.plateformecitoyens.media.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Photos of incident reports from the browser's upload to the processed media, through the local cloud: a
 * presigned PUT to the local S3 endpoint, its event notification on the photo uploads queue, the processing
 * function, the photo item. The item is written here as the reports API writes it before granting an upload.
 */
@ExtendWith(LocalCloudExtension.class)
class PhotoProcessingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void presignedPutOfAPhoneJpeg_becomesReady_withWebAndThumbnailWithoutMetadata_andTheUploadDeleted(
            LocalCloud cloud) throws Exception {
        Photo photo = Photo.pending(cloud);
        byte[] jpeg = Fixtures.phoneJpeg(Fixtures.photoLike(2400, 1800, 7), 6);

        assertEquals(200, upload(cloud, photo, jpeg, "image/jpeg"));
        Map<String, AttributeValue> item = awaitProcessed(cloud, photo);

        assertEquals("ready", item.get("status").s(), item.toString());
        assertEquals(photo.media() + "web.jpg", item.get("webKey").s());
        assertEquals(photo.media() + "thumb.jpg", item.get("thumbKey").s());
        assertEquals("1200", item.get("width").n(), "portrait: orientation 6 turned the 2400 × 1800 shot");
        assertEquals("1600", item.get("height").n());
        assertTrue(item.containsKey("processedAt"));
        try (S3Client s3 = AwsClients.s3()) {
            String bucket = photo.bucket();
            byte[] web = s3.getObjectAsBytes(b -> b.bucket(bucket).key(photo.media() + "web.jpg")).asByteArray();
            var metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(web), web.length);
            assertNull(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class));
            assertNull(metadata.getFirstDirectoryOfType(GpsDirectory.class));
            assertNull(metadata.getFirstDirectoryOfType(XmpDirectory.class));
            assertNull(metadata.getFirstDirectoryOfType(JpegCommentDirectory.class));
            assertEquals("image/jpeg", s3.headObject(b -> b.bucket(bucket).key(photo.media() + "thumb.jpg"))
                    .contentType());
            assertTrue(awaitGone(s3, bucket, photo.uploadKey()), "the original, with its GPS position, is gone");
        }
    }

    @Test
    void textFileUploadedAsPhotoJpg_becomesFailed_withItsReason_andTheUploadDeleted(LocalCloud cloud)
            throws Exception {
        Photo photo = Photo.pending(cloud);
        byte[] text = "Ceci n'est pas une photo.".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertEquals(200, upload(cloud, photo, text, "image/jpeg"));
        Map<String, AttributeValue> item = awaitProcessed(cloud, photo);

        assertEquals("failed", item.get("status").s());
        assertEquals("Ce fichier n'est pas une image JPEG, PNG ou WebP.", item.get("reason").s());
        assertFalse(item.containsKey("webKey"));
        try (S3Client s3 = AwsClients.s3()) {
            assertTrue(awaitGone(s3, photo.bucket(), photo.uploadKey()));
            assertFalse(exists(s3, photo.bucket(), photo.media() + "web.jpg"));
        }
    }

    @Test
    void truncatedJpeg_becomesFailed_asIncompleteOrDamaged(LocalCloud cloud) throws Exception {
        Photo photo = Photo.pending(cloud);
        byte[] cut = Fixtures.truncated(Fixtures.jpeg(Fixtures.photoLike(800, 600, 9)), 0.5);

        upload(cloud, photo, cut, "image/jpeg");

        assertEquals("Ce fichier est incomplet ou endommagé.", awaitProcessed(cloud, photo).get("reason").s());
    }

    @Test
    void sampleEvent_namingAnUploadWithoutPhotoItem_isAcknowledgedAndIgnored(LocalCloud cloud) {
        JsonNode out = Json.parse(cloud.function("PhotoProcessingFunction")
                .invoke(Json.writeBytes(Samples.event("PhotoProcessingFunction.photo-uploaded.json"))));

        assertEquals(0, out.path("batchItemFailures").size());
    }

    @Test
    void objectOutsideUploadsOfReports_andS3sTestEvent_areAcknowledgedAndIgnored(LocalCloud cloud) {
        Photo photo = Photo.pending(cloud);
        ObjectNode outside = sqsEvent(photo.bucket(), photo.media() + "web.jpg", 1);
        ObjectNode test = sqsEvent(photo.bucket(), photo.uploadKey(), 1);
        ((ObjectNode) test.path("Records").path(0)).put("body", Json.write(Json.object().put("Service", "Amazon S3")
                .put("Event", "s3:TestEvent").put("Bucket", photo.bucket())));

        for (ObjectNode event : List.of(outside, test)) {
            JsonNode out = Json.parse(cloud.function("PhotoProcessingFunction").invoke(Json.writeBytes(event)));

            assertEquals(0, out.path("batchItemFailures").size());
        }
        assertEquals("pending", photo.item(cloud).get("status").s());
    }

    @Test
    void uploadNamingAnotherTenantThanItsPhotoItem_isIgnored(LocalCloud cloud) throws Exception {
        Photo photo = Photo.pending(cloud);
        String elsewhere = "uploads/reports/" + DemoData.EPCI + "/" + photo.reportId() + "/" + photo.photoId();

        JsonNode out = Json.parse(cloud.function("PhotoProcessingFunction").invoke(Json.writeBytes(
                sqsEvent(photo.bucket(), elsewhere, 1))));

        assertEquals(0, out.path("batchItemFailures").size());
        assertEquals("pending", photo.item(cloud).get("status").s());
    }

    @Test
    void redeliveredEvent_ofAReadyPhoto_leavesItAsItIs(LocalCloud cloud) throws Exception {
        Photo photo = Photo.pending(cloud);
        upload(cloud, photo, Fixtures.jpeg(Fixtures.halves(300, 200)), "image/jpeg");
        Map<String, AttributeValue> ready = awaitProcessed(cloud, photo);

        JsonNode out = Json.parse(cloud.function("PhotoProcessingFunction").invoke(Json.writeBytes(
                sqsEvent(photo.bucket(), photo.uploadKey(), 1))));

        assertEquals(0, out.path("batchItemFailures").size());
        assertEquals(ready, photo.item(cloud));
    }

    @Test
    void messageThatKeepsFailing_endsInTheDeadLetterQueue_andThePhotoIsMarkedFailedAtTheLastReceive(
            LocalCloud cloud) throws Exception {
        Photo photo = Photo.pending(cloud);
        int maxReceives = Integer.parseInt(cloud.stack().function("PhotoProcessingFunction").environment()
                .get("PHOTO_UPLOADS_MAX_RECEIVE_COUNT"));
        try (SqsClient sqs = LocalAws.sqs(cloud.emulators().endpoints())) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String dlqUrl = sqs.createQueue(b -> b.queueName("photo-test-dlq-" + suffix)).queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            // Same redrive as the template's queue, with a one-second visibility timeout to retry quickly.
            String queueUrl = sqs.createQueue(b -> b.queueName("photo-test-" + suffix).attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                    QueueAttributeName.REDRIVE_POLICY, Json.write(Json.object().put("deadLetterTargetArn", dlqArn)
                            .put("maxReceiveCount", maxReceives))))).queueUrl();
            // A bucket that does not exist: S3 fails at every attempt, as when it is unreachable.
            String body = sqsEvent("plateforme-citoyens-missing-bucket", photo.uploadKey(), 1)
                    .path("Records").path(0).path("body").asText();
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));

            List<Message> dead = List.of();
            try (QueueWorker worker = new QueueWorker(sqs, queueUrl, "arn:test", 1, true,
                    cloud.function("PhotoProcessingFunction"))) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (dead.isEmpty() && System.nanoTime() < deadline) {
                    dead = sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).messages();
                }
                assertEquals(maxReceives, worker.delivered(), "delivered until the redrive policy gave up");
            }

            assertEquals(1, dead.size());
            assertEquals(body, dead.get(0).body());
            Map<String, AttributeValue> item = photo.item(cloud);
            assertEquals("failed", item.get("status").s());
            assertEquals("Cette photo n'a pas pu être traitée. Merci de l'envoyer à nouveau.",
                    item.get("reason").s());
        }
    }

    @Test
    void templateBucketNotification_routesUploadsOfReportsToThePhotoQueue_whoseRedriveTheFunctionKnows(
            LocalCloud cloud) {
        var routes = cloud.stack().bucketNotifications();
        var template = fr.plateformecitoyens.local.template.Template.load(
                LocalCloudExtension.projectRoot().resolve("template.yaml"));
        Map<?, ?> redrive = (Map<?, ?>) template.resource("PhotoUploadsQueue").properties().get("RedrivePolicy");

        assertEquals(1, routes.size());
        assertEquals(cloud.stack().ref("DocumentsBucket"), routes.get(0).bucket());
        assertEquals("uploads/reports/", routes.get(0).prefix());
        assertEquals(List.of("s3:ObjectCreated:*"), routes.get(0).events());
        assertEquals(cloud.stack().ref("PhotoUploadsQueue"), routes.get(0).queueUrl());
        assertEquals(String.valueOf(redrive.get("maxReceiveCount")), cloud.stack()
                .function("PhotoProcessingFunction").environment().get("PHOTO_UPLOADS_MAX_RECEIVE_COUNT"));
    }

    /** A pending photo item, as the reports API writes it before it grants the upload. */
    record Photo(String bucket, String tenantId, String reportId, String photoId) {

        static Photo pending(LocalCloud cloud) {
            String id = UUID.randomUUID().toString();
            Photo photo = new Photo(cloud.stack().ref("DocumentsBucket"), DemoData.COMMUNE, "R-" + id, "P-" + id);
            Map<String, AttributeValue> item = new HashMap<>(photo.key());
            item.put("status", AttributeValue.fromS("pending"));
            item.put("tenantId", AttributeValue.fromS(photo.tenantId()));
            item.put("createdAt", AttributeValue.fromS(java.time.Instant.now().toString()));
            item.put("uploadKey", AttributeValue.fromS(photo.uploadKey()));
            try (DynamoDbClient dynamo = LocalAws.dynamoDb(cloud.emulators().endpoints())) {
                dynamo.putItem(b -> b.tableName(cloud.stack().ref("MainTable")).item(item));
            }
            return photo;
        }

        String uploadKey() {
            return "uploads/reports/" + tenantId + "/" + reportId + "/" + photoId;
        }

        String media() {
            return "media/reports/" + tenantId + "/" + reportId + "/" + photoId + "/";
        }

        Map<String, AttributeValue> key() {
            return Map.of("pk", AttributeValue.fromS("REPORT#" + reportId), "sk", AttributeValue.fromS("PHOTO#"
                    + photoId));
        }

        Map<String, AttributeValue> item(LocalCloud cloud) {
            try (DynamoDbClient dynamo = LocalAws.dynamoDb(cloud.emulators().endpoints())) {
                return dynamo.getItem(b -> b.tableName(cloud.stack().ref("MainTable")).key(key()).consistentRead(true))
                        .item();
            }
        }
    }

    /** Uploads as a browser does: a PUT of the file to the presigned URL, with the granted headers. */
    static int upload(LocalCloud cloud, Photo photo, byte[] content, String contentType) throws Exception {
        S3DocumentStore store = new S3DocumentStore(AwsClients.s3(), AwsClients.s3Presigner(), photo.bucket());
        UploadGrant grant = store.grantUpload(photo.uploadKey(), contentType, content.length, Duration.ofMinutes(5));
        HttpRequest.Builder request = HttpRequest.newBuilder(grant.url())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content));
        grant.headers().forEach(request::header);
        assertTrue(grant.url().toString().startsWith(cloud.emulators().endpoints().s3().toString()));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The photo item once it is no longer pending, waiting at most 30 s. */
    static Map<String, AttributeValue> awaitProcessed(LocalCloud cloud, Photo photo) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Map<String, AttributeValue> item = photo.item(cloud);
        while (item.get("status").s().equals("pending") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            item = photo.item(cloud);
        }
        return item;
    }

    /** An SQS event holding an S3 event notification of a PUT, as Lambda hands it to the function. */
    static ObjectNode sqsEvent(String bucket, String key, int receiveCount) {
        ObjectNode event = Samples.event("PhotoProcessingFunction.photo-uploaded.json");
        ObjectNode record = (ObjectNode) event.path("Records").path(0);
        ObjectNode body = (ObjectNode) Json.parse(record.path("body").asText());
        ObjectNode s3 = (ObjectNode) body.path("Records").path(0).path("s3");
        ((ObjectNode) s3.path("bucket")).put("name", bucket);
        ((ObjectNode) s3.path("object")).put("key", key);
        record.put("body", Json.write(body));
        ((ObjectNode) record.path("attributes")).put("ApproximateReceiveCount", String.valueOf(receiveCount));
        return event;
    }

    /** Whether the object is gone within 30 s: the function deletes the upload right after updating the item. */
    private static boolean awaitGone(S3Client s3, String bucket, String key) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (exists(s3, bucket, key)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static boolean exists(S3Client s3, String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
