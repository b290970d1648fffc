package dev.drpconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.connection.SandboxLogin;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineOpener;
import dev.drpconsole.sandbox.LocalSandbox;
import dev.drpconsole.sandbox.SandboxArguments;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's own sandbox tells the console which engine its runners use, in a form the console opens from this
 * machine, so the console can watch the runner containers where they really are.
 */
@Tag("engine")
@Tag("sandbox")
class LocalSandboxStarterTest {

    @TempDir
    Path dataDir;

    @Test
    void theLoginNamesTheEngineTheSandboxsRunnersUseAndTheConsoleCanOpenIt() throws Exception {
        try (LocalSandbox sandbox = new LocalSandbox(dataDir)) {
            SandboxLogin login = new LocalSandboxStarter(sandbox).start();
            EngineChoice engine = sandbox.start().runnerEngine().orElseThrow();

            assertEquals(engine, login.runnerEngine().orElseThrow());
            assertTrue(engine instanceof EngineChoice.Socket || engine instanceof EngineChoice.Tcp,
                    "an address, not 'local' (the console's own lookup might find another engine): " + engine);
            try (ContainerEngine opened = EngineOpener.open(login.runnerEngine().get())) {
                assertEquals(engine.text(), opened.info().host().toString(), "the console opens it from its text");
            }
            SandboxConfig headless = SandboxArguments.parse(List.of("--port", "0"), dataDir.resolve("headless"))
                    .toConfig();
            try (SandboxServer server = SandboxServer.start(headless)) {
                assertEquals(server.runnerEngine(), Optional.of(engine),
                        "the console's sandbox and the sandbox command put runners on the same engine by default");
            }
        }
    }
}
