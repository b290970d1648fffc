package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.TestEnv;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the image's drpcli comes from, with the real drpcli and the sandbox's files API. Real DRP serves its
 * Linux drpcli builds at the top of its files (files/drpcli.amd64.linux); the sandbox serves none by itself, so the
 * test puts the real binary there the way DRP has it, through the same files API.
 */
@Tag("engine")
@Tag("sandbox")
class DrpcliSourceTest {
    @TempDir
    static Path work;
    static SandboxServer server;
    static OkHttpDrpClient client;
    static final String ARCH = arch();

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.inDataDir(Files.createDirectories(work.resolve("data")))
                .withPort(0).withoutRunners());
        client = SandboxAccess.connect(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void theRealDrpcliIsAccepted() {
        assertEquals(Optional.empty(), DrpcliSource.problem(TestEnv.get().drpcli(), ARCH));
    }

    @Test
    void whatCannotRunInTheImageIsRefusedInPlainWords() throws Exception {
        Path script = Files.writeString(work.resolve("script"), "#!/bin/sh\necho drpcli\n");
        script.toFile().setExecutable(true);
        Path notExecutable = Files.copy(TestEnv.get().drpcli(), work.resolve("not-executable"));
        notExecutable.toFile().setExecutable(false, false);

        assertTrue(DrpcliSource.problem(script, ARCH).orElseThrow().contains("is not a Linux program"));
        assertTrue(DrpcliSource.problem(notExecutable, ARCH).orElseThrow().contains("is not executable"));
        assertTrue(DrpcliSource.problem(work, ARCH).orElseThrow().contains("is not a regular file"));
        assertTrue(DrpcliSource.problem(work.resolve("missing"), ARCH).orElseThrow().contains("There is no file"));
        String other = "amd64".equals(ARCH) ? "arm64" : "amd64";
        assertTrue(DrpcliSource.problem(TestEnv.get().drpcli(), other).orElseThrow()
                .contains("for another processor than " + other));
    }

    @Test
    void onPathSkipsADrpcliThatIsNoLinuxBinary() throws Exception {
        Path first = Files.createDirectories(work.resolve("path-first"));
        Path fake = Files.writeString(first.resolve("drpcli"), "#!/bin/sh\n");
        fake.toFile().setExecutable(true);
        Path second = Files.createDirectories(work.resolve("path-second"));
        Files.copy(TestEnv.get().drpcli(), second.resolve("drpcli"));

        assertEquals(Optional.of(second.resolve("drpcli")),
                DrpcliSource.onPath(first + File.pathSeparator + second, ARCH));
        assertEquals(Optional.empty(), DrpcliSource.onPath(first.toString(), ARCH));
    }

    @Test
    void theEndpointsCopyIsOfferedAndDownloadedReadyToUse() throws Exception {
        String name = DrpcliSource.endpointFile(ARCH);
        assertFalse(DrpcliSource.offered(client, ARCH), "the sandbox serves no drpcli of its own");
        client.uploadFile(name, TestEnv.get().drpcli(), (done, total) -> { });
        try {
            assertTrue(DrpcliSource.offered(client, ARCH));
            Path downloaded = DrpcliSource.download(client, ARCH, work.resolve("download"), StepProgress.NONE);

            assertArrayEquals(Files.readAllBytes(TestEnv.get().drpcli()), Files.readAllBytes(downloaded));
            assertTrue(Files.isExecutable(downloaded));
            assertEquals(Optional.empty(), DrpcliSource.problem(downloaded, ARCH));
        } finally {
            client.deleteFile(name);
        }
    }

    @Test
    void aMissingOrUnusableEndpointCopyIsAProblemWithAFix() throws Exception {
        SetupProblem missing = assertThrows(SetupProblem.class,
                () -> DrpcliSource.download(client, "riscv64", work.resolve("none"), StepProgress.NONE));
        assertEquals("The endpoint does not serve files/drpcli.riscv64.linux.", missing.getMessage());
        assertTrue(missing.fix().startsWith("Choose a Linux drpcli for riscv64"), missing.fix());

        Path page = Files.writeString(work.resolve("error-page"), "<html>Not here</html>");
        client.uploadFile("drpcli.arm64.linux", page, (done, total) -> { });
        try {
            SetupProblem unusable = assertThrows(SetupProblem.class,
                    () -> DrpcliSource.download(client, "arm64", work.resolve("arm"), StepProgress.NONE));
            assertTrue(unusable.getMessage().contains("is not a Linux program"), unusable.getMessage());
        } finally {
            client.deleteFile("drpcli.arm64.linux");
        }
    }

    private static String arch() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> arch;
        };
    }
}
