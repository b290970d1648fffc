package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.SshConnectionException.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh's error output in plain words. The texts are what OpenSSH 9.2 (and, for dial-stdio, bash and the docker CLI)
 * wrote in these situations on the project's machine; SshEngineTest meets the main ones for real.
 */
class SshFailuresTest {

    static final EngineChoice.Ssh PODMAN = (EngineChoice.Ssh) EngineChoice.parse(
            "ssh://root@drp1:2222/run/podman/podman.sock");
    static final EngineChoice.Ssh DOCKER = (EngineChoice.Ssh) EngineChoice.parse("ssh://root@drp1");

    final List<String> scanned = new ArrayList<>();

    @Test
    void nothingAnsweringAtThePortNamesHostAndPort() {
        for (String why : List.of("Connection refused", "No route to host", "Connection timed out")) {
            SshConnectionException error = connectionProblem(
                    "ssh: connect to host 10.0.0.5 port 2222: " + why + "\r\n", 255, PODMAN);

            assertEquals(Problem.NO_SERVER, error.problem());
            assertEquals("No ssh server answers at 10.0.0.5:2222 (" + why.toLowerCase() + ")", error.reason());
            assertTrue(error.fixHint().startsWith("Is sshd running there"), error.fixHint());
        }
    }

    @Test
    void aHostNameThatDoesNotResolve() {
        SshConnectionException error = connectionProblem(
                "ssh: Could not resolve hostname drp1: Name or service not known\r\n", 255, DOCKER);

        assertEquals(Problem.UNKNOWN_HOST_NAME, error.problem());
        assertEquals("The host name drp1 is not known (ssh could not resolve it)", error.reason());
    }

    @Test
    void aRefusedKeyPointsAtTheAgentTheConfigAndTheOptionForAConfigOfItsOwn() {
        SshConnectionException error = connectionProblem("root@drp1: Permission denied (publickey).\r\n", 255,
                PODMAN);

        assertEquals(Problem.KEY_REFUSED, error.problem());
        assertEquals("The ssh server at drp1 refused the key (permission denied for root)", error.reason());
        assertTrue(error.fixHint().contains("ssh-add") && error.fixHint().contains("IdentityFile")
                && error.fixHint().contains("--ssh-config FILE"), error.fixHint());
    }

    @Test
    void anUnknownHostKeyIsScannedUnderTheNameSshLooksItUpBy() {
        UnknownHostKey key = new UnknownHostKey("[drp1]:2222", "ED25519", "SHA256:abc", "ssh-ed25519 AAAA",
                Path.of("/home/me/.ssh/known_hosts"), false);
        EngineUnavailableException error = SshFailures.classify(
                "No ED25519 host key is known for [drp1]:2222 and you have requested strict checking.\r\n"
                        + "Host key verification failed.\r\n", 255, PODMAN, (host, type) -> {
                    scanned.add(host + " " + type);
                    return SshHostKeyException.unknown(key);
                });

        assertEquals(List.of("[drp1]:2222 ED25519"), scanned);
        SshHostKeyException unknown = assertInstanceOf(SshHostKeyException.class, error);
        assertEquals(SshHostKeyException.Kind.UNKNOWN, unknown.kind());
        assertSame(key, unknown.unknownKey().orElseThrow());
        assertEquals("The host key of [drp1]:2222 is not known: ED25519 SHA256:abc", unknown.reason());
        assertTrue(unknown.fixHint().contains("/home/me/.ssh/known_hosts"), unknown.fixHint());
    }

    @Test
    void aChangedHostKeyWarnsOfAnAttackAndSaysHowToRemoveTheOldKeyFromItsFile() {
        String warning = changedWarning("/etc/drp/known_hosts");

        SshHostKeyException changed = assertInstanceOf(SshHostKeyException.class,
                SshFailures.classify(warning, 255, PODMAN, this::neverScanned));

        assertEquals(SshHostKeyException.Kind.CHANGED, changed.kind());
        assertEquals("[drp1]:2222", changed.host());
        assertEquals("ED25519", changed.keyType());
        assertEquals(Optional.of("SHA256:mHk3TV0ctJE9vY5R5rcSWTEPqOLqWv9LhTOfg4yUjsc"), changed.fingerprint());
        assertTrue(changed.unknownKey().isEmpty(), "a changed key is never offered to trust");
        assertTrue(changed.fixHint().startsWith("This may be an attack"), changed.fixHint());
        assertTrue(changed.fixHint().contains("ssh-keygen -R '[drp1]:2222' -f '/etc/drp/known_hosts'"),
                changed.fixHint());
        assertEquals(List.of(), scanned);
    }

    @Test
    void theUsersOwnKnownHostsNeedsNoFileOption() {
        String warning = changedWarning(System.getProperty("user.home") + "/.ssh/known_hosts");

        EngineUnavailableException changed = SshFailures.classify(warning, 255, PODMAN, this::neverScanned);

        assertTrue(changed.fixHint().contains("ssh-keygen -R '[drp1]:2222' and connect again"), changed.fixHint());
    }

    @Test
    void theDockerCliWayWithoutDockerOnTheRemote() {
        for (String said : List.of("bash: line 1: docker: command not found\n", "sh: 1: docker: not found\n")) {
            SshConnectionException error = connectionProblem(said, 127, DOCKER);

            assertEquals(Problem.NO_DOCKER, error.problem());
            assertEquals("There is no docker command on drp1 for 'docker system dial-stdio'", error.reason());
            assertTrue(error.fixHint().contains("ssh://root@drp1/run/podman/podman.sock"), error.fixHint());
        }
    }

