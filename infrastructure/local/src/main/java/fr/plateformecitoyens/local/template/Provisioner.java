package fr.plateformecitoyens.local.template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.plateformecitoyens.local.emulators.Endpoints;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Creates the template's resources on the local emulators, through the AWS SDK, and reads the functions and
 * HTTP APIs that the local cloud runs itself.
 *
 * <p>Known types: {@code AWS::DynamoDB::Table} (dynalite), {@code AWS::SQS::Queue} (ElasticMQ),
 * {@code AWS::S3::Bucket} (S3Proxy), {@code AWS::Cognito::UserPool}, {@code UserPoolClient} and
 * {@code UserPoolGroup} (cognito-local). A resource is created once everything it refers to exists, and
 * independent resources are created in parallel. Other types (CloudFront, bucket policies, SES identities, IAM,
 * the HTTP API) are returned in {@link Stack#notEmulated()}; functions in {@link Stack#functions()}. Properties
 * that an emulator cannot apply are logged, one line per resource.
 *
 * <p>The emulators are expected to be fresh: nothing is looked up or updated, only created.
 */
public final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
    private static final String USER_POOL = "AWS::Cognito::UserPool";
    private static final String USER_POOL_CLIENT = "AWS::Cognito::UserPoolClient";
    private static final Map<String, Creator> CREATORS = Map.of(
            "AWS::DynamoDB::Table", DynamoDbProvisioning::createTable,
            "AWS::SQS::Queue", SqsProvisioning::createQueue,
            "AWS::S3::Bucket", S3Provisioning::createBucket,
            USER_POOL, CognitoProvisioning::createUserPool,
            USER_POOL_CLIENT, CognitoProvisioning::createUserPoolClient,
            "AWS::Cognito::UserPoolGroup", CognitoProvisioning::createGroup);
    private static final int MAX_THREADS = 8;

    private final Endpoints endpoints;

    /** Creates one kind of resource from its resolved properties. */
    @FunctionalInterface
    private interface Creator {
        ProvisionedResource create(ProvisioningClients clients, ResourceProperties properties);
    }

    /** A provisioner for the emulators at these endpoints. */
    public Provisioner(Endpoints endpoints) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    /** Whether the provisioner creates resources of this type on an emulator. */
    public static boolean isEmulated(String type) {
        return CREATORS.containsKey(type);
    }

    /** Provisions the template with its parameters' defaults and no overrides. */
    public Stack provision(Template template) {
        return provision(template, Map.of(), Map.of());
    }

    /**
     * Provisions the template.
     *
     * @param template   the template
     * @param parameters values of its parameters, overriding their defaults
     * @param overrides  values standing for resources that are not emulated, such as
     *                   {@code "WebDistribution.DomainName" -> "localhost:8080"} (see {@link Resolver})
     * @return the local stack
     * @throws TemplateException     if a value of the template cannot be evaluated
     * @throws ProvisioningException if an emulator refuses a resource
     */
    public Stack provision(Template template, Map<String, String> parameters, Map<String, String> overrides) {
        return provision(Resolver.of(template, endpoints, parameters, overrides));
    }

    /** Provisions the resolver's template, registering every created resource with the resolver. */
    public Stack provision(Resolver resolver) {
        long start = System.nanoTime();
        Template template = resolver.template();
        Map<String, Template.Resource> emulated = new LinkedHashMap<>();
        List<Stack.NotEmulated> notEmulated = new ArrayList<>();
        for (Template.Resource resource : template.resources().values()) {
            if (!resolver.creates(resource) || resource.type().equals(ServerlessSpecs.FUNCTION)) {
                continue;
            }
            if (isEmulated(resource.type())) {
                emulated.put(resource.logicalId(), resource);
            } else {
                notEmulated.add(new Stack.NotEmulated(resource.logicalId(), resource.type()));
            }
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_THREADS, emulated.size())),
                daemonThreads());
        try (ProvisioningClients clients = new ProvisioningClients(endpoints)) {
            Map<String, CompletableFuture<Void>> futures = new LinkedHashMap<>();
            for (String id : emulated.keySet()) {
                schedule(id, emulated, futures, new HashSet<>(), resolver, clients, executor);
            }
            await(futures.values());
        } finally {
            executor.shutdownNow();
        }
        Map<String, ProvisionedResource> created = resolver.provisioned();
        String poolId = firstOfType(created, emulated, USER_POOL);
        String clientId = firstOfType(created, emulated, USER_POOL_CLIENT);
        String issuer = poolId == null ? null : endpoints.cognito().toString().replaceAll("/+$", "") + "/" + poolId;
        List<FunctionSpec> functions = ServerlessSpecs.functions(resolver);
        List<HttpApiSpec> httpApis = ServerlessSpecs.httpApis(resolver);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Provisioned {} resources in {} ms; not emulated: {}", created.size(), elapsed.toMillis(),
                notEmulated.stream().map(Stack.NotEmulated::logicalId).toList());
        return new Stack(created, poolId, clientId, issuer, functions, httpApis, notEmulated, elapsed,
                BucketNotifications.routes(resolver));
    }

    /** The future that creates {@code id} once the emulated resources it refers to exist. */
    private CompletableFuture<Void> schedule(String id, Map<String, Template.Resource> emulated,
            Map<String, CompletableFuture<Void>> futures, Set<String> visiting, Resolver resolver,
            ProvisioningClients clients, ExecutorService executor) {
        CompletableFuture<Void> known = futures.get(id);
        if (known != null) {
            return known;
        }
        if (!visiting.add(id)) {
            throw new TemplateException("Circular dependency between resources through " + visiting);
        }
        List<CompletableFuture<Void>> prerequisites = new ArrayList<>();
        for (String dependency : resolver.template().dependencies(id)) {
            if (emulated.containsKey(dependency)) {
                prerequisites.add(schedule(dependency, emulated, futures, visiting, resolver, clients, executor));
            }
        }
        visiting.remove(id);
        Template.Resource resource = emulated.get(id);
        CompletableFuture<Void> future = CompletableFuture.allOf(prerequisites.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> resolver.register(create(resource, resolver, clients)), executor);
        futures.put(id, future);
        return future;
    }

    private static ProvisionedResource create(Template.Resource resource, Resolver resolver,
            ProvisioningClients clients) {
        ResourceProperties properties = new ResourceProperties(resource, resolver.resolveProperties(resource));
        long start = System.nanoTime();
        try {
            ProvisionedResource created = CREATORS.get(resource.type()).create(clients, properties);
            LOG.debug("Created {} ({}) as {} in {} ms", resource.logicalId(), resource.type(), created.ref(),
                    (System.nanoTime() - start) / 1_000_000);
            return created;
        } catch (SdkException | IllegalStateException e) {
            throw new ProvisioningException(resource.logicalId(), resource.type(), e);
        }
    }

    /** Waits for every creation; rethrows the first failure as it was thrown. */
    private static void await(Iterable<CompletableFuture<Void>> futures) {
        for (CompletableFuture<Void> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    private static String firstOfType(Map<String, ProvisionedResource> created,
            Map<String, Template.Resource> emulated, String type) {
        return emulated.values().stream().filter(r -> r.type().equals(type)).map(r -> created.get(r.logicalId()))
                .filter(Objects::nonNull).map(ProvisionedResource::ref).findFirst().orElse(null);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "provisioner-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
