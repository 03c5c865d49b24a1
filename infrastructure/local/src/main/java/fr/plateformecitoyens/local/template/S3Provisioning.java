package fr.plateformecitoyens.local.template;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates {@code AWS::S3::Bucket} resources on S3Proxy. Only the bucket itself is created: S3Proxy cannot take
 * CORS rules through the API (they are set in its properties file when it starts) and applies no encryption,
 * public access block, ownership or lifecycle rules; each skipped property is logged.
 *
 * <p>Clients reach buckets by path ({@code <s3 endpoint>/<bucket>}), so {@code DomainName} and
 * {@code RegionalDomainName} are the endpoint's host and port, and {@code WebsiteURL} is the bucket's URL.
 */
final class S3Provisioning {

    private static final Logger LOG = LoggerFactory.getLogger(S3Provisioning.class);
    private static final Map<String, String> SKIP_REASONS = Map.of(
            "CorsConfiguration", "S3Proxy takes CORS from its properties file",
            "BucketEncryption", "in memory",
            "LifecycleConfiguration", "no expiry locally",
            "PublicAccessBlockConfiguration", "S3Proxy checks the signature of every request",
            "OwnershipControls", "a single local owner");

    private S3Provisioning() {
    }

    /** Creates the bucket and gives its name ({@code Ref}), Arn, DomainName, RegionalDomainName and WebsiteURL. */
    static ProvisionedResource createBucket(ProvisioningClients clients, ResourceProperties properties) {
        String name = properties.string("BucketName", properties.generatedName(true));
        // Applied by the local S3 endpoint, which reads it again through BucketNotifications.
        properties.raw("NotificationConfiguration");
        properties.logSkipped(LOG, SKIP_REASONS);
        clients.s3().createBucket(r -> r.bucket(name));
        String endpoint = clients.endpoints().s3().toString().replaceAll("/+$", "");
        String authority = clients.endpoints().s3().getAuthority();
        return new ProvisionedResource(properties.logicalId(), properties.type(), name, Map.of(
                "Arn", "arn:aws:s3:::" + name,
                "DomainName", authority,
                "RegionalDomainName", authority,
                "DualStackDomainName", authority,
                "WebsiteURL", endpoint + "/" + name));
    }
}
