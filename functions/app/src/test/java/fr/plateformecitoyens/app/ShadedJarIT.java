package fr.plateformecitoyens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deployment jar, as built by the shade plugin, starts Spring Cloud Function and answers an event in
 * a JVM of its own: what Lambda will do with it. Catches what shading can break (merged
 * spring.factories, service files, the Start-Class).
 */
class ShadedJarIT {

    @Test
    void deploymentJar_answersTheHealthSample_inAFreshJvm() throws Exception {
        Path jar = Path.of("target/app-0.1.0-SNAPSHOT-aws.jar");
        assertTrue(jar.toFile().isFile(), "the shaded jar is built at package, before this test");
        String classpath = jar + File.pathSeparator + "target/test-classes";
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classpath, InvokeOnce.class.getName(), "publicApi",
                "../../events/PublicApiFunction.health.json").redirectErrorStream(true);
        // As template.yaml sets it: Spring Cloud Function only reads a manifest's Start-Class when it is a
        // @SpringBootApplication, which a functional initializer is not.
        builder.environment().put("MAIN_CLASS", PlatformFunctions.class.getName());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the function answered within a minute");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("OUTPUT {") && output.contains("\"statusCode\":200"), output);
    }
}
