package dev.drpconsole.testsupport;

import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real sandbox endpoint in-process over HTTPS (no runner containers), started once for a test class and
 * stopped after it, its data in a fresh directory. Register it as a static field: {@code @RegisterExtension static
 * final SandboxEndpoint sandbox = new SandboxEndpoint();}.
 */
public final class SandboxEndpoint implements BeforeAllCallback, AfterAllCallback {
    private final UnaryOperator<SandboxConfig> options;
    private Path dataDir;
    private SandboxServer server;

    public SandboxEndpoint() {
        this(UnaryOperator.identity());
    }

    /** @param options changes the default configuration, e.g. {@code config -> config.withEventBuffer(4)} */
    public SandboxEndpoint(UnaryOperator<SandboxConfig> options) {
        this.options = options;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("sandbox-endpoint");
        server = SandboxServer.start(options.apply(SandboxConfig.inDataDir(dataDir).withPort(0).withoutRunners()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    public SandboxServer server() {
        return server;
    }
}
