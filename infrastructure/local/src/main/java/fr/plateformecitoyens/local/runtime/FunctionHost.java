package fr.plateformecitoyens.local.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * One deployed function of the local cloud, invoked through the very entry point Lambda calls
 * ({@link FunctionInvoker#handleRequest}). The function's Spring context starts on first use, as a cold
 * start would; later invocations reuse it, as a warm Lambda instance does.
 */
public final class FunctionHost {

    private final String logicalId;
    private final String definition;
    private final int memoryMb;
    private final int timeoutSeconds;
    private volatile FunctionInvoker invoker;

    public FunctionHost(String logicalId, String definition, int memoryMb, int timeoutSeconds) {
        this.logicalId = logicalId;
        this.definition = definition;
        this.memoryMb = memoryMb;
        this.timeoutSeconds = timeoutSeconds;
    }

    public String logicalId() {
        return logicalId;
    }

    public String definition() {
        return definition;
    }

    /** Starts the function's context now rather than on the first event. */
    public void warm() {
        invoker();
    }

    public byte[] invoke(byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalContext context = new LocalContext(UUID.randomUUID().toString(), logicalId, memoryMb,
                System.currentTimeMillis() + timeoutSeconds * 1000L);
        try {
            invoker().handleRequest(new ByteArrayInputStream(event), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private FunctionInvoker invoker() {
        FunctionInvoker current = invoker;
        if (current == null) {
            synchronized (this) {
                current = invoker;
                if (current == null) {
                    // Spring Boot resets the JVM's one Logback context as each context starts: two functions
                    // starting at once in this shared JVM can break each other's start, so they start in turn.
                    synchronized (FunctionHost.class) {
                        current = new FunctionInvoker(definition);
                    }
                    invoker = current;
                }
            }
        }
        return current;
    }
}
