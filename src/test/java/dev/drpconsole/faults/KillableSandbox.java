package dev.drpconsole.faults;

import dev.drpconsole.core.drp.DrpCredentials;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.MemoryCertificatePins;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.sandbox.RunnerEngine;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.sandbox.auth.AdminPassword;
import dev.drpconsole.sandbox.tls.SandboxCertificate;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox in a JVM of its own, so that a fault can SIGKILL it the way an endpoint host dies (no shutdown hook, no
 * graceful close of sockets, nothing flushed that was not already on disk) and start it again on the same port and
 * data dir, as a restarted DRP service comes back. Its docker-context runners run on the test engine and carry this
 * run's test label, so {@link dev.drpconsole.testsupport.TestCleanup} removes them. {@link #main} is the child's
 * entry point: it starts the sandbox, prints {@value #READY} and serves until killed.
 */
final class KillableSandbox implements AutoCloseable {
    static final String READY = "killable sandbox ready";
    static final String PASSWORD = "fault-suite-" + TestLabels.runId();

    private final Path dataDir;
    private final int port;
    private final Path logDir;
    private Process process;
    private int starts;

    private KillableSandbox(Path dataDir, int port, Path logDir) {
        this.dataDir = dataDir;
        this.port = port;
        this.logDir = logDir;
    }

    /** Starts it on a free port with its data in {@code dataDir}; returns once it accepts requests. */
    static KillableSandbox start(Path dataDir) throws Exception {
        KillableSandbox sandbox = new KillableSandbox(dataDir, freePort(), Files.createDirectories(
                dataDir.resolveSibling(dataDir.getFileName() + "-logs")));
        sandbox.startAgain();
        return sandbox;
    }

    /** Starts the child JVM (again), same port and data dir; returns once it accepts requests. */
    void startAgain() throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the sandbox still runs");
        }
        starts++;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                KillableSandbox.class.getName(), dataDir.toString(), Integer.toString(port), PASSWORD,
                TestEnv.get().dockerHost().toString(), TestLabels.runId()));
        Path out = logDir.resolve("stdout-" + starts + ".txt");
        process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(logDir.resolve("stderr-" + starts + ".txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(out).contains(READY)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("The sandbox did not start (start " + starts + "); see " + logDir);
            }
            Thread.sleep(50);
        }
    }

    /** SIGKILL, as a host losing power or an OOM kill; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the sandbox did not die on SIGKILL");
        }
    }

    String url() {
        return "https://127.0.0.1:" + port;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The admin's endpoint, signed in with the password. */
    DrpEndpoint endpoint() {
        return new DrpEndpoint(List.of(url()), new DrpCredentials.Password(AdminPassword.ADMIN_USER, PASSWORD),
                false);
    }

    /** Its certificate (kept in the data dir across restarts), pinned as a user would after the first-use prompt. */
    MemoryCertificatePins pins() throws IOException {
        MemoryCertificatePins pins = new MemoryCertificatePins();
        pins.pin("127.0.0.1:" + port, SandboxCertificate.keptIn(dataDir).sha256Fingerprint());
        return pins;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** The child: {@code DATA_DIR PORT PASSWORD ENGINE RUN_ID}. */
    public static void main(String[] args) throws Exception {
        SandboxConfig config = SandboxConfig.inDataDir(Path.of(args[0])).withPort(Integer.parseInt(args[1]))
                .withPassword(args[2]).withRunnerEngine(RunnerEngine.of(EngineChoice.parse(args[3])))
                .withRunnerLabel(TestLabels.KEY, args[4]);
        SandboxServer server = SandboxServer.start(config);
        System.out.println(READY + ": " + server.url());
        System.out.flush();
        Thread.currentThread().join();
    }
}
