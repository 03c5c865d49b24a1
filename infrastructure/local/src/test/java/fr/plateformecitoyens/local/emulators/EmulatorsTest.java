package fr.plateformecitoyens.local.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts the real emulators once, talks to each of them with the AWS SDK v2 clients the functions use, then checks
 * that closing leaves no process and no port behind. The tests share one start (a few seconds) and run in order: the
 * last one closes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorsTest {

    @TempDir
    static Path stateDir;

    private static Emulators emulators;
    private static Endpoints endpoints;
    private static long startMillis;

    /** Processes this JVM ran before these emulators (another test's local cloud): not ours to check. */
    private static java.util.Set<Long> earlier;

    @BeforeAll
    static void start() {
        earlier = ProcessHandle.current().descendants().map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
        long started = System.nanoTime();
        emulators = Emulators.start(projectRoot(), stateDir);
        startMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("Emulators started in " + startMillis + " ms");
        endpoints = emulators.endpoints();
    }

    @AfterAll
    static void stop() {
        if (emulators != null) {
            emulators.close();
        }
    }

    @Test
    @Order(1)
    void start_answersWithTheRegionAndCredentialsOfTheLocalCloud_onLoopbackPorts() {
        assertEquals("eu-west-3", endpoints.region());
        assertEquals("local", endpoints.accessKeyId());
        assertEquals("local-secret", endpoints.secretAccessKey());
        for (URI endpoint : ports()) {
            assertEquals("127.0.0.1", endpoint.getHost(), endpoint.toString());
        }
        assertTrue(Files.isRegularFile(emulators.logDirectory().resolve("cognito.log")));
    }

    @Test
    @Order(2)
    void dynamodb_answersListTables() {
        try (DynamoDbClient dynamodb = configure(DynamoDbClient.builder(), endpoints.dynamodb()).build()) {
            assertEquals(List.of(), dynamodb.listTables().tableNames());
        }
    }

    @Test
    @Order(3)
    void sqs_answersListQueues_andCreatesQueuesInTheLocalRegion() {
        try (SqsClient sqs = configure(SqsClient.builder(), endpoints.sqs()).build()) {
            assertTrue(sqs.listQueues().queueUrls().isEmpty());
            String url = sqs.createQueue(request -> request.queueName("essai")).queueUrl();
            assertEquals(endpoints.sqs() + "/" + Endpoints.ACCOUNT_ID + "/essai", url);
            String arn = sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNamesWithStrings("QueueArn"))
                    .attributesAsStrings().get("QueueArn");
            assertEquals("arn:aws:sqs:eu-west-3:" + Endpoints.ACCOUNT_ID + ":essai", arn);
        }
    }

    @Test
    @Order(4)
    void s3_storesAndReturnsAnObject_withPathStyleAndTheLocalCredentials() {
        try (S3Client s3 = configure(S3Client.builder(), endpoints.s3()).forcePathStyle(true).build()) {
            s3.createBucket(request -> request.bucket("documents"));
            s3.putObject(request -> request.bucket("documents").key("bulletin.txt"),
                    RequestBody.fromString("Bulletin municipal"));
            String read = s3.getObjectAsBytes(request -> request.bucket("documents").key("bulletin.txt"))
                    .asUtf8String();
            assertEquals("Bulletin municipal", read);
        }
    }

    @Test
    @Order(5)
    void cognitoSignUp_relaysTheConfirmationCodeByEmail_andTheCodeConfirmsTheUser() {
        String email = "jeanne.martin@example.org";
        try (CognitoIdentityProviderClient cognito =
                configure(CognitoIdentityProviderClient.builder(), endpoints.cognito()).build()) {
            String pool = cognito.createUserPool(request -> request.poolName("citoyens")
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
            String client = cognito.createUserPoolClient(request -> request.userPoolId(pool).clientName("portail"))
                    .userPoolClient().clientId();
            cognito.signUp(request -> request.clientId(client).username(email).password("Secret-123456")
                    .userAttributes(AttributeType.builder().name("email").value(email).build()));

            SesMailbox.Mail mail = eventually(() -> emulators.mailbox().messages().stream()
                    .filter(message -> message.to().contains(email)).findFirst());
            List<String> codes = emulators.confirmationCodesFor("Jeanne.Martin@example.org");
            assertEquals(1, codes.size(), codes.toString());
            assertEquals("no-reply@example.org", mail.from());
            assertEquals("Votre code de confirmation Plateforme Citoyens", mail.subject());
            assertTrue(mail.text().contains(codes.get(0)), mail.text());
            assertTrue(mail.html().contains(codes.get(0)), mail.html());

            cognito.confirmSignUp(request -> request.clientId(client).username(email)
                    .confirmationCode(codes.get(0)));
            assertEquals("CONFIRMED", cognito.adminGetUser(request -> request.userPoolId(pool).username(email))
                    .userStatusAsString());
        }
    }

    @Test
    @Order(6)
    void ses_capturesTheEmailsItSends_inTheMailbox_untilCleared() {
        SesMailbox mailbox = emulators.mailbox();
        mailbox.clear();
        try (SesV2Client ses = configure(SesV2Client.builder(), endpoints.ses()).build()) {
            ses.sendEmail(request -> request.fromEmailAddress("mairie@example.org")
                    .destination(destination -> destination.toAddresses("paul@example.org"))
                    .content(content -> content.simple(message -> message
                            .subject(subject -> subject.data("Accusé de réception"))
                            .body(body -> body.text(text -> text.data("Votre demande est bien reçue."))))));
        }
        List<SesMailbox.Mail> messages = mailbox.messages();
        assertEquals(1, messages.size(), messages.toString());
        SesMailbox.Mail mail = messages.get(0);
        assertEquals(new SesMailbox.Mail("mairie@example.org", List.of("paul@example.org"), "Accusé de réception",
                "Votre demande est bien reçue.", null), mail);
        mailbox.clear();
        assertEquals(List.of(), mailbox.messages());
    }

    @Test
    @Order(7)
    void close_stopsEveryChildProcess_freesEveryPort_andIsIdempotent() {
        List<ProcessHandle> children = ProcessHandle.current().descendants()
                .filter(p -> !earlier.contains(p.pid())).toList();
        assertFalse(children.isEmpty(), "the emulators run as child processes");

        long started = System.nanoTime();
        emulators.close();
        System.out.println("Emulators stopped in " + Duration.ofNanos(System.nanoTime() - started).toMillis()
                + " ms");

        for (ProcessHandle child : children) {
            assertFalse(child.isAlive(), () -> "still alive: " + child.pid() + " " + child.info().commandLine());
        }
        for (URI endpoint : ports()) {
            assertTrue(Ports.isFree(endpoint.getPort()), endpoint + " is still in use");
            assertFalse(Ports.answersHttp(endpoint.getPort(), "/"), endpoint + " still answers");
        }
        emulators.close();
    }

    private static List<URI> ports() {
        return List.of(endpoints.dynamodb(), endpoints.sqs(), endpoints.s3(), endpoints.cognito(), endpoints.ses());
    }

    /** The settings every client of the local cloud needs; apache clients are excluded, hence URL-connection. */
    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder,
            URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(endpoints.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(endpoints.accessKeyId(), endpoints.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create());
    }

    /** Polls for up to ten seconds: the relayed e-mail is sent asynchronously. */
    private static <T> T eventually(Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            assertTrue(System.nanoTime() < deadline, "nothing arrived within 10 s");
            Ports.sleep(Duration.ofMillis(50));
        }
    }

    private static Path projectRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve("infrastructure/local/pom.xml"))) {
            directory = directory.getParent();
        }
        assertNotNull(directory, "run from inside the repository");
        return directory;
    }
}
