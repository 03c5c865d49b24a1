package fr.plateformecitoyens.local.template;

/**
 * The template cannot be read, or one of its values cannot be evaluated for the local stack (an unknown
 * name in a {@code Fn::Sub}, a resource that is neither provisioned nor overridden, a malformed function).
 * The message names the resource or the name at fault, so that it can be shown as is to a developer.
 */
public class TemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by its message alone. */
    public TemplateException(String message) {
        super(message);
    }

    /** A failure caused by another one (an I/O or YAML error). */
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
