package fr.plateformecitoyens.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The template parser and the resolver on the project's template.yaml, with resources registered by hand in
 * place of the emulators.
 */
class TemplateTest {

    private static final String QUEUE_URL = "http://127.0.0.1:9324/000000000000/plateforme-citoyens-dev-events";
    private static final Map<String, String> OVERRIDES = Map.of("WebDistribution.DomainName", "localhost:8080",
            "HttpApi", "local");

    private final Template template = ProjectFiles.template();

    @Test
    void load_mapsShortTagsToTheirLongJsonForms() {
        Map<String, Object> table = template.resource("MainTable").properties();
        Map<String, Object> queue = template.resource("EventsQueue").properties();
        Object origins = Template.asMap(template.resource("WebDistribution").properties().get("DistributionConfig"),
                "DistributionConfig").get("DefaultCacheBehavior");

        assertEquals(Map.of("Fn::Sub", "plateforme-citoyens-${Stage}"), table.get("TableName"));
        assertEquals(Map.of("Fn::GetAtt", List.of("EventsDeadLetterQueue", "Arn")),
                Template.asMap(queue.get("RedrivePolicy"), "RedrivePolicy").get("deadLetterTargetArn"));
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "DomainName"), "")))),
                template.conditions().get("HasDomain"));
        assertTrue(origins.toString().contains("Fn::GetAtt=[DirectoryIndexFunction, FunctionMetadata.FunctionARN]"),
                () -> "nested attributes keep their dots: " + origins);
    }

    @Test
    void load_exposesParametersGlobalsAndResources() {
        assertEquals("dev", template.parameters().get("Stage").defaultValue());
        assertEquals(List.of("dev", "staging", "prod"), template.parameters().get("Stage").allowedValues());
        assertEquals(1024, template.globals("Function").get("MemorySize"));
        assertEquals("AWS::DynamoDB::Table", template.resource("MainTable").type());
        assertEquals("makefile", template.resource("PublicApiFunction").metadata().get("BuildMethod"));
        assertTrue(template.resourcesOfType(ServerlessSpecs.FUNCTION).size() >= 5);
    }

    @Test
    void parse_rejectsAKeyGivenTwice_asCloudFormationDoes() {
        TemplateException error = assertThrows(TemplateException.class, () -> Template.parse(
                "Resources:\n  Queue: {Type: 'AWS::SQS::Queue'}\n  Queue: {Type: 'AWS::SNS::Topic'}\n"));

        assertTrue(error.getMessage().contains("Queue"), error.getMessage());
    }

    @Test
    void dependencies_followRefGetAttAndSubNames() {
        assertEquals(Set.of("EventsDeadLetterQueue"), template.dependencies("EventsQueue"));
        assertEquals(Set.of("UserPool"), template.dependencies("UserPoolClient"));
        assertEquals(Set.of("WebBucket", "WebDistribution"), template.dependencies("WebBucketPolicy"));
        assertEquals(Set.of(), template.dependencies("MainTable"));
    }

    @Test
    void resolve_subsParametersAndPseudoParameters() {
        Resolver resolver = new Resolver(template, "eu-west-3", Map.of(), OVERRIDES);

        assertEquals("plateforme-citoyens-dev-documents-000000000000",
                resolver.resolveString(template.resource("DocumentsBucket").properties().get("BucketName"), "test"));
        assertEquals("arn:aws:ses:eu-west-3:000000000000:identity/no-reply@example.org", resolver.resolveString(
                Map.of("Fn::Sub", "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SenderEmail}"),
                "test"));
        assertEquals("${Literal}-plateforme-citoyens-local",
                resolver.resolveString(Map.of("Fn::Sub", "${!Literal}-${AWS::StackName}"), "test"));
    }

    @Test
    void resolve_usesGivenParameters_andEvaluatesConditions() {
        Resolver byDefault = new Resolver(template, "eu-west-3", Map.of(), OVERRIDES);
        Resolver withDomain = new Resolver(template, "eu-west-3",
                Map.of("Stage", "staging", "DomainName", "demarches.example.fr"), OVERRIDES);
        Object aliases = Template.asMap(template.resource("WebDistribution").properties().get("DistributionConfig"),
                "DistributionConfig").get("Aliases");

        assertFalse(byDefault.condition("HasDomain"));
        assertTrue(withDomain.condition("HasDomain"));
        assertNull(byDefault.resolve(aliases, "Aliases"), "AWS::NoValue removes the value");
        assertEquals(List.of("demarches.example.fr"), withDomain.resolve(aliases, "Aliases"));
        assertEquals("plateforme-citoyens-staging",
                withDomain.resolveString(template.resource("MainTable").properties().get("TableName"), "test"));
    }

    @Test
    void resolver_rejectsUnknownParameters_andValuesOutsideAllowedValues() {
        TemplateException unknown = assertThrows(TemplateException.class,
                () -> new Resolver(template, "eu-west-3", Map.of("Stag", "dev"), Map.of()));
        TemplateException notAllowed = assertThrows(TemplateException.class,
                () -> new Resolver(template, "eu-west-3", Map.of("Stage", "test"), Map.of()));

        assertTrue(unknown.getMessage().contains("Stag"), unknown.getMessage());
        assertTrue(notAllowed.getMessage().contains("[dev, staging, prod]"), notAllowed.getMessage());
    }

    @Test
    void subWithAnUnknownName_failsNamingIt() {
        Resolver resolver = new Resolver(template, "eu-west-3", Map.of(), OVERRIDES);

        TemplateException error = assertThrows(TemplateException.class,
                () -> resolver.resolve(Map.of("Fn::Sub", "https://${PortalHost}/x"), "PORTAL_URL"));

        assertTrue(error.getMessage().contains("PortalHost"), error.getMessage());
        assertTrue(error.getMessage().contains("PORTAL_URL"), error.getMessage());
    }

    @Test
    void attributeOfAResourceThatIsNotEmulated_failsNamingTheResource_unlessOverridden() {
        Resolver resolver = new Resolver(template, "eu-west-3", Map.of(), Map.of());

        TemplateException error = assertThrows(TemplateException.class,
                () -> resolver.resolve(Map.of("Fn::Sub", "https://${WebDistribution.DomainName}"), "PORTAL_URL"));

        assertTrue(error.getMessage().contains("WebDistribution (AWS::CloudFront::Distribution)"), error.getMessage());
        assertTrue(error.getMessage().contains("\"WebDistribution.DomainName\""), error.getMessage());
    }

    @Test
    void functions_mergeGlobals_resolveTheEnvironment_andReadTheirEvents() {
        Resolver resolver = withRegisteredResources();

        List<FunctionSpec> functions = ServerlessSpecs.functions(resolver);

        List<String> first = List.of("PublicApiFunction", "CitizenApiFunction", "AgentApiFunction",
                "NotificationFunction", "DecisionClockFunction");
        assertEquals(first, functions.stream().map(FunctionSpec::logicalId).filter(first::contains).toList(),
                "in template order");
        assertEquals(template.resourcesOfType(ServerlessSpecs.FUNCTION).size(), functions.size());
        FunctionSpec clock = functions.stream().filter(f -> f.logicalId().equals("DecisionClockFunction")).findFirst()
                .orElseThrow();
        assertEquals("decisionClock", clock.definition());
        assertEquals(300, clock.timeoutSeconds(), "the function's own Timeout wins");
        assertEquals(1024, clock.memorySize());
        assertEquals("java21", clock.runtime());
        assertEquals("org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest", clock.handler());
        assertEquals("plateforme-citoyens-dev", clock.environment().get("TABLE_NAME"));
        assertEquals(QUEUE_URL, clock.environment().get("EVENTS_QUEUE_URL"));
        assertEquals("https://localhost:8080", clock.environment().get("PORTAL_URL"));
        assertEquals("dev", clock.environment().get("STAGE"));
        assertEquals(List.of(new Schedule("Daily", "cron(30 1 * * ? *)", true)), clock.events());
    }

    @Test
    void functions_readHttpRoutes_withTheDefaultAuthorizer_unlessTheEventSaysNone() {
        List<FunctionSpec> functions = ServerlessSpecs.functions(withRegisteredResources());

        assertEquals(new HttpRoute("ListProcedures", "GET", "/api/v1/tenants/{tenantId}/procedures", false),
                functions.get(0).routes().get(2));
        assertEquals(new HttpRoute("SubmitRequest", "POST", "/api/v1/tenants/{tenantId}/requests", true),
                functions.get(1).routes().get(0));
        assertTrue(functions.get(0).routes().stream().noneMatch(HttpRoute::authorized));
        assertTrue(functions.get(2).routes().stream().allMatch(HttpRoute::authorized));
    }

    @Test
    void functions_readTheQueueSource_withTheQueuesUrlAndVisibilityTimeout() {
        FunctionSpec notifications = ServerlessSpecs.functions(withRegisteredResources()).stream()
                .filter(f -> f.logicalId().equals("NotificationFunction")).findFirst().orElseThrow();

        assertEquals(List.of(new QueueSource("DomainEvents", "EventsQueue", QUEUE_URL, 10, 1, true, 120)),
                notifications.queueSources());
    }

    @Test
    void httpApi_resolvesAuthorizerAndCors() {
        HttpApiSpec api = ServerlessSpecs.httpApis(withRegisteredResources()).get(0);

        assertEquals("dev", api.stageName());
        assertEquals("CognitoJwt", api.defaultAuthorizer());
        assertEquals(new HttpApiSpec.JwtAuthorizer("CognitoJwt", "$request.header.Authorization",
                "https://cognito-idp.eu-west-3.amazonaws.com/local_pool", List.of("client-1")),
                api.defaultJwtAuthorizer());
        assertEquals(List.of("*"), api.cors().allowOrigins());
        assertEquals(List.of("authorization", "content-type", "idempotency-key", "if-match"),
                api.cors().allowHeaders());
        assertTrue(api.cors().exposeHeaders().containsAll(List.of("etag", "location")));
        assertEquals(600, api.cors().maxAgeSeconds());
    }

    @Test
    void intrinsicFunctions_evaluateAsCloudFormationDoes() {
        Template small = Template.parse(String.join("\n",
                "Mappings:",
                "  Sizes: {dev: {Memory: 512}}",
                "Conditions:",
                "  IsDev: !Equals [!Ref 'AWS::Region', eu-west-3]",
                "  Both: !And [!Condition IsDev, !Not [!Equals [a, b]]]",
                "Resources:",
                "  Topic: {Type: 'AWS::SNS::Topic'}",
                "Outputs:",
                "  Join: {Value: !Join ['-', [a, !Select [1, !Split [',', 'x,y,z']]]]}",
                "  Map: {Value: !FindInMap [Sizes, dev, Memory]}",
                "  Base64: {Value: !Base64 hello}",
                "  Cidr: {Value: !Cidr ['10.0.0.0/16', 2, 8]}",
                "  Azs: {Value: !Select [0, !GetAZs '']}",
                "  Both: {Value: !If [Both, yes-both, no]}",
                "  SubList: {Value: !Sub ['${A}-${Topic.TopicName}', {A: !Ref 'AWS::AccountId'}]}"));
        Resolver resolver = new Resolver(small, "eu-west-3", Map.of(), Map.of("Topic.TopicName", "t"));

        assertEquals("a-y", value(resolver, small, "Join"));
        assertEquals(512, value(resolver, small, "Map"));
        assertEquals("aGVsbG8=", value(resolver, small, "Base64"));
        assertEquals(List.of("10.0.0.0/24", "10.0.1.0/24"), value(resolver, small, "Cidr"));
        assertEquals("eu-west-3a", value(resolver, small, "Azs"));
        assertEquals("yes-both", value(resolver, small, "Both"));
        assertEquals("000000000000-t", value(resolver, small, "SubList"));
    }

    private static Object value(Resolver resolver, Template template, String output) {
        return resolver.resolve(Template.asMap(template.outputs().get(output), output).get("Value"), output);
    }

    /** A resolver on the real template where the emulated resources were created with made-up ids. */
    private Resolver withRegisteredResources() {
        Resolver resolver = new Resolver(template, "eu-west-3", Map.of(), OVERRIDES);
        resolver.register(new ProvisionedResource("MainTable", "AWS::DynamoDB::Table", "plateforme-citoyens-dev",
                Map.of("Arn", "arn:aws:dynamodb:eu-west-3:000000000000:table/plateforme-citoyens-dev")));
        resolver.register(new ProvisionedResource("EventsQueue", "AWS::SQS::Queue", QUEUE_URL,
                Map.of("Arn", "arn:aws:sqs:elasticmq:000000000000:plateforme-citoyens-dev-events")));
        resolver.register(new ProvisionedResource("PhotoUploadsQueue", "AWS::SQS::Queue", QUEUE_URL + "-photos",
                Map.of("Arn", "arn:aws:sqs:elasticmq:000000000000:plateforme-citoyens-dev-photo-uploads")));
        resolver.register(new ProvisionedResource("DocumentsBucket", "AWS::S3::Bucket", "documents", Map.of()));
        resolver.register(new ProvisionedResource("UserPool", "AWS::Cognito::UserPool", "local_pool", Map.of()));
        resolver.register(new ProvisionedResource("UserPoolClient", "AWS::Cognito::UserPoolClient", "client-1",
                Map.of()));
        return resolver;
    }
}
