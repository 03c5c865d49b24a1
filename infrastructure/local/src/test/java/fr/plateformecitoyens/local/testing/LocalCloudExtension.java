package fr.plateformecitoyens.local.testing;

import fr.plateformecitoyens.local.LocalCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running local cloud: one per test JVM, started on a free port on first use and stopped
 * when the JVM's tests are done. Tests take a {@link LocalCloud} or a {@link Api} parameter.
 */
public final class LocalCloudExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalCloud.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalCloud.class || type == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        LocalCloud cloud = cloud(context);
        return parameter.getParameter().getType() == Api.class ? new Api(cloud) : cloud;
    }

    public static LocalCloud cloud(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("cloud", key -> new Running(start()),
                Running.class).cloud();
    }

    private static LocalCloud start() {
        try {
            Path root = projectRoot();
            return LocalCloud.start(root, 0, root.resolve("infrastructure/local/target/test-cloud"));
        } catch (Exception e) {
            throw new IllegalStateException("the local cloud did not start: " + e.getMessage(), e);
        }
    }

    /** The repository root, found from the module folder the tests run in. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no template.yaml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private record Running(LocalCloud cloud) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            cloud.close();
        }
    }
}
