package dev.drpconsole.core.setup.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.EngineChoice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadlessArgumentsTest {
    @TempDir
    Path home;

    @Test
    void optionsFlagsAndLabelsAreRead() {
        HeadlessArguments args = HeadlessArguments.parse(List.of("--endpoint", "https://drp:8092", "--password=s3cret",
                "--publish", "never", "--label", "team=ops", "--clean-up", "--replace-context"));

        assertEquals(Optional.of("https://drp:8092"), args.option("--endpoint"));
        assertEquals(Optional.of("s3cret"), args.option("--password"));
        assertEquals("never", args.publish());
        assertEquals(Map.of("team", "ops"), args.labels());
        assertTrue(args.cleanUp());
        assertTrue(args.replaceContext());
        assertFalse(args.insecure());
    }

    @Test
    void theRunnerEngineIsReadWithItsSshConfig() {
        HeadlessArguments args = HeadlessArguments.parse(List.of("--runner-engine",
                "ssh://root@127.0.0.1:2222/run/podman/podman.sock", "--ssh-config", "/tmp/ssh_config"));

        EngineChoice.Ssh ssh = (EngineChoice.Ssh) args.runnerEngine().orElseThrow();
        assertEquals("/run/podman/podman.sock", ssh.socketPath().orElseThrow());
        assertEquals(Path.of("/tmp/ssh_config"), ssh.sshConfig().orElseThrow());
        assertEquals(EngineChoice.NONE, HeadlessArguments.parse(List.of("--runner-engine", "none"))
                .runnerEngine().orElseThrow());
        assertTrue(HeadlessArguments.parse(List.of()).runnerEngine().isEmpty(), "the default is decided later");
    }

    @Test
    void aRunnerEngineThatCannotBeUsedIsRefusedWithTheForms() {
        String bad = assertThrows(IllegalArgumentException.class,
                () -> HeadlessArguments.parse(List.of("--runner-engine", "drp1:2375"))).getMessage();
        assertTrue(bad.startsWith("--runner-engine: ") && bad.contains("ssh://user@host"), bad);
        assertEquals("--ssh-config is for an ssh:// runner engine", assertThrows(IllegalArgumentException.class,
                () -> HeadlessArguments.parse(List.of("--runner-engine", "tcp://drp1:2376", "--ssh-config", "x")))
                .getMessage());
        assertEquals("--ssh-config and --tls-certs go with --runner-engine", assertThrows(
                IllegalArgumentException.class, () -> HeadlessArguments.parse(List.of("--ssh-config", "x")))
                .getMessage());
    }

    @Test
    void secretsNeverShowInItsText() {
        String text = HeadlessArguments.parse(List.of("--password", "s3cret", "--token", "t0ken")).toString();

        assertFalse(text.contains("s3cret") || text.contains("t0ken"), text);
    }

    @Test
    void wrongArgumentsSayWhatIsWrong() {
        assertEquals("Unknown argument --bogus",
                assertThrows(IllegalArgumentException.class, () -> HeadlessArguments.parse(List.of("--bogus")))
                        .getMessage());
        assertEquals("--tag needs a value", assertThrows(IllegalArgumentException.class,
                () -> HeadlessArguments.parse(List.of("--tag", "--insecure"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> HeadlessArguments.parse(List.of("--publish", "sometimes"))).getMessage().contains("auto"));
    }

    @Test
    void fingerprintsAreAcceptedAsBrowsersAndOpensslWriteThem() {
        String hex = "5bc19e9b4376c850142efa963fef74d2eec55d9656b8bd3c13520f0d03a5bf3a";
        String pinned = "5B:C1:9E:9B:43:76:C8:50:14:2E:FA:96:3F:EF:74:D2:EE:C5:5D:96:56:B8:BD:3C:13:52:0F:0D:03:A5:BF:3A";

        assertEquals(pinned, HeadlessSetup.normalizedFingerprint(hex));
        assertEquals(pinned, HeadlessSetup.normalizedFingerprint("sha256 Fingerprint=" + pinned));
        assertEquals(pinned, HeadlessSetup.normalizedFingerprint("SHA256:" + pinned.toLowerCase()));
        assertThrows(IllegalArgumentException.class, () -> HeadlessSetup.normalizedFingerprint("5B:C1"));
    }

    @Test
    void plainHttpIsRefusedWithTheReasonUnlessTheUserInsists() {
        Result refused = run("setup", "--endpoint", "http://127.0.0.1:1", "--password", "x", "--settings",
                home.resolve("s").toString());

        assertEquals(HeadlessSetup.BAD_ARGUMENTS, refused.exit);
        assertTrue(refused.err.contains("unencrypted") && refused.err.contains("--allow-plain-http"), refused.err);

        Result insisted = run("setup", "--endpoint", "http://127.0.0.1:1", "--password", "x", "--allow-plain-http",
                "--settings", home.resolve("s").toString());
        assertEquals(HeadlessSetup.NOT_CONNECTED, insisted.exit, insisted.err);
        assertTrue(insisted.err.startsWith("Cannot connect to http://127.0.0.1:1"), insisted.err);
    }

    @Test
    void withoutAnEndpointOrCredentialsItSaysWhatToGive() {
        Result noEndpoint = run("setup", "--settings", home.resolve("s").toString());

        assertEquals(HeadlessSetup.BAD_ARGUMENTS, noEndpoint.exit);
        assertTrue(noEndpoint.err.contains("--endpoint"), noEndpoint.err);

        Result noPassword = run("setup", "--endpoint", "https://127.0.0.1:1", "--settings",
                home.resolve("s").toString());
        assertEquals(HeadlessSetup.BAD_ARGUMENTS, noPassword.exit);
        assertTrue(noPassword.err.contains("--password"), noPassword.err);
    }

    @Test
    void helpPrintsTheUsage() {
        Result help = run("setup", "--help");

        assertEquals(0, help.exit);
        assertTrue(help.out.contains("--base-image IMAGE") && help.out.contains("--clean-up"), help.out);
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new HeadlessSetup(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), home)
                .execute(List.of(arguments).subList(1, arguments.length));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
