package fr.plateformecitoyens.local.template;

import java.util.Map;

/**
 * A resource created on the local emulators: what {@code Ref} gives for it and the attributes that
 * {@code Fn::GetAtt} can read.
 *
 * @param logicalId  its logical id in the template
 * @param type       its type, such as {@code AWS::SQS::Queue}
 * @param ref        its physical id as {@code Ref} returns it (table name, queue URL, bucket name, pool id…)
 * @param attributes its attributes by name ({@code Arn}, {@code QueueName}, {@code ProviderURL}…)
 */
public record ProvisionedResource(String logicalId, String type, String ref, Map<String, String> attributes) {

    /** Copies the attributes so that the record stays immutable. */
    public ProvisionedResource {
        attributes = Map.copyOf(attributes);
    }

    /** The attribute with this name; fails naming the resource when the emulator gave none. */
    public String attribute(String name) {
        String value = attributes.get(name);
        if (value == null) {
            throw new TemplateException("The local " + type + " " + logicalId + " has no attribute " + name
                    + " (known: " + attributes.keySet() + ")");
        }
        return value;
    }
}
