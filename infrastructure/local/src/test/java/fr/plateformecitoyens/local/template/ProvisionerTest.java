package fr.plateformecitoyens.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.plateformecitoyens.local.emulators.Emulators;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Provisions template.yaml on real emulators and reads every resource back through the SDK. */
class ProvisionerTest {

    private static final Map<String, String> OVERRIDES = Map.of("WebDistribution.DomainName", "localhost:8080",
            "HttpApi", "local");

    @TempDir
    static Path state;
    private static Emulators emulators;
    private static DynamoDbClient dynamoDb;
    private static SqsClient sqs;
    private static S3Client s3;
    private static CognitoIdentityProviderClient cognito;
    private static Template template;
    private static Stack stack;

    @BeforeAll
    static void provisionTheTemplate() {
        emulators = Emulators.start(ProjectFiles.root(), state);
        dynamoDb = LocalClients.dynamoDb(emulators.endpoints());
        sqs = LocalClients.sqs(emulators.endpoints());
        s3 = LocalClients.s3(emulators.endpoints());
        cognito = LocalClients.cognito(emulators.endpoints());
        template = ProjectFiles.template();

        stack = new Provisioner(emulators.endpoints()).provision(template, Map.of(), OVERRIDES);

        System.out.println("Provisioned template.yaml in " + stack.provisioningTime().toMillis() + " ms");
    }

    @AfterAll
    static void stopEmulators() {
        for (AutoCloseable client : new AutoCloseable[] {dynamoDb, sqs, s3, cognito}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (emulators != null) {
            emulators.close();
        }
    }

    @Test
    void table_hasTheTemplatesKeysAndGlobalSecondaryIndexes() {
        TableDescription table = dynamoDb.describeTable(r -> r.tableName(stack.ref("MainTable"))).table();
        List<String> declared = ResourceProperties.maps(template.resource("MainTable").properties()
                .get("GlobalSecondaryIndexes"), "GlobalSecondaryIndexes").stream()
                .map(index -> String.valueOf(index.get("IndexName"))).sorted().toList();

        assertEquals("plateforme-citoyens-dev", table.tableName());
        assertEquals(List.of("pk", "sk"), names(table.keySchema()));
        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
        assertEquals(declared, table.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName)
                .sorted().toList());
        Map<String, String> projections = new java.util.HashMap<>();
        ResourceProperties.maps(template.resource("MainTable").properties().get("GlobalSecondaryIndexes"),
                "GlobalSecondaryIndexes").forEach(index -> projections.put(String.valueOf(index.get("IndexName")),
                String.valueOf(((Map<?, ?>) index.get("Projection")).get("ProjectionType"))));
        for (GlobalSecondaryIndexDescription index : table.globalSecondaryIndexes()) {
            assertEquals(List.of(index.indexName() + "pk", index.indexName() + "sk"), names(index.keySchema()));
            assertEquals(projections.get(index.indexName()), index.projection().projectionTypeAsString());
        }
        assertEquals(table.tableArn(), stack.attribute("MainTable", "Arn"));
    }

    @Test
    void eventsQueue_redrivesToTheDeadLetterQueuesElasticMqArn() {
        Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(stack.ref("EventsQueue"))
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        String dlqArn = stack.attribute("EventsDeadLetterQueue", "Arn");
        String reportedArn = sqs.getQueueAttributes(r -> r.queueUrl(stack.ref("EventsDeadLetterQueue"))
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributesAsStrings().get("QueueArn");

        assertEquals(reportedArn, dlqArn, "the ARN is the one ElasticMQ reports, whatever region it uses");
        assertTrue(dlqArn.endsWith(":plateforme-citoyens-dev-events-dlq"), dlqArn);
        assertTrue(attributes.get("RedrivePolicy").contains(dlqArn), attributes.toString());
        assertTrue(attributes.get("RedrivePolicy").replace(" ", "").contains("\"maxReceiveCount\":5"),
                attributes.toString());
        assertEquals("120", attributes.get("VisibilityTimeout"));
    }

    @Test
    void buckets_exist() {
        List<String> buckets = s3.listBuckets().buckets().stream().map(Bucket::name).toList();

        assertTrue(buckets.containsAll(List.of("plateforme-citoyens-dev-documents-000000000000",
                "plateforme-citoyens-dev-web-000000000000")), buckets.toString());
        assertEquals("arn:aws:s3:::plateforme-citoyens-dev-web-000000000000", stack.attribute("WebBucket", "Arn"));
    }

    @Test
    void userPool_clientAndGroups_matchTheTemplate() {
        UserPoolType pool = cognito.describeUserPool(r -> r.userPoolId(stack.userPoolId())).userPool();
        UserPoolClientType client = cognito.describeUserPoolClient(r -> r.userPoolId(stack.userPoolId())
                .clientId(stack.userPoolClientId())).userPoolClient();
        Map<String, Integer> groups = cognito.listGroups(r -> r.userPoolId(stack.userPoolId())).groups()
                .stream().collect(Collectors.toMap(GroupType::groupName, GroupType::precedence));

        assertEquals("plateforme-citoyens-dev", pool.name());
        assertEquals(List.of("email"), pool.usernameAttributesAsStrings());
        assertEquals(List.of("email"), pool.autoVerifiedAttributesAsStrings());
        assertEquals(10, pool.policies().passwordPolicy().minimumLength());
        assertTrue(pool.schemaAttributes().stream().anyMatch(a -> a.name().equals("given_name") && a.required()));
        assertEquals("plateforme-citoyens-dev-web", client.clientName());
        assertTrue(client.explicitAuthFlowsAsStrings().contains("ALLOW_USER_PASSWORD_AUTH"));
        assertEquals(60, client.idTokenValidity());
        assertEquals(Map.of("citizens", 30, "agents", 20, "admins", 10), groups);
    }

    @Test
    void issuer_isTheLocalCognitos_andServesItsKeys() throws IOException, InterruptedException {
        HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.issuer() + "/.well-known/jwks.json")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(emulators.endpoints().cognito().toString().replaceAll("/$", "") + "/" + stack.userPoolId(),
                stack.issuer());
        assertEquals(200, jwks.statusCode(), jwks.body());
        assertTrue(jwks.body().contains("\"keys\""), jwks.body());
        assertEquals(stack.issuer(), stack.attribute("UserPool", "ProviderURL"));
    }

