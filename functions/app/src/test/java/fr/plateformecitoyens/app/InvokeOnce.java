package fr.plateformecitoyens.app;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

/**
 * Run in a fresh JVM by {@link ShadedJarIT}: invokes one function of the deployment jar on one event,
 * exactly as Lambda does, and prints the output.
 */
public final class InvokeOnce {

    private InvokeOnce() {
    }

    public static void main(String[] args) throws Exception {
        FunctionInvoker invoker = new FunctionInvoker(args[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new FileInputStream(args[1])) {
            invoker.handleRequest(in, out, null);
        }
        System.out.println("OUTPUT " + out);
    }
}
