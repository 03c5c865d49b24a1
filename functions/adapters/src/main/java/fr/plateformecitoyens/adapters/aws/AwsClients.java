package fr.plateformecitoyens.adapters.aws;

import fr.plateformecitoyens.adapters.Config;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients the functions use, once per process. Each is configured explicitly (region,
 * credentials, HTTP client) instead of through the SDK's discovery chains, which load many classes and
 * cost time at cold start.
 *
 * <p>Endpoints: {@code AWS_ENDPOINT_URL_<SERVICE>} then {@code AWS_ENDPOINT_URL} when set (the local
 * cloud, LocalStack), the service's regional endpoint otherwise.
 */
public final class AwsClients {

    /**
     * One HTTP client for every SDK client of the process: each URL-connection client builds its own TLS
     * context, a large part of a cold start's first call.
     */
    private static volatile SdkHttpClient http;

    private AwsClients() {
    }

    private static SdkHttpClient http() {
        SdkHttpClient shared = http;
        if (shared == null) {
            synchronized (AwsClients.class) {
                shared = http;
                if (shared == null) {
                    shared = UrlConnectionHttpClient.create();
                    http = shared;
                }
            }
        }
        return shared;
    }

    public static DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "DYNAMODB").build();
    }

    public static SqsClient sqs() {
        return configure(SqsClient.builder(), "SQS").build();
    }

    public static SesV2Client ses() {
        return configure(SesV2Client.builder(), "SESV2").build();
    }

    /**
     * The S3 client. Against an emulator (an endpoint override) buckets are addressed by path, as S3Proxy
     * and LocalStack need; on AWS by virtual host.
     */
    public static S3Client s3() {
        S3ClientBuilder builder = configure(S3Client.builder(), "S3");
        return builder.forcePathStyle(endpoint("S3").isPresent()).build();
    }

    /** Presigns S3 requests with the same region, credentials, endpoint and addressing as {@link #s3()}. */
    public static S3Presigner s3Presigner() {
        S3Presigner.Builder builder = S3Presigner.builder().region(region()).credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(endpoint("S3").isPresent()).build());
        endpoint("S3").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static Region region() {
        return Region.of(Config.optional("AWS_REGION").or(() -> Config.optional("AWS_DEFAULT_REGION"))
                .orElse("eu-west-3"));
    }

    /** The endpoint override for a service, if any (e.g. {@code AWS_ENDPOINT_URL_DYNAMODB}). */
    public static Optional<URI> endpoint(String service) {
        return Config.optional("AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT))
                .or(() -> Config.optional("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }

    private static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, String service) {
        builder.region(region()).credentialsProvider(credentials());
        endpoint(service).ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http());
        }
        return builder;
    }

    private static AwsCredentialsProvider credentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") != null) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                Config.optional("AWS_ACCESS_KEY_ID").orElse("local"),
                Config.optional("AWS_SECRET_ACCESS_KEY").orElse("local-secret")));
    }
}
