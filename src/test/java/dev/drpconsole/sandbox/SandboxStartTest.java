package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the sandbox: the command line, the ready line, what it keeps in the data dir, a busy port. */
@Tag("sandbox")
class SandboxStartTest {

    private static final Pattern READY = Pattern.compile("sandbox ready: https://127\\.0\\.0\\.1:\\d+");

    @TempDir
    Path dataDir;

    @Test
    void headlessCommandPrintsExactlyTheReadyLineAndStopsCleanlyOnSigterm() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.drpconsole.Main", "sandbox", "--port", "0",
                "--data", dataDir.toString(), "--no-runners");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("DISPLAY");
        Path err = dataDir.resolve("stderr.txt");
        Path out = dataDir.resolve("stdout.txt");
        Process process = builder.redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(out).contains("\n") && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String readyLine = Files.readString(out).lines().findFirst().orElse("");
            assertTrue(READY.matcher(readyLine).matches(), "ready line: " + readyLine + "\n" + Files.readString(err));

            process.destroy();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the sandbox did not stop on SIGTERM");
            assertEquals(readyLine + "\n", Files.readString(out), "stdout must hold only the ready line");
        } finally {
            process.destroyForcibly();
        }
        assertTrue(Files.readString(err).contains("password"), "the generated password is shown once");
    }

    @Test
    void firstStartGeneratesAPrivatePasswordAndACertificateThatLaterStartsKeep() throws Exception {
        String fingerprint;
        String password;
        try (SandboxServer first = SandboxServer.start(config())) {
            assertTrue(first.adminPassword().generated());
            password = first.adminPassword().password();
            fingerprint = first.certificate().sha256Fingerprint();
        }
        Path passwordFile = dataDir.resolve("admin-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dataDir.resolve("tls/server.key"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)),
                "the data dir holds machine secrets: only its owner may enter");
        try (SandboxServer second = SandboxServer.start(config())) {
            assertEquals(password, second.adminPassword().password());
            assertTrue(!second.adminPassword().generated());
            assertEquals(fingerprint, second.certificate().sha256Fingerprint());
            assertEquals(200, SandboxApi.forServer(second).get("info").status());
        }
    }

    @Test
    void aGivenPasswordIsUsedAndNotStored() throws Exception {
        try (SandboxServer server = SandboxServer.start(config().withPassword("s3cret-given"))) {
            SandboxApi api = SandboxApi.forServer(server);
            assertEquals(200, api.asAdmin("s3cret-given").get("info").status());
            assertEquals(403, api.asAdmin("wrong").get("info").status());
        }
        assertTrue(Files.notExists(dataDir.resolve("admin-password")));
    }

    @Test
    void aBusyPortIsReportedInPlainWordsWithExitCode1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = SandboxCommand.run(List.of("--port", Integer.toString(taken.getLocalPort()), "--data",
                    dataDir.toString(), "--no-runners"), print(out), print(err), server -> { });
            assertEquals(1, exit);
            assertEquals("", out.toString(StandardCharsets.UTF_8));
            String message = err.toString(StandardCharsets.UTF_8);
            assertTrue(message.contains("Port " + taken.getLocalPort()) && message.contains("already in use"),
                    message);
        }
    }

    @Test
    void badArgumentsPrintTheUsageWithExitCode2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> seen = new ArrayList<>();
        int exit = SandboxCommand.run(List.of("--port", "http"), print(new ByteArrayOutputStream()), print(err),
                server -> seen.add("started"));
        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: drp-context-console sandbox"));
        assertTrue(seen.isEmpty());
    }

    @Test
    void theDefaultDataDirFollowsXdg() {
        assertEquals(Path.of("/x/data/drp-context-console/sandbox"),
                SandboxDataDir.defaultDir(java.util.Map.of("XDG_DATA_HOME", "/x/data"), "/home/u"));
        assertEquals(Path.of("/home/u/.local/share/drp-context-console/sandbox"),
                SandboxDataDir.defaultDir(java.util.Map.of(), "/home/u"));
    }

    private SandboxConfig config() {
        return SandboxConfig.inDataDir(dataDir).withPort(0).withoutRunners();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
