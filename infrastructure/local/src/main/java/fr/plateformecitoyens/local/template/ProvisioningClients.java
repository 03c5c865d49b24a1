package fr.plateformecitoyens.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import fr.plateformecitoyens.local.emulators.Endpoints;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The clients of one provisioning run, each built on first use by whichever creation needs it first (so that
 * they are built in parallel, and only those needed), and all closed together.
 */
final class ProvisioningClients implements AutoCloseable {

    private final Endpoints endpoints;
    private final List<SdkAutoCloseable> built = new ArrayList<>();
    private final Lazy<DynamoDbClient> dynamoDb;
    private final Lazy<SqsClient> sqs;
    private final Lazy<S3Client> s3;
    private final Lazy<CognitoIdentityProviderClient> cognito;

    ProvisioningClients(Endpoints endpoints) {
        this.endpoints = endpoints;
        dynamoDb = new Lazy<>(() -> LocalClients.dynamoDb(endpoints));
        sqs = new Lazy<>(() -> LocalClients.sqs(endpoints));
        s3 = new Lazy<>(() -> LocalClients.s3(endpoints));
        cognito = new Lazy<>(() -> LocalClients.cognito(endpoints));
    }

    Endpoints endpoints() {
        return endpoints;
    }

    DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    SqsClient sqs() {
        return sqs.get();
    }

    S3Client s3() {
        return s3.get();
    }

    CognitoIdentityProviderClient cognito() {
        return cognito.get();
    }

    @Override
    public void close() {
        synchronized (built) {
            built.forEach(SdkAutoCloseable::close);
            built.clear();
        }
    }

    /** A client built once, on first use. */
    private final class Lazy<T extends SdkAutoCloseable> {

        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            if (value == null) {
                value = factory.get();
                synchronized (built) {
                    built.add(value);
                }
            }
            return value;
        }
    }
}
