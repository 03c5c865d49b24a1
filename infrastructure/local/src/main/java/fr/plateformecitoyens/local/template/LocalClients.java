package fr.plateformecitoyens.local.template;

import fr.plateformecitoyens.local.emulators.Endpoints;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds SDK clients for the local emulators: endpoint override, the emulators' region and static keys, the
 * URL-connection HTTP client (the Apache clients are not on the class path) and, for S3, path-style access
 * and checksums only where required (S3Proxy serves buckets by path). Each call builds a new client, which
 * costs a few hundred milliseconds: build once and reuse; the caller closes it.
 */
public final class LocalClients {

    private LocalClients() {
    }

    /** A DynamoDB client for dynalite. */
    public static DynamoDbClient dynamoDb(Endpoints endpoints) {
        return DynamoDbClient.builder().endpointOverride(endpoints.dynamodb()).region(region(endpoints))
                .credentialsProvider(credentials(endpoints)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** An SQS client for ElasticMQ. */
    public static SqsClient sqs(Endpoints endpoints) {
        return SqsClient.builder().endpointOverride(endpoints.sqs()).region(region(endpoints))
                .credentialsProvider(credentials(endpoints)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** An S3 client for S3Proxy, with path-style access. */
    public static S3Client s3(Endpoints endpoints) {
        return S3Client.builder().endpointOverride(endpoints.s3()).region(region(endpoints))
                .credentialsProvider(credentials(endpoints)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(true).requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED).build();
    }

    /** A Cognito user pools client for cognito-local. */
    public static CognitoIdentityProviderClient cognito(Endpoints endpoints) {
        return CognitoIdentityProviderClient.builder().endpointOverride(endpoints.cognito()).region(region(endpoints))
                .credentialsProvider(credentials(endpoints)).httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private static Region region(Endpoints endpoints) {
        return Region.of(endpoints.region());
    }

    private static StaticCredentialsProvider credentials(Endpoints endpoints) {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(endpoints.accessKeyId(), endpoints.secretAccessKey()));
    }
}
