package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Engines over ssh against the real parts prepare.sh provisions: the OpenSSH client, an sshd on 127.0.0.1 that
 * lets the test user (root) in with the test key, and this machine's Docker and Podman behind it. Podman's way forwards its socket,
 * the docker CLI's way runs {@code docker system dial-stdio} over the master. The faults are real too: a port with
 * no sshd, a key the sshd does not know, host keys unknown or changed (in known_hosts files of the test's own), and
 * a master killed with SIGKILL. Fails (never skips) when something is missing.
 */
@Tag("engine")
class SshEngineTest {

    static final Duration PATIENCE = Duration.ofSeconds(10);
    static final String RUN = TestLabels.runId();
    static final Map<String, String> LABELS = TestLabels.forThisRun();
    static final TestEnv ENV = TestEnv.get();

    @AfterAll
    static void removeWhatThisRunCreated() {
        for (var host : List.of(ENV.dockerHost(), ENV.podmanHost())) {
            try (DockerEngine local = EngineTestSupport.openProvisionedEngine(host)) {
                TestCleanup.removeEverythingOfThisRun(local);
            }
        }
    }

    @Test
    void podmansWayRunsAContainerAndFollowsItsLog() throws Exception {
        EngineChoice.Ssh choice = podmansWay(ENV.sshConfig());
        try (ContainerEngine engine = EngineOpener.open(choice)) {
            EngineInfo info = engine.info();
            assertEquals(EngineProduct.PODMAN, info.product());
            assertEquals(choice.text(), info.source());
            assertEquals("ssh://" + ENV.sshUser() + "@127.0.0.1:" + ENV.sshPort() + ENV.podmanHost().getPath(),
                    choice.text());

            String id = engine.containers().run(ContainerSpec.of(ENV.baseImage()).withLabels(LABELS)
                    .withInitProcess(true).withCommand("bash", "-c", "for i in 1 2 3; do echo line-$i; sleep 0.2;"
                            + " done; exec sleep 30"));
            assertTrue(engine.containers().list(ContainerQuery.runningOnly().withLabel(TestLabels.KEY, RUN))
                    .stream().anyMatch(container -> container.id().equals(id)));
            RecordingLogListener logs = new RecordingLogListener();
            try (Closeable follow = engine.containers().followLogs(id, LogOptions.everything(), logs)) {
                assertTrue(logs.awaitLines(line -> true, 3, PATIENCE), logs.texts().toString());
            }
            assertEquals(List.of("line-1", "line-2", "line-3"), logs.texts().subList(0, 3));
            engine.containers().remove(id, true);
        }
    }

    @Test
    void theDockerCliWayListsDockersContainers() {
        String id;
        try (DockerEngine local = EngineTestSupport.openProvisionedEngine(ENV.dockerHost())) {
            id = local.containers().run(ContainerSpec.of(ENV.baseImage()).withLabels(LABELS).withCommand("true"));
        }
        EngineChoice.Ssh choice = dockerCliWay(ENV.sshConfig());
        try (ContainerEngine engine = EngineOpener.open(choice)) {
            assertEquals(EngineProduct.DOCKER, engine.info().product());
            assertEquals("ssh://" + ENV.sshUser() + "@127.0.0.1:" + ENV.sshPort(), engine.endpoint().source());
            assertEquals(List.of(id), engine.containers().list(ContainerQuery.all().withLabel(TestLabels.KEY, RUN))
                    .stream().map(ContainerSummary::id).filter(id::equals).toList());
        }
    }

    @Test
    void noSshServerListeningIsSaidPlainlyAndAtOnce() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        EngineChoice.Ssh choice = ((EngineChoice.Ssh) EngineChoice.parse("ssh://" + ENV.sshUser() + "@"
                + ENV.sshHost() + ":" + port))
                .withSshConfig(ENV.sshConfig());
        long started = System.nanoTime();

        SshConnectionException error = assertThrows(SshConnectionException.class, () -> EngineOpener.open(choice));

        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertEquals(SshConnectionException.Problem.NO_SERVER, error.problem());
        assertEquals("No ssh server answers at 127.0.0.1:" + port + " (connection refused)", error.reason());
        assertTrue(error.fixHint().contains("sshd running"), error.fixHint());
        assertTrue(millis < 5000, millis + " ms");
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused(@TempDir Path dir) throws Exception {
        Path strangeKey = dir.resolve("strange_ed25519");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", strangeKey.toString());
        Path config = clientConfig(dir, strangeKey, ENV.sshConfig().resolveSibling("known_hosts"), false);

        SshConnectionException error = assertThrows(SshConnectionException.class,
                () -> EngineOpener.open(podmansWay(config)));

        assertEquals(SshConnectionException.Problem.KEY_REFUSED, error.problem());
        assertTrue(error.reason().contains("refused the key"), error.reason());
        assertTrue(error.fixHint().contains("ssh-add") && error.fixHint().contains("--ssh-config FILE"),
                error.fixHint());
    }

    @Test
    void aRemoteSocketThatDoesNotExistIsSaidPlainly() {
        EngineChoice.Ssh choice = ((EngineChoice.Ssh) EngineChoice.parse("ssh://" + ENV.sshUser() + "@"
                + ENV.sshHost() + ":" + ENV.sshPort() + "/run/drpconsole-no-such-engine.sock"))
                .withSshConfig(ENV.sshConfig());

        SshConnectionException error = assertThrows(SshConnectionException.class, () -> EngineOpener.open(choice));

        assertEquals(SshConnectionException.Problem.NO_REMOTE_SOCKET, error.problem());
        assertEquals("The engine socket /run/drpconsole-no-such-engine.sock does not exist on 127.0.0.1 (or cannot be"
                + " opened there by " + ENV.sshUser() + ")", error.reason());
    }

    /** With HashKnownHosts the key is written as ssh itself would: the host name hashed. */
    @ParameterizedTest(name = "HashKnownHosts {0}")
    @ValueSource(booleans = {false, true})
    void anUnknownHostKeyShowsItsFingerprintAndOpensOnceTrusted(boolean hashKnownHosts, @TempDir Path dir)
            throws Exception {
        Path knownHosts = Files.createFile(dir.resolve("known_hosts"));
        EngineChoice.Ssh choice = podmansWay(clientConfig(dir, ENV.sshClientKey(), knownHosts, hashKnownHosts));
        String[] hostKey = Files.readString(ENV.sshHostKey()).strip().split(" ");

        SshHostKeyException error = assertThrows(SshHostKeyException.class, () -> EngineOpener.open(choice));

        String host = "[127.0.0.1]:" + ENV.sshPort();
        String fingerprint = run("ssh-keygen", "-lf", ENV.sshHostKey().toString()).split(" ")[1];
        assertEquals(SshHostKeyException.Kind.UNKNOWN, error.kind());
        assertEquals("The host key of " + host + " is not known: ED25519 " + fingerprint, error.reason());
        UnknownHostKey key = error.unknownKey().orElseThrow();
        assertEquals(fingerprint, key.fingerprint());
        assertEquals(knownHosts, key.knownHostsFile());
        assertEquals("", Files.readString(knownHosts), "nothing written before the user says so");

        key.trust();

        assertEquals(key.knownHostsLine() + "\n", Files.readString(knownHosts));
        assertTrue(key.knownHostsLine().endsWith(" " + hostKey[0] + " " + hostKey[1]), key.knownHostsLine());
        assertEquals(hashKnownHosts, key.knownHostsLine().startsWith("|1|"), key.knownHostsLine());
        try (ContainerEngine engine = EngineOpener.open(choice)) {
            assertEquals(EngineProduct.PODMAN, engine.info().product());
        }
    }

    @Test
    void aChangedHostKeyIsNeverTrustedFromHere(@TempDir Path dir) throws Exception {
        Path otherKey = dir.resolve("other_host_ed25519");
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString());
        String host = "[127.0.0.1]:" + ENV.sshPort();
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), host + " "
                + Files.readString(otherKey.resolveSibling("other_host_ed25519.pub")));
        String before = Files.readString(knownHosts);
        EngineChoice.Ssh choice = podmansWay(clientConfig(dir, ENV.sshClientKey(), knownHosts, false));

        SshHostKeyException error = assertThrows(SshHostKeyException.class, () -> EngineOpener.open(choice));

        assertEquals(SshHostKeyException.Kind.CHANGED, error.kind());
        assertTrue(error.unknownKey().isEmpty());
        assertEquals(run("ssh-keygen", "-lf", ENV.sshHostKey().toString()).split(" ")[1],
                error.fingerprint().orElseThrow(), "the key the server shows now");
        assertTrue(error.fixHint().contains("may be an attack"), error.fixHint());
        assertTrue(error.fixHint().contains("ssh-keygen -R '" + host + "' -f '" + knownHosts + "'"),
                error.fixHint());
        assertEquals(before, Files.readString(knownHosts), "nothing written");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Podman's way", "the docker CLI's way"})
    void aKilledMasterIsStartedAgainByTheNextCall(String way) throws Exception {
        EngineChoice.Ssh choice = way.startsWith("Podman") ? podmansWay(ENV.sshConfig())
                : dockerCliWay(ENV.sshConfig());
        RecordingEventListener watcher = new RecordingEventListener();
        try (ContainerEngine engine = EngineOpener.open(choice);
                Closeable watch = engine.watchEvents(EventQuery.containers().withLabel(TestLabels.KEY, RUN), watcher,
                        watcher)) {
            assertEquals("connected", watcher.nextConnectionChange(PATIENCE));
            String id = engine.containers().run(ContainerSpec.of(ENV.baseImage()).withLabels(LABELS)
                    .withInitProcess(true).withCommand("bash", "-c", "while true; do echo tick; sleep 0.1; done"));
            RecordingLogListener logs = new RecordingLogListener();
            try (Closeable follow = engine.containers().followLogs(id, LogOptions.everything(), logs)) {
                assertTrue(logs.awaitLines(line -> true, 1, PATIENCE));

                ProcessHandle.of(masterPid(engine, choice)).orElseThrow().destroyForcibly(); // SIGKILL

                // The open follow sees its connection cut, within milliseconds: its listener gets onFailure (not
                // onEnd, as if the container had stopped) with "No engine answers at ssh://… (the connection was
                // cut)". It is not resumed: following again is the caller's business (the next call reconnects).
                assertTrue(logs.awaitEnd(PATIENCE), "the follow ends");
                assertTrue(logs.failure instanceof EngineUnavailableException, String.valueOf(logs.failure));
                assertEquals("No engine answers at " + choice.text() + " (the connection was cut)",
                        ((EngineUnavailableException) logs.failure).reason());
            }
            // The event stream is lost too, and reconnects by itself (its first retry comes after 0.5 s), which
            // starts the master again; so would any next call.
            assertTrue(watcher.nextConnectionChange(PATIENCE).startsWith("lost: "));
            assertEquals("connected", watcher.nextConnectionChange(PATIENCE));
            assertTrue(engine.containers().inspect(id).running());
            RecordingLogListener again = new RecordingLogListener();
            try (Closeable follow = engine.containers().followLogs(id, LogOptions.everything().withTail(1), again)) {
                assertTrue(again.awaitLines(line -> true, 2, PATIENCE), "a new follow works");
            }
            engine.containers().remove(id, true);
        }
    }

    @Test
    void aLogFollowedWhileTheConnectionIsKilledGoesOnWithoutARepeatOrAGap() throws Exception {
        EngineChoice.Ssh choice = podmansWay(ENV.sshConfig());
        try (EngineHandle handle = EngineHandle.of(choice)) {
            ContainerEngine engine = handle.get();
            String id = engine.containers().run(ContainerSpec.of(ENV.baseImage()).withLabels(LABELS)
                    .withInitProcess(true).withCommand("bash", "-c",
                            "for i in $(seq 1 40); do echo n-$i; sleep 0.1; done; sleep 30"));
            RecordingLogListener logs = new RecordingLogListener();
            try (Closeable follow = ResumingLogFollow.start(handle::get, id, LogOptions.everything(), logs,
                    java.util.concurrent.ForkJoinPool.commonPool())) {
                assertTrue(logs.awaitLines(line -> true, 3, PATIENCE));

                ProcessHandle.of(masterPid(engine, choice)).orElseThrow().destroyForcibly(); // SIGKILL

                assertTrue(logs.awaitLines(line -> line.text().equals("n-40"), 1, PATIENCE),
                        "the follow went on to the last line: " + logs.lines);
                assertEquals(null, logs.failure, "the reader never heard of the cut as a failure");
                List<String> seen = logs.lines.stream().map(LogLine::text).toList();
                assertEquals(java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> "n-" + i).toList(), seen,
                        "every line once, in order");
            }
            engine.containers().remove(id, true);
        }
    }

    /** The master's pid, as its control socket tells it (the tunnel's directory holds the socket "c"). */
    private static long masterPid(ContainerEngine engine, EngineChoice.Ssh choice) throws Exception {
        Path control = Path.of(engine.endpoint().host().getPath()).resolveSibling("c");
        String answer = run("ssh", "-F", ENV.sshConfig().toString(), "-p", Integer.toString(choice.port()),
                "-S", control.toString(), "-O", "check", choice.destination());
        Matcher pid = Pattern.compile("Master running \\(pid=(\\d+)\\)").matcher(answer);
        assertTrue(pid.find(), answer);
        return Long.parseLong(pid.group(1));
    }

    private static EngineChoice.Ssh podmansWay(Path sshConfig) {
        return ENV.podmanOverSsh().withSshConfig(sshConfig);
    }

    private static EngineChoice.Ssh dockerCliWay(Path sshConfig) {
        return ((EngineChoice.Ssh) EngineChoice.parse("ssh://" + ENV.sshUser() + "@" + ENV.sshHost() + ":"
                + ENV.sshPort())).withSshConfig(sshConfig);
    }

    /** A client config of the test's own, like prepare.sh's but with the given key and known_hosts. */
    private static Path clientConfig(Path dir, Path key, Path knownHosts, boolean hashKnownHosts) throws IOException {
        return Files.writeString(dir.resolve("ssh_config"), "Host *\n"
                + "  IdentityFile " + key + "\n"
                + "  IdentitiesOnly yes\n"
                + "  UserKnownHostsFile " + knownHosts + "\n"
                + "  GlobalKnownHostsFile /dev/null\n"
                + "  StrictHostKeyChecking yes\n"
                + "  HashKnownHosts " + (hashKnownHosts ? "yes" : "no") + "\n"
                + "  BatchMode yes\n");
    }

    /** Runs a command to its end and returns what it wrote to stdout and stderr; fails the test on a non-zero exit. */
    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
        return output;
    }
}
