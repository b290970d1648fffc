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
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The sandbox endpoint as its own process, so that a fault can SIGKILL it the way an endpoint host dies (no shutdown
 * hook, no graceful close of sockets, nothing flushed that was not already on disk) and start it again on the same
 * port with the same data dir, as a restarted DRP service comes back. {@link #start} runs the README's command
 * without the packaged jar ({@code java -cp <test class path> dev.drpconsole.Main sandbox --no-runners}): it never
 * touches a container engine. {@link #withRunners} runs docker-context runners on the test engine, labelled with this
 * run's test label so that {@link dev.drpconsole.testsupport.TestCleanup} removes them (through {@link #main}: the
 * command line has no option for a runner label). Its standard error goes to {@code sandbox.log} beside the data dir,
 * over all its starts.
 */
final class SandboxProcess implements AutoCloseable {
    private static final String READY_LINE = "sandbox ready: ";
    private static final Pattern READY = Pattern.compile("sandbox ready: (https://127\\.0\\.0\\.1:(\\d+))");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** The JVM options the README's command runs the jar (and so its sandbox) with. */
    private static final Path JVM_OPTIONS = Path.of("src", "main", "jvm", "desktop.options");

    private final Path dataDir;
    private final String password;
    private final boolean runners;
    private final Path log;
    private int port;
    private String url;
    private Process process;
    private int starts;

    private SandboxProcess(Path dataDir, String password, boolean runners) {
        this.dataDir = dataDir;
        this.password = password;
        this.runners = runners;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + "-sandbox.log");
    }

    /** Starts a sandbox on a free port, its data in {@code dataDir}; returns once it printed its ready line. */
    static SandboxProcess start(Path dataDir, String password) throws IOException, InterruptedException {
        SandboxProcess sandbox = new SandboxProcess(dataDir, password, false);
        sandbox.launch();
        return sandbox;
    }

    /** As {@link #start}, its docker-context runners on the test engine with this run's test label. */
    static SandboxProcess withRunners(Path dataDir, String password) throws IOException, InterruptedException {
        SandboxProcess sandbox = new SandboxProcess(dataDir, password, true);
        sandbox.launch();
        return sandbox;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to any client; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed sandbox (pid " + process.pid() + ") did not end");
        }
    }

    /** Starts it again on the same port with the same data dir; returns once it is ready. */
    void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("the sandbox still runs");
        }
        launch();
    }

    String url() {
        return url;
    }

    Path dataDir() {
        return dataDir;
    }

    String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** The admin's endpoint, as the console's connection would name it. */
    DrpEndpoint endpoint() {
        return new DrpEndpoint(List.of(url), new DrpCredentials.Password(AdminPassword.ADMIN_USER, password), false);
    }

    /** The sandbox's certificate pinned, as after the user accepted it at first use. */
    MemoryCertificatePins pins() throws IOException {
        MemoryCertificatePins pins = new MemoryCertificatePins();
        pins.pin(hostPort(), SandboxCertificate.keptIn(dataDir).sha256Fingerprint());
        return pins;
    }

    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((AdminPassword.ADMIN_USER + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A new JDK HTTP/1.1 client that trusts the sandbox's certificate and nothing else. */
    HttpClient httpClient() throws IOException {
        try {
            X509Certificate certificate = SandboxCertificate.keptIn(dataDir).certificate();
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("sandbox", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("Cannot trust the sandbox certificate: " + e, e);
        }
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

    private void launch() throws IOException, InterruptedException {
        starts++;
        Path out = dataDir.resolveSibling(dataDir.getFileName() + "-stdout-" + starts + ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "@" + JVM_OPTIONS.toAbsolutePath(), "-cp", System.getProperty("java.class.path")));
        command.addAll(runners
                ? List.of(SandboxProcess.class.getName(), dataDir.toString(), Integer.toString(port), password,
                        TestEnv.get().dockerHost().toString(), TestLabels.runId())
                : List.of("dev.drpconsole.Main", "sandbox", "--port", Integer.toString(port), "--data",
                        dataDir.toString(), "--password", password, "--no-runners"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("DISPLAY");
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher ready = READY.matcher(Files.readString(out));
            if (ready.find()) {
                url = ready.group(1);
                port = Integer.parseInt(ready.group(2));
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the sandbox exited with " + process.exitValue() + " at start "
                        + starts + "; see " + log);
            }
            Thread.sleep(25);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the sandbox was not ready within " + START_TIMEOUT.toSeconds() + " s at start "
                + starts + "; see " + log);
    }

    /** The child of {@link #withRunners}: {@code DATA_DIR PORT PASSWORD ENGINE RUN_ID}; serves until killed. */
    public static void main(String[] args) throws Exception {
        SandboxConfig config = SandboxConfig.inDataDir(Path.of(args[0])).withPort(Integer.parseInt(args[1]))
                .withPassword(args[2]).withRunnerEngine(RunnerEngine.of(EngineChoice.parse(args[3])))
                .withRunnerLabel(TestLabels.KEY, args[4]);
        SandboxServer server = SandboxServer.start(config);
        System.out.println(READY_LINE + server.url());
        System.out.flush();
        Thread.currentThread().join();
    }
}