    @Test
    void theDockerCliWayWithTheRemoteEngineDown() {
        SshConnectionException error = connectionProblem("failed to open the raw stream connection: dial unix"
                + " /var/run/docker.sock: connect: no such file or directory\n", 1, DOCKER);

        assertEquals(Problem.REMOTE_ENGINE_DOWN, error.problem());
        assertEquals("The docker command on drp1 cannot reach its engine: failed to open the raw stream connection:"
                + " dial unix /var/run/docker.sock: connect: no such file or directory", error.reason());
    }

    @Test
    void podmansWayWithoutTheSocketOrWithoutForwarding() {
        SshConnectionException missing = connectionProblem("channel 2: open failed: connect failed: open failed\r\n",
                SshFailures.STILL_RUNNING, PODMAN);
        SshConnectionException prohibited = connectionProblem(
                "channel 2: open failed: administratively prohibited: open failed\r\n", SshFailures.STILL_RUNNING,
                PODMAN);

        assertEquals(Problem.NO_REMOTE_SOCKET, missing.problem());
        assertEquals("The engine socket /run/podman/podman.sock does not exist on drp1 (or cannot be opened there by"
                + " root)", missing.reason());
        assertTrue(missing.fixHint().contains("systemctl enable --now podman.socket"), missing.fixHint());
        assertEquals(Problem.FORWARDING_REFUSED, prohibited.problem());
        assertTrue(prohibited.fixHint().contains("AllowStreamLocalForwarding yes"), prohibited.fixHint());
    }

    @Test
    void aForwardingOfTheUsersConfigThatIsInUseIsNamed() {
        SshConnectionException error = connectionProblem("bind [127.0.0.1]:8092: Address already in use\r\n"
                + "channel_setup_fwd_listener_tcpip: cannot listen to port: 8092\r\n"
                + "Could not request local forwarding.\r\n", 255, PODMAN);

        assertEquals(Problem.OTHER, error.problem());
        assertEquals("ssh could not set up a forwarding for drp1 (bind [127.0.0.1]:8092: Address already in use)",
                error.reason());
        assertTrue(error.fixHint().contains("LocalForward"), error.fixHint());
    }

    @Test
    void anythingElseQuotesSshsLastWordAndTheCommandToTryInATerminal() {
        SshConnectionException error = connectionProblem("kex_exchange_identification: Connection closed by remote"
                + " host\r\nConnection closed by 10.0.0.5 port 2222\r\n", 255,
                PODMAN.withSshConfig(Path.of("/etc/drp/ssh config")));

        assertEquals(Problem.OTHER, error.problem());
        assertEquals("ssh to root@drp1 failed: Connection closed by 10.0.0.5 port 2222", error.reason());
        assertEquals("Try it in a terminal: ssh -F '/etc/drp/ssh config' -p 2222 root@drp1", error.fixHint());
        assertEquals("ssh to root@drp1 failed: exit code 255", connectionProblem("", 255, PODMAN).reason());
    }

    @Test
    void trustAppendsTheShownLineOnItsOwnLineCreatingTheDirectory(@TempDir Path dir) throws Exception {
        Path knownHosts = dir.resolve("new/.ssh/known_hosts");
        UnknownHostKey first = new UnknownHostKey("[drp1]:2222", "ED25519", "SHA256:abc", "ssh-ed25519 AAAA",
                knownHosts, false);
        UnknownHostKey second = new UnknownHostKey("drp2", "ECDSA", "SHA256:def", "ecdsa-sha2-nistp256 BBBB",
                knownHosts, true);

        first.trust();
        Files.writeString(knownHosts, Files.readString(knownHosts).strip()); // a file ending without a line break
        second.trust();

        assertEquals("[drp1]:2222 ssh-ed25519 AAAA", first.knownHostsLine());
        assertTrue(second.knownHostsLine().matches("\\|1\\|[A-Za-z0-9+/=]{28}\\|[A-Za-z0-9+/=]{28} "
                + "ecdsa-sha2-nistp256 BBBB"), second.knownHostsLine());
        assertEquals(first.knownHostsLine() + "\n" + second.knownHostsLine() + "\n", Files.readString(knownHosts));
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(knownHosts.getParent())));
    }

    private SshConnectionException connectionProblem(String stderr, int exitCode, EngineChoice.Ssh choice) {
        return assertInstanceOf(SshConnectionException.class,
                SshFailures.classify(stderr, exitCode, choice, this::neverScanned));
    }

    private SshHostKeyException neverScanned(String host, String keyType) {
        scanned.add(host + " " + keyType);
        throw new AssertionError("scanned " + host + " for a failure that is no unknown host key");
    }

    private static String changedWarning(String knownHosts) {
        return """
                @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
                @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
                @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
                IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
                Someone could be eavesdropping on you right now (man-in-the-middle attack)!
                It is also possible that a host key has just been changed.
                The fingerprint for the ED25519 key sent by the remote host is
                SHA256:mHk3TV0ctJE9vY5R5rcSWTEPqOLqWv9LhTOfg4yUjsc.
                Please contact your system administrator.
                Add correct host key in %1$s to get rid of this message.
                Offending ED25519 key in %1$s:1
                  remove with:
                  ssh-keygen -f "%1$s" -R "[drp1]:2222"
                Host key for [drp1]:2222 has changed and you have requested strict checking.
                Host key verification failed.
                """.formatted(knownHosts).replace("\n", "\r\n");
    }
}
