package fr.plateformecitoyens.local;

import fr.plateformecitoyens.local.emulators.Endpoints;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients aimed at the local cloud's emulators, for the local cloud's own work and for tests. */
public final class LocalAws {

    private LocalAws() {
    }

    public static DynamoDbClient dynamoDb(Endpoints e) {
        return DynamoDbClient.builder().endpointOverride(e.dynamodb()).region(Region.of(e.region()))
                .credentialsProvider(credentials(e)).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static SqsClient sqs(Endpoints e) {
        return SqsClient.builder().endpointOverride(e.sqs()).region(Region.of(e.region()))
                .credentialsProvider(credentials(e)).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static CognitoIdentityProviderClient cognito(Endpoints e) {
        return CognitoIdentityProviderClient.builder().endpointOverride(e.cognito()).region(Region.of(e.region()))
                .credentialsProvider(credentials(e)).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static StaticCredentialsProvider credentials(Endpoints e) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(e.accessKeyId(), e.secretAccessKey()));
    }
}
