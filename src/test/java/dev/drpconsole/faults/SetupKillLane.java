package dev.drpconsole.faults;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpCredentials;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.MemoryCertificatePins;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.setup.ContextImageLayout;
import dev.drpconsole.core.setup.SetupChoices;
import dev.drpconsole.core.setup.SetupJournal;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One packaged sandbox endpoint (its own data folder, port 0, runners on the tests' Docker engine) on which headless
 * setup is killed and resumed, try after try, each try with a fresh settings folder. A try: start {@code setup},
 * SIGKILL it a chosen moment into a chosen step, run {@code setup} again with the same options (it must finish),
 * look for anything made twice, run {@code setup --clean-up} and look for anything left on the endpoint, on the
 * engine or in the journal.
 *
 * <p>setup runs with the options of the packaged-jar test, but no extra packages ({@code --packages=}): its
 * Dockerfile is generated as the setup tests' (FROM the provisioned base image, COPY drpcli, RUN chmod, ENTRYPOINT),
 * after the look into the base image's package manager, whose container a kill may leave too. A package install
 * would download from the distribution's mirrors at every build (clean-up removes the image and its cached layers).
 */
final class SetupKillLane implements AutoCloseable {
    /** The plan's step titles, in order, as the console prints them in "[N/6] Title". */
    static final List<String> STEPS = List.of("Preflight", "Build image", "Publish image", "Context",
            "Runner machine", "Test job");
    private static final String PASSWORD = "console-killed-fault";
    private static final Pattern FINGERPRINT = Pattern.compile("--fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})");
    private static final long RUN_PATIENCE_MS = 180_000;
    private static final long ORPHAN_PATIENCE_MS = 30_000;

    /** What one try came to: a failure (null when it survived) and what was made twice or left behind. */
    record Outcome(String label, String failure, List<String> lost) {
    }

    /** When each step's header came in a clean run (ms since the start) and when the run ended. */
    record Timeline(long[] stepStartsMs, long endMs) {
        /** How long step {@code index} ran; the first step's window starts with the process (sign-in included). */
        long windowMs(int index) {
            long from = index == 0 ? 0 : stepStartsMs[index];
            long to = index + 1 < stepStartsMs.length ? stepStartsMs[index + 1] : endMs;
            return Math.max(0, to - from);
        }
    }

    private final Path dir;
    private final int number;
    private final ConsoleProcess sandbox;
    private final String url;
    private final String fingerprint;
    private final String tag;
    private final Map<String, String> buildLabels;
    private final DrpClient client;
    private final ContainerEngine engine;
    private final SetupFootprint footprint;
    private final SetupFootprint.Baseline baseline;
    private final Path logs;

    private SetupKillLane(Path dir, int number, ConsoleProcess sandbox, String url, String fingerprint, Path logs)
            throws IOException {
        this.dir = dir;
        this.number = number;
        this.sandbox = sandbox;
        this.url = url;
        this.fingerprint = fingerprint;
        this.logs = logs;
        this.tag = "drpconsole-test/console-killed:" + TestLabels.runId() + "-" + number;
        this.buildLabels = Map.of(TestLabels.KEY, TestLabels.runId(), "dev.drpconsole.fault.lane", "lane-" + number);
        MemoryCertificatePins pins = new MemoryCertificatePins();
        pins.pin(url.substring("https://".length()), fingerprint);
        this.client = OkHttpDrpClient.connect(new DrpEndpoint(List.of(url),
                new DrpCredentials.Password("rocketskates", PASSWORD), false), pins);
        this.engine = DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test-env.properties"));
        String endpointId = Files.readString(dir.resolve("sandbox").resolve("endpoint-id")).strip();
        this.footprint = new SetupFootprint(client, engine, endpointId, buildLabels, tag,
                ContextImageLayout.V4_7_DIRECTORY + tag, new SetupFootprint.Names(SetupChoices.DEFAULT_CONTEXT,
                        SetupChoices.DEFAULT_RUNNER, SetupChoices.DEFAULT_TEST_MACHINE));
        this.baseline = footprint.baseline();
    }

    /** Starts the lane's packaged sandbox and learns its certificate's fingerprint as a user would: setup prints it. */
    static SetupKillLane start(Path dir, int number, Path logs) throws Exception {
        Files.createDirectories(dir);
        ConsoleProcess sandbox = ConsoleProcess.start(dir.resolve("xdg"), dir.resolve("sandbox.err"), List.of(
                "sandbox", "--port", "0", "--data", dir.resolve("sandbox").toString(), "--password", PASSWORD,
                "--engine", TestEnv.get().dockerHost().toString()));
        Optional<ConsoleProcess.Line> ready = sandbox.awaitLine(line -> line.startsWith("sandbox ready: "), 60_000);
        if (ready.isEmpty()) {
            sandbox.stop();
            throw new AssertionError("The packaged sandbox did not start:\n" + sandbox.transcript());
        }
        String url = ready.get().text().substring("sandbox ready: ".length()).strip();
        ConsoleProcess refused = ConsoleProcess.start(dir.resolve("xdg"), dir.resolve("trust.err"), List.of("setup",
                "--endpoint", url, "--password", PASSWORD, "--settings", dir.resolve("trust").toString()));
        refused.awaitExit(60_000);
        Matcher fingerprint = FINGERPRINT.matcher(refused.errors());
        if (!fingerprint.find()) {
            sandbox.stop();
            throw new AssertionError("setup did not print the sandbox's fingerprint:\n" + refused.transcript());
        }
        return new SetupKillLane(dir, number, sandbox, url, fingerprint.group(1), logs);
    }

    /**
     * A setup that nothing interrupts, timed step by step (the kill moments are chosen from it), then cleaned up.
     * It also fills the engine's build cache, as the tests' builds do.
     */
    Timeline calibrate() throws Exception {
        Path settings = dir.resolve("calibration");
        ConsoleProcess run = setup(settings, "calibration", false);
        int exit = run.awaitExit(RUN_PATIENCE_MS);
        long end = run.sinceStartMs();
        if (exit != 0) {
            throw new AssertionError("An uninterrupted setup failed (exit " + exit + "):\n" + run.transcript());
        }
        long[] starts = new long[STEPS.size()];
        for (int i = 0; i < starts.length; i++) {
            String header = header(i);
            starts[i] = run.awaitLine(header::equals, 0).orElseThrow().atMs();
        }
        List<String> duplicates = footprint.duplicates(false);
        int cleaned = cleanUp(settings, "calibration").awaitExit(RUN_PATIENCE_MS);
        List<String> leftovers = footprint.leftovers(baseline, settings.resolve(SetupJournal.FILE_NAME));
        if (!duplicates.isEmpty() || cleaned != 0 || !leftovers.isEmpty()) {
            throw new AssertionError("An uninterrupted setup and clean-up did not end clean: made twice "
                    + duplicates + ", clean-up exit " + cleaned + ", left " + leftovers);
        }
        return new Timeline(starts, end);
    }

    /**
     * One try: killed at a moment of step {@code step} chosen by {@code fraction} (0 to 1), resumed, checked, cleaned
     * up, checked. The image is uploaded ({@code --publish always}, as the packaged-jar test does) only in the tries
     * killed in the Publish step, where the upload is what is cut; the others leave it on the engine, which is the
     * runner engine here ({@code --publish auto}), as the upload alone takes longer than all other steps together.
     */
    Outcome kill(int tryNumber, int step, double fraction, Timeline timeline) throws Exception {
        boolean upload = STEPS.get(step).equals("Publish image");
        Path settings = dir.resolve("try-" + tryNumber);
        String name = "try " + tryNumber;
        List<String> lost = new ArrayList<>();
        String failure = null;
        ConsoleProcess killed = setup(settings, "killed", upload);
        Optional<Long> target = upload ? uploadMoment(killed, fraction) : moment(killed, step, fraction, timeline);
        if (target.isEmpty()) {
            killed.awaitExit(10_000);
            save(tryNumber, killed.transcript());
            return new Outcome(name, "the run to be killed never reached its moment in " + STEPS.get(step),
                    List.of());
        }
        long wait = target.get() - killed.sinceStartMs();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        if (!killed.isAlive()) {
            save(tryNumber, killed.transcript());
            return new Outcome(name, "setup ended before its kill in " + STEPS.get(step), List.of());
        }
        long killedAt = killed.sinceStartMs();
        List<ConsoleProcess.Child> children = killed.killForcibly();
        String moment = describeMoment(killed.output(), killedAt) + ", aimed at " + STEPS.get(step)
                + (children.isEmpty() ? ""
                : ", its children " + children.stream().map(ConsoleProcess.Child::commandLine).toList()
                        + " left to end by themselves");
        lost.addAll(orphans(children));
        ConsoleProcess rerun = setup(settings, "rerun", upload);
        int exit = rerun.awaitExit(RUN_PATIENCE_MS);
        if (exit != 0 || !rerun.output().contains("Setup finished")) {
            failure = "the re-run after a kill " + moment + " did not finish (exit " + exit + "): "
                    + lastLine(rerun.errors());
            save(tryNumber, killed.transcript() + "\n=== re-run\n" + rerun.transcript());
        } else {
            footprint.duplicates(upload).forEach(what -> lost.add("made twice: " + what));
        }
        ConsoleProcess cleanUp = cleanUp(settings, "clean-up");
        int cleaned = cleanUp.awaitExit(RUN_PATIENCE_MS);
        if (cleaned != 0 && failure == null) {
            failure = "the clean-up after a kill " + moment + " failed (exit " + cleaned + "): "
                    + lastLine(cleanUp.errors());
            save(tryNumber, cleanUp.transcript());
        }
        footprint.leftovers(baseline, settings.resolve(SetupJournal.FILE_NAME))
                .forEach(what -> lost.add("left after clean-up: " + what));
        if (failure != null || !lost.isEmpty()) {
            footprint.scrub(baseline);
        }
        return new Outcome(name + " (killed " + moment + ")", failure, lost);
    }

    /**
     * A moment {@code fraction} of the way through the step as long as it took in the uninterrupted run, counted from
     * its header (the first step's from the start: sign-in and the journal's first writes are in it).
     */
    private static Optional<Long> moment(ConsoleProcess run, int step, double fraction, Timeline timeline)
            throws InterruptedException {
        // The last step's end varies by a second or two from run to run: its last fifth may come after setup ended.
        double share = step == STEPS.size() - 1 ? 0.8 : 1.0;
        long delay = (long) (fraction * share * timeline.windowMs(step));
        if (step == 0) {
            return Optional.of(delay);
        }
        String header = header(step);
        return run.awaitLine(header::equals, RUN_PATIENCE_MS).map(line -> line.atMs() + delay);
    }

    /**
     * In the Publish step, whose upload takes as long as the engine and endpoint allow: the moment is found from its
     * progress lines, {@code fraction} of the way through the saving and the four quarters of the upload (up to half
     * a second after the line that starts that part).
     */
    private static Optional<Long> uploadMoment(ConsoleProcess run, double fraction) throws InterruptedException {
        List<String> parts = List.of("  … Saving the image", "  … Uploading ", "  25%", "  50%", "  75%");
        double position = fraction * parts.size();
        String part = parts.get(Math.min(parts.size() - 1, (int) position));
        long delay = (long) ((position - Math.floor(position)) * 500);
        if (run.awaitLine(header(STEPS.indexOf("Publish image"))::equals, RUN_PATIENCE_MS).isEmpty()) {
            return Optional.empty();
        }
        return run.awaitLine(line -> line.startsWith(part), RUN_PATIENCE_MS).map(line -> line.atMs() + delay);
    }

    /** "1.3 s into Publish image (4.9 s after the start)", from the last step header before the kill. */
    private static String describeMoment(String output, long killedAtMs) {
        String last = "before " + STEPS.get(0);
        for (String line : output.lines().toList()) {
            for (int i = 0; i < STEPS.size(); i++) {
                if (line.equals(header(i))) {
                    last = "in " + STEPS.get(i);
                }
            }
        }
        return String.format("%s, %.1f s after the start", last, killedAtMs / 1000.0);
    }

    /**
     * The console's children outlive a SIGKILL (nothing signals them): each must end by itself soon, as the short
     * {@code drpcli contents bundle} does; one still running after 30 s is lost, and ended here.
     */
    private static List<String> orphans(List<ConsoleProcess.Child> children) throws InterruptedException {
        List<String> lost = new ArrayList<>();
        long deadline = System.currentTimeMillis() + ORPHAN_PATIENCE_MS;
        for (ConsoleProcess.Child running : children) {
            ProcessHandle child = running.handle();
            try {
                child.onExit().get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stillThere) {
                if (child.isAlive()) {
                    lost.add("process " + child.pid() + " " + running.commandLine()
                            + " still ran " + ORPHAN_PATIENCE_MS / 1000 + " s after the console was killed");
                    child.destroyForcibly();
                }
            }
        }
        return lost;
    }

    private ConsoleProcess setup(Path settings, String run, boolean upload) throws IOException {
        Files.createDirectories(settings);
        List<String> arguments = new ArrayList<>(List.of("setup", "--endpoint", url, "--password", PASSWORD,
                "--fingerprint", fingerprint, "--settings", settings.toString(), "--base-image",
                TestEnv.get().baseImage(), "--packages=", "--drpcli", TestEnv.get().drpcli().toString(), "--tag", tag,
                "--publish", upload ? "always" : "auto"));
        buildLabels.forEach((key, value) -> arguments.addAll(List.of("--label", key + "=" + value)));
        return ConsoleProcess.start(settings.resolveSibling(settings.getFileName() + "-xdg"),
                settings.resolveSibling(settings.getFileName() + "-" + run + ".err"), arguments);
    }

    private ConsoleProcess cleanUp(Path settings, String run) {
        return ConsoleProcess.start(settings.resolveSibling(settings.getFileName() + "-xdg"),
                settings.resolveSibling(settings.getFileName() + "-" + run + ".err"), List.of("setup", "--clean-up",
                        "--endpoint", url, "--password", PASSWORD, "--settings", settings.toString()));
    }

    static String header(int step) {
        return "[" + (step + 1) + "/" + STEPS.size() + "] " + STEPS.get(step);
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "(nothing on stderr)" : lines.get(lines.size() - 1);
    }

    /** Keeps a failed try's output beside the results, since the temporary folder goes with the test. */
    private void save(int tryNumber, String transcript) throws IOException {
        Files.createDirectories(logs);
        List<String> endpointLog = sandbox.errors().lines().toList();
        Files.writeString(logs.resolve("lane-" + number + "-try-" + tryNumber + ".txt"), transcript
                + "\n=== the endpoint's log, last 200 lines\n" + String.join("\n",
                endpointLog.subList(Math.max(0, endpointLog.size() - 200), endpointLog.size())));
    }

    @Override
    public void close() throws Exception {
        try {
            footprint.scrub(baseline);
            client.close();
        } finally {
            // Only this lane's things: the other lane may still be mid-try with images labelled for this run
            // (ConsoleKilledFault removes everything of the run once all lanes are done).
            sandbox.stop();
            engine.close();
        }
    }
}
