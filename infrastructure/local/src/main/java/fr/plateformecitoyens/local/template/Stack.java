package fr.plateformecitoyens.local.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.plateformecitoyens.local.emulators.S3EventRoute;

/**
 * The template's stack as provisioned on the local emulators.
 *
 * @param resources        the created resources by logical id
 * @param userPoolId       the id of the (first) Cognito user pool, or {@code null} when there is none
 * @param userPoolClientId the id of the (first) user pool client, or {@code null} when there is none
 * @param issuer           the issuer of the local Cognito's tokens ({@code <cognito endpoint>/<poolId>}), or
 *                         {@code null} when there is no pool
 * @param functions        every {@code AWS::Serverless::Function}, resolved, in template order
 * @param httpApis         every {@code AWS::Serverless::HttpApi}, resolved, in template order
 * @param notEmulated      the resources that the local cloud does not create, for the caller to report
 * @param provisioningTime how long {@link Provisioner#provision(Resolver)} took, clients built and specs read
 * @param bucketNotifications the queues the buckets announce created objects on ({@code NotificationConfiguration})
 */
public record Stack(Map<String, ProvisionedResource> resources, String userPoolId, String userPoolClientId,
        String issuer, List<FunctionSpec> functions, List<HttpApiSpec> httpApis, List<NotEmulated> notEmulated,
        Duration provisioningTime, List<S3EventRoute> bucketNotifications) {

    /**
     * A resource of the template that has no local counterpart.
     *
     * @param logicalId its logical id
     * @param type      its type, such as {@code AWS::CloudFront::Distribution}
     */
    public record NotEmulated(String logicalId, String type) {
    }

    /** Copies the collections so that the record stays immutable. */
    public Stack {
        resources = Map.copyOf(resources);
        functions = List.copyOf(functions);
        httpApis = List.copyOf(httpApis);
        notEmulated = List.copyOf(notEmulated);
        bucketNotifications = List.copyOf(bucketNotifications);
    }

    /** The created resource with this logical id; fails naming it when it was not created. */
    public ProvisionedResource resource(String logicalId) {
        ProvisionedResource resource = resources.get(logicalId);
        if (resource == null) {
            throw new TemplateException("The local stack has no resource " + logicalId + " (created: "
                    + resources.keySet() + ")");
        }
        return resource;
    }

    /** What {@code Ref} gives for a created resource: table name, queue URL, bucket name, pool id… */
    public String ref(String logicalId) {
        return resource(logicalId).ref();
    }

    /** An attribute of a created resource, as {@code Fn::GetAtt} gives it. */
    public String attribute(String logicalId, String attribute) {
        return resource(logicalId).attribute(attribute);
    }

    /** The function with this logical id; fails naming it when the template has none. */
    public FunctionSpec function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new TemplateException("The template has no function " + logicalId));
    }

    /** The first HTTP API of the template, if any. */
    public Optional<HttpApiSpec> httpApi() {
        return httpApis.stream().findFirst();
    }
}