    @Test
    void functionsAndApi_referToTheProvisionedResources() {
        FunctionSpec notifications = stack.function("NotificationFunction");
        HttpApiSpec api = stack.httpApi().orElseThrow();

        assertEquals(stack.ref("EventsQueue"), notifications.queueSources().get(0).queueUrl());
        assertEquals(120, notifications.queueSources().get(0).visibilityTimeoutSeconds());
        assertEquals("plateforme-citoyens-dev", notifications.environment().get("TABLE_NAME"));
        assertEquals("plateforme-citoyens-dev-documents-000000000000",
                notifications.environment().get("DOCUMENTS_BUCKET"));
        assertEquals(List.of(stack.userPoolClientId()), api.defaultJwtAuthorizer().audience());
        assertEquals(template.resourcesOfType("AWS::Serverless::Function").size(), stack.functions().size());
    }

    @Test
    void resourcesWithoutEmulator_areListedAsNotEmulated() {
        List<String> notEmulated = stack.notEmulated().stream().map(Stack.NotEmulated::logicalId).toList();
        List<String> expected = template.resources().values().stream()
                .filter(r -> !Provisioner.isEmulated(r.type()) && !r.type().equals("AWS::Serverless::Function"))
                .map(Template.Resource::logicalId).toList();

        assertEquals(expected, notEmulated);
        assertTrue(notEmulated.containsAll(List.of("WebDistribution", "HttpApi", "SenderIdentity")));
    }

    @Test
    void fifoQueues_customAttributes_andUnnamedResources_areCreated() {
        Template small = Template.parse(String.join("\n",
                "Resources:",
                "  Orders: {Type: 'AWS::SQS::Queue', Properties: {FifoQueue: true, ContentBasedDeduplication: true}}",
                "  Pool:",
                "    Type: AWS::Cognito::UserPool",
                "    Properties:",
                "      Schema: [{Name: tenant, AttributeDataType: String, Mutable: true}]",
                "  Counters:",
                "    Type: AWS::DynamoDB::Table",
                "    Properties:",
                "      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]",
                "      KeySchema: [{AttributeName: id, KeyType: HASH}]",
                "      ProvisionedThroughput: {ReadCapacityUnits: 1, WriteCapacityUnits: 1}"));

        Stack created = new Provisioner(emulators.endpoints()).provision(small);

        Map<String, String> queue = sqs.getQueueAttributes(r -> r.queueUrl(created.ref("Orders"))
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertEquals("true", queue.get("FifoQueue"));
        assertTrue(created.attribute("Orders", "QueueName").endsWith(".fifo"));
        List<String> attributes = cognito.describeUserPool(r -> r.userPoolId(created.userPoolId()))
                .userPool().schemaAttributes().stream().map(SchemaAttributeType::name).toList();
        assertTrue(attributes.contains("custom:tenant"), attributes.toString());
        assertEquals("plateforme-citoyens-local-Counters", created.ref("Counters"));
    }

    private static List<String> names(List<KeySchemaElement> keys) {
        return keys.stream().map(KeySchemaElement::attributeName).toList();
    }
}
