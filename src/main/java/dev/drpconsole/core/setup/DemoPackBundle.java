package dev.drpconsole.core.setup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo content pack as one JSON document, bundled by drpcli itself ({@code drpcli contents bundle}), so the
 * pack the test job installs is exactly what a user would upload by hand.
 */
public final class DemoPackBundle {

    private DemoPackBundle() {
    }

    /**
     * The pack with its stage switching to {@code contextName} instead of {@value DemoContentPack#CONTEXT}: the
     * demo task must run in the context the wizard made, whatever the user named it.
     */
    public static ObjectNode bundle(Path drpcli, Path workDir, String contextName) throws InterruptedException {
        Path source = workDir.resolve("context-demo-src");
        Path bundled = workDir.resolve("context-demo.json");
        try {
            try {
                DemoContentPack.extractTo(source);
            } catch (DemoContentPack.IncompleteException e) {
                throw new SetupProblem("Internal error: this build of the console is missing part of its demo content"
                        + " pack (" + e.getMessage() + "). Nothing on the endpoint was changed.",
                        "This is a fault of the console's package, not of your setup: reinstall it or build it"
                                + " again (mvn -B package), and please report it.", e);
            }
            Path stage = source.resolve(DemoPackSource.STAGE_FILE);
            Files.writeString(stage, DemoPackSource.forContext(Files.readString(stage), contextName));
            ProcessBuilder builder = new ProcessBuilder(List.of(drpcli.toString(), "contents", "bundle",
                    bundled.toString())).directory(source.toFile()).redirectErrorStream(true);
            // Bundling is offline: keep the user's RS_* settings from making drpcli reach for an endpoint.
            builder.environment().keySet().removeIf(key -> key.startsWith("RS_"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new SetupProblem("drpcli could not bundle the demo content pack: " + output.strip(),
                        "Check " + drpcli + " is a working drpcli for this machine.");
            }
            return (ObjectNode) new ObjectMapper().readTree(bundled.toFile());
        } catch (IOException e) {
            throw new SetupProblem("Cannot bundle the demo content pack: " + e.getMessage(),
                    "Check " + drpcli + " runs and the disk has room.", e);
        }
    }
}
