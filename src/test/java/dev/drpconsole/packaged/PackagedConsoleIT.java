package dev.drpconsole.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpCredentials;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.MemoryCertificatePins;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.packaged.PackagedJar.Result;
import dev.drpconsole.testsupport.SecretScan;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ships is what is tested: the packaged {@code target/drp-context-console.jar} (run by the failsafe plugin after
 * {@code package}) starts its sandbox, and its headless setup runs the whole plan against it with the real engine and
 * drpcli, as a user scripting a first-time setup would: refused until the certificate is trusted, a bad name refused
 * before anything is made, then the test job finished, and clean-up leaves nothing of it behind.
 */
@Tag("engine")
@Tag("sandbox")
class PackagedConsoleIT {
    private static final String PASSWORD = "packaged-it-secret";
    private static final Pattern FINGERPRINT = Pattern.compile("--fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})");

    @TempDir
    Path dir;
    private PackagedJar.Sandbox sandbox;
    private String url;
    private final String tag = "drpconsole-test/packaged:" + TestLabels.runId();

    @BeforeEach
    void startPackagedSandbox() throws Exception {
        // Its runners on the engine setup builds on: by default a Podman socket would win (as in DRP).
        sandbox = PackagedJar.sandbox(dir, PASSWORD, TestEnv.get().dockerHost());
        url = sandbox.url();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            run("setup", "--clean-up", "--endpoint", url, "--password", PASSWORD, "--settings", settings());
        } finally {
            sandbox.close();
            try (ContainerEngine engine = engine()) {
                TestCleanup.removeEverythingOfThisRun(engine);
            }
        }
    }

    /**
     * The class-data archive the README's command names was made for this very jar: with {@code -Xshare:on} a JVM
     * refuses to start ("Unable to use shared archive") rather than ignore a stale or missing one silently.
     */
    @Test
    void theStartCommandsClassDataArchiveMatchesTheJar() throws Exception {
        List<String> command = new java.util.ArrayList<>(PackagedJar.readmeCommand());
        command.add(1, "-Xshare:on");
        command.add(2, "-Xlog:cds=off");
        command.addAll(List.of("setup", "--no-such-option"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(output.contains("--no-such-option"), "the console ran with the archive mapped: " + output);
    }

    @Test
    void theJarCarriesEveryFileOfTheDemoPackIncludingItsMetadataFiles() throws IOException {
        String root = "dev/drpconsole/core/setup/demo/context-demo/";
        try (ZipFile zip = new ZipFile(PackagedJar.jar().toFile())) {
            ZipEntry index = zip.getEntry(root + "INDEX");
            assertTrue(index != null, "the pack's INDEX is in the jar");
            List<String> files = new String(zip.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            // Dotfiles are what a build most easily leaves out; the source tree says how many there are.
            long metaFiles;
            try (Stream<Path> source = Files.list(Path.of("src/main/resources", root))) {
                metaFiles = source.filter(file -> file.getFileName().toString().matches("\\._[A-Za-z]+\\.meta"))
                        .count();
            }
            assertTrue(metaFiles >= 13, "the pack's metadata files in the source tree: " + metaFiles);
            assertEquals(metaFiles, files.stream().filter(file -> file.matches("\\._[A-Za-z]+\\.meta")).count(),
                    files.toString());
            for (String file : files) {
                assertTrue(zip.getEntry(root + file) != null, root + file + " is missing from the jar");
            }
        }
    }

    @Test
    void headlessSetupFromTheJarRunsTheWholePlanThenCleansUp() throws Exception {
        // An unknown certificate is refused, with the fingerprint to trust printed.
        Result refused = setup();
        assertEquals(3, refused.exit(), refused.text());
        Matcher fingerprint = FINGERPRINT.matcher(refused.err());
        assertTrue(fingerprint.find(), "the fingerprint is printed: " + refused.text());

        // A name DRP would refuse is refused before anything is made.
        Result badName = setup("--fingerprint", fingerprint.group(1), "--context", "bad name!");
        assertEquals(2, badName.exit(), badName.text());
        assertTrue(badName.err().contains("\"bad name!\""), badName.text());

        // Trusted (the pin is kept in the settings folder), the whole plan runs.
        Result done = setup("--fingerprint", fingerprint.group(1));
        assertEquals(0, done.exit(), done.text());
        assertTrue(done.out().contains("[6/6] Test job"), done.text());
        assertTrue(done.out().contains("context-demo: hello from the runner container"), done.text());
        assertTrue(done.out().contains("drpcli machines create"), "the by-hand commands are printed: " + done.text());
        try (DrpClient client = client(fingerprint.group(1))) {
            List<Job> jobs = client.list(DrpType.JOBS, Filter.where("Task", "context-demo-example"));
            assertEquals(1, jobs.size(), jobs.toString());
            assertEquals("finished", jobs.get(0).state());
            assertEquals(List.of("runner"), client.list(DrpType.CONTEXTS, Filter.ALL).stream().map(c -> c.name()).toList());
        }

        // Again: nothing is done twice.
        Result again = setup();
        assertEquals(0, again.exit(), again.text());
        assertTrue(again.out().contains("[5/6] Runner machine: done in an earlier run"), again.text());

        Result cleaned = run("setup", "--clean-up", "--endpoint", url, "--password", PASSWORD, "--settings",
                settings());
        assertEquals(0, cleaned.exit(), cleaned.text());
        // What the jar printed, and the packaged sandbox's log: no password, no token (the secret is on the
        // command line, so a careless "running with …" or an error echoing the request would show it).
        Map<String, String> secrets = Map.of("the admin password", PASSWORD,
                "the admin's Basic header", SecretScan.basic("rocketskates", PASSWORD));
        for (Result result : List.of(refused, badName, done, again, cleaned)) {
            SecretScan.assertNoSecretIn("the output of setup", result.out() + result.err(), secrets);
        }
        SecretScan.assertNoSecretIn("the packaged sandbox's stderr", Files.readString(dir.resolve("sandbox.err")),
                secrets);
        try (DrpClient client = client(fingerprint.group(1)); ContainerEngine engine = engine()) {
            assertTrue(client.list(DrpType.MACHINES, Filter.ALL).isEmpty(), "machines left");
            assertTrue(client.list(DrpType.CONTEXTS, Filter.ALL).isEmpty(), "contexts left");
            assertTrue(client.contents().stream().noneMatch(pack -> "context-demo".equals(pack.name())));
            assertFalse(engine.images().exists(tag), tag + " left on the engine");
        }
    }

    private Result setup(String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("setup", "--endpoint", url, "--password", PASSWORD,
                "--settings", settings(), "--base-image", TestEnv.get().baseImage(), "--drpcli",
                TestEnv.get().drpcli().toString(), "--tag", tag, "--publish", "always", "--label",
                TestLabels.KEY + "=" + TestLabels.runId()));
        command.addAll(List.of(extra));
        return run(command.toArray(String[]::new));
    }

    private Result run(String... arguments) throws Exception {
        return PackagedJar.run(dir, List.of(arguments));
    }

    private DrpClient client(String fingerprint) {
        MemoryCertificatePins pins = new MemoryCertificatePins();
        pins.pin(url.substring("https://".length()), fingerprint);
        return OkHttpDrpClient.connect(new DrpEndpoint(List.of(url),
                new DrpCredentials.Password("rocketskates", PASSWORD), false), pins);
    }

    private static ContainerEngine engine() {
        return DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test"));
    }

    private String settings() {
        return dir.resolve("settings").toString();
    }

}
