package fr.plateformecitoyens.local.template;

/**
 * An emulator refused to create a resource of the template. The message names the logical id and the
 * type of the resource; the cause is the SDK's exception.
 */
public class ProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure to create the resource {@code logicalId} of type {@code type}. */
    public ProvisioningException(String logicalId, String type, Throwable cause) {
        super("Cannot create " + logicalId + " (" + type + ") on the local emulators: " + cause.getMessage(), cause);
    }
}
