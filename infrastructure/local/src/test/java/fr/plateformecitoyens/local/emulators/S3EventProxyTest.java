package fr.plateformecitoyens.local.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.plateformecitoyens.adapters.aws.AwsClients;
import fr.plateformecitoyens.local.LocalCloud;
import fr.plateformecitoyens.local.testing.LocalCloudExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The local S3 endpoint: S3Proxy's answers relayed as they are, and S3's event notifications added. */
@ExtendWith(LocalCloudExtension.class)
class S3EventProxyTest {

    @Test
    void browserPreflight_throughTheS3Endpoint_getsS3ProxysCorsAnswer(LocalCloud cloud) throws Exception {
        URI object = URI.create(cloud.emulators().endpoints().s3() + "/" + cloud.stack().ref("DocumentsBucket")
                + "/uploads/reports/t/r/p");
        HttpRequest preflight = HttpRequest.newBuilder(object).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", cloud.baseUrl()).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type").build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(preflight, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("access-control-allow-origin").isPresent(), answer.headers().toString());
        assertTrue(answer.headers().firstValue("access-control-allow-methods").orElse("").contains("PUT"));
    }

    @Test
    void objectsCreatedUnderThePrefix_byPutOrCopy_areAnnounced_othersAreNot(LocalCloud cloud) {
        S3EventProxy proxy = cloud.emulators().s3Events();
        String bucket = cloud.stack().ref("DocumentsBucket");
        String id = UUID.randomUUID().toString();
        try (S3Client s3 = AwsClients.s3()) {
            long before = proxy.published();
            s3.putObject(b -> b.bucket(bucket).key("media/reports/t/" + id + "/web.jpg"), RequestBody.fromString("x"));
            s3.putObject(b -> b.bucket(bucket).key("uploads/other/" + id), RequestBody.fromString("x"));
            assertEquals(before, proxy.published(), "outside uploads/reports/: no event");

            s3.putObject(b -> b.bucket(bucket).key("uploads/reports/t/r/" + id), RequestBody.fromString("x"));
            assertEquals(before + 1, proxy.published());

            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("uploads/reports/t/r/" + id)
                    .destinationBucket(bucket).destinationKey("uploads/reports/t/r/" + id + "-copy"));
            assertEquals(before + 2, proxy.published());

            assertEquals("x", s3.getObjectAsBytes(b -> b.bucket(bucket).key("uploads/reports/t/r/" + id + "-copy"))
                    .asUtf8String(), "the copy went through the endpoint unchanged");
        }
    }

    @Test
    void routes_matchTheirBucketEventTypesPrefixAndSuffix() {
        S3EventRoute route = new S3EventRoute("id", "docs", List.of("s3:ObjectCreated:*"), "uploads/", ".jpg", "q");
        S3EventRoute puts = new S3EventRoute("id", "docs", List.of("s3:ObjectCreated:Put"), "", "", "q");

        assertTrue(route.matches("docs", "ObjectCreated:Put", "uploads/a.jpg"));
        assertTrue(route.matches("docs", "ObjectCreated:Copy", "uploads/a.jpg"));
        assertFalse(route.matches("other", "ObjectCreated:Put", "uploads/a.jpg"));
        assertFalse(route.matches("docs", "ObjectCreated:Put", "media/a.jpg"));
        assertFalse(route.matches("docs", "ObjectCreated:Put", "uploads/a.png"));
        assertFalse(route.matches("docs", "ObjectRemoved:Delete", "uploads/a.jpg"));
        assertTrue(puts.matches("docs", "ObjectCreated:Put", "x"));
        assertFalse(puts.matches("docs", "ObjectCreated:Copy", "x"));
    }

    @Test
    void keys_areUrlEncodedInEventsAsS3Does_spaceAsPlus_slashesKept() {
        assertEquals("uploads/reports/t/r/photo+de+nuit%2B1.jpg",
                S3EventProxy.encodeKey("uploads/reports/t/r/photo de nuit+1.jpg"));
        assertEquals("a b+c/é", S3EventProxy.percentDecode("a%20b+c/%C3%A9"));
    }
}
