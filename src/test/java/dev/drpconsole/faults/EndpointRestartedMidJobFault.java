package dev.drpconsole.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpClientOptions;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.core.drp.Task;
import dev.drpconsole.core.engine.BuildProgressListener;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.ImageBuildRequest;
import dev.drpconsole.sandbox.jobs.JobLogs;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.jobs.JobsPage;
import dev.drpconsole.ui.logview.LogView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Fault {@code endpoint-restarted-mid-job}: the endpoint restarts while a job runs, and the Jobs view must still
 * hold the job's whole output, in order. The sandbox runs in a JVM of its own ({@link SandboxProcess#withRunners}) with
 * docker-context runners on the real engine; a runner container's real drpcli agent runs a task that prints
 * {@value #LINES} numbered lines in {@value #BURSTS} bursts of {@value #BURST} (300 ms apart, so a burst spans more
 * than one of the agent's once-a-second uploads), each followed by
 * {@value #QUIET_SECONDS} s of quiet, while the real Jobs page (headless Monocle) shows that job. Each try SIGKILLs
 * the sandbox at another moment and starts it again on the same port and data dir (what a crashed or upgraded
 * dr-provision does): three in a quiet part (right after burst 1, 3 s later, after the last burst: early, mid,
 * late; the agent has nothing to send while the endpoint is away), two in the middle of a burst (the agent's upload
 * meets the dead endpoint).
 *
 * <p>What DRP itself makes of it (v4.7.0, the agent this suite runs): every request of the agent goes through its own
 * local proxy (api/client.go {@code MakeProxy}: {@code c.Client.Transport = transport(true)}, a unix socket served by
 * an {@code httputil.ReverseProxy}), which answers a refused connection with a 502 reply; {@code R.Response} retries
 * only transport errors, so the agent never retries. Its log uploader (agent/taskRunner.go {@code run}) returns on
 * the first failed PUT and closes its pipe; the task's next line kills it (SIGPIPE); the agent's next {@code init}
 * marks the still-running job failed. So a restart in the quiet loses nothing and the job finishes; a restart during
 * an upload ends the job failed, and the lines the agent had not sent yet never reach the endpoint: no console can
 * show them. The user's claim on the console is therefore: the job's end state shows in the view, and the view holds
 * exactly what the endpoint stored, in order, no line twice, none missing.
 *
 * <p>A try survives when the job is over on the endpoint (after a quiet restart: finished, with lines 1..N all
 * stored), the Jobs view shows that state, and the view's log (all of it, as "Save the log" writes it, not only the
 * lines drawn) holds the endpoint's numbered lines in order. A stored line the view misses, doubles or puts out of
 * order counts as lost. The lines the agent never sent are printed as a note, with the reason above.
 */
@Tag("engine")
@Tag("sandbox")
@Tag("display")
class EndpointRestartedMidJobFault {
    static final String FAULT = "endpoint-restarted-mid-job";
    private static final int BURSTS = 2;
    private static final int BURST = 8;
    private static final int LINES = BURSTS * BURST;
    /** Longer than a restart of the sandbox's JVM takes here (3 s alone, 6-9 s on the busy 2-core machine). */
    private static final int QUIET_SECONDS = 12;
    private static final String TASK = "restart-lines";
    private static final String PASSWORD = "fault-suite-" + TestLabels.runId();
    private static final String CONTEXT = "runner";
    private static final Pattern LINE = Pattern.compile("^restart-line (\\d+)$");
    private static final String SCRIPT = "#!/bin/bash\nfor b in $(seq 0 " + (BURSTS - 1) + "); do\n"
            + "  for i in $(seq 1 " + BURST + "); do\n    echo \"restart-line $((b * " + BURST + " + i))\"\n"
            + "    sleep 0.3\n  done\n  sleep " + QUIET_SECONDS + "\ndone\n";

    /**
     * When a try kills the endpoint: once line {@code afterLine} is stored, then after {@code pauseMillis} (a quiet
     * restart waits for the agent's upload reply, so that the agent has nothing in flight).
     */
    private record Moment(String label, int afterLine, boolean quiet, long pauseMillis) {
    }

    private static final List<Moment> MOMENTS = List.of(
            new Moment("while the agent sends burst 1 (early)", 2, false, 0),
            new Moment("in the quiet after burst 1, at once", BURST, true, 300),
            new Moment("in the quiet after burst 1, 3 s on (mid)", BURST, true, 3_000),
            new Moment("while the agent sends burst 2", BURST + 2, false, 0),
            new Moment("in the quiet after burst 2 (late: before the job's end)", 2 * BURST, true, 300));

    @TempDir
    Path work;
    private final List<String> notes = new ArrayList<>();

    @Test
    void theJobFinishesAndTheJobsViewHoldsItsWholeOutputInOrder() throws Exception {
        FaultTally tally = new FaultTally(FAULT);
        ExecutorService io = Executors.newCachedThreadPool(daemon("restart-fault-io"));
        ContainerEngine engine = DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test-env"));
        try (SandboxProcess sandbox = SandboxProcess.withRunners(work.resolve("data"), PASSWORD);
             EngineHandle runnerEngine = new EngineHandle(() -> DockerEngine.open(
                     EngineEndpoint.of(TestEnv.get().dockerHost(), "test-env")));
             OkHttpDrpClient client = OkHttpDrpClient.connect(sandbox.endpoint(), sandbox.pins(),
                     DrpClientOptions.DEFAULTS)) {
            String image = buildRunnerImage(engine, work);
            client.create(DrpContext.of(CONTEXT, DrpContext.DOCKER_CONTEXT, image, "endpoint restart fault"));
            client.create(task());
            JobsPage page = PageTestSupport.show(() -> new JobsPage(new ViewServices(
                    new SimpleObjectProperty<>(client), runnerEngine, io, Platform::runLater, (section, key) -> { })));
            JobLogs stored = new JobLogs(sandbox.dataDir().resolve("job-logs"));
            for (int i = 0; i < MOMENTS.size(); i++) {
                Moment moment = MOMENTS.get(i);
                String machine = "restart-runner-" + (i + 1);
                tally.attempt("restart " + moment.label(), () -> oneTry(sandbox, client, page, stored, machine,
                        moment));
            }
            FxToolkit.setupFixture(page::hidden);
            FxToolkit.cleanupStages();
        } finally {
            io.shutdownNow();
            TestCleanup.removeEverythingOfThisRun(engine);
            engine.close();
        }
        notes.forEach(note -> System.out.println(FAULT + ": note: " + note));
        tally.report();
    }

    /** One job, one SIGKILL and restart of the endpoint at {@code moment}; returns the stored lines the view lost. */
    private int oneTry(SandboxProcess sandbox, DrpClient client, JobsPage page, JobLogs stored, String machineName,
                       Moment moment) throws Exception {
        Machine runner = client.create(runnerWithTask(machineName));
        try {
            String job = await("the runner's job", 90, () -> jobOf(client, runner.uuid()));
            WaitForAsyncUtils.asyncFx(() -> page.reveal(job)).get();
            await("line " + moment.afterLine() + " stored", 60,
                    () -> numbers(text(stored, job)).size() >= moment.afterLine() ? Boolean.TRUE : null);
            Thread.sleep(moment.pauseMillis());
            long killed = System.nanoTime();
            sandbox.kill();
            sandbox.restart();
            long downMillis = (System.nanoTime() - killed) / 1_000_000;
            String state = await("the job over after the restart (endpoint down " + downMillis + " ms)", 90, () -> {
                Job now = quietly(() -> client.get(DrpType.JOBS, job).orElse(null));
                return now != null && now.isOver() ? now.state() : null;
            });
            if (moment.quiet()) {
                assertEquals("finished", state, "a restart while the agent had nothing to send (down " + downMillis
                        + " ms) must not fail the job");
            }
            List<Integer> onEndpoint = numbers(text(stored, job));
            // The view reads on after the end until the log has been quiet for 2 s (the agent flushes late).
            PageTestSupport.waitUntil("the Jobs view shows the job " + state, 30,
                    () -> state.equals(((Labeled) page.node().lookup("#job-detail-state")).getText()));
            awaitQuietly(30, () -> numbers(shown(page)).size() >= onEndpoint.size());
            Thread.sleep(2_000); // lines that would come twice come now
            List<Integer> inView = numbers(shown(page));
            int lost = lostAgainst(inView, onEndpoint);
            int neverSent = LINES - onEndpoint.size();
            if (moment.quiet() && lost(onEndpoint) > 0) {
                throw new AssertionError("the endpoint stored " + onEndpoint + " after a quiet restart");
            }
            if (neverSent > 0 || !moment.quiet()) {
                notes.add("restart " + moment.label() + " (down " + downMillis + " ms): the job ended " + state
                        + "; drpcli's agent delivered " + onEndpoint.size() + " of " + LINES + " lines"
                        + (neverSent == 0 ? "" : " (the rest is DRP's own loss, see the class comment)")
                        + "; of those the view "
                        + (lost == 0 ? "held all" : "lost " + lost));
            }
            if (lost > 0) {
                System.out.printf("%s: restart %s (down %d ms): view %s; endpoint %s%n", FAULT, moment.label(),
                        downMillis, inView, onEndpoint);
            }
            return lost;
        } finally {
            quietly(() -> client.delete(DrpType.MACHINES, runner.uuid()));
        }
    }

    /** The stored lines the view does not hold once each in the stored order (missing, doubled, out of place). */
    static int lostAgainst(List<Integer> inView, List<Integer> onEndpoint) {
        if (inView.equals(onEndpoint)) {
            return 0;
        }
        int lost = Math.abs(inView.size() - onEndpoint.size());
        for (int i = 0; i < Math.min(inView.size(), onEndpoint.size()); i++) {
            if (!inView.get(i).equals(onEndpoint.get(i))) {
                lost++;
            }
        }
        return Math.max(1, lost);
    }

    /** Lines 1..N once each and in order; each one missing, doubled or out of place counts. */
    static int lost(List<Integer> numbers) {
        int lost = 0;
        int expected = 1;
        for (int number : numbers) {
            if (number == expected) {
                expected++;
            } else {
                lost++; // doubled, or out of order
            }
        }
        return lost + (LINES - (expected - 1));
    }

    /** The numbered lines of a log, in the order it holds them. */
    static List<Integer> numbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            Matcher matcher = LINE.matcher(line.strip());
            if (matcher.matches()) {
                numbers.add(Integer.parseInt(matcher.group(1)));
            }
        }
        return numbers;
    }

    /** Everything the Jobs view's log keeps (not only the lines drawn), as "Save the log" writes it. */
    private String shown(JobsPage page) throws Exception {
        LogView log = WaitForAsyncUtils.asyncFx(() -> (LogView) page.node().lookup("#job-log")).get();
        Path file = Files.createTempFile(work, "view", ".log");
        try {
            log.saveTo(file).get(10, TimeUnit.SECONDS);
            return Files.readString(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String text(JobLogs stored, String job) {
        return stored.size(job) == 0 ? "" : stored.readAll(job);
    }

    private static String jobOf(DrpClient client, String machine) {
        List<Job> jobs = quietly(() -> client.list(DrpType.JOBS, Filter.where("Machine", machine)));
        return jobs == null ? null : jobs.stream().filter(job -> TASK.equals(job.task())).map(Job::uuid)
                .findFirst().orElse(null);
    }

    private static ObjectNode taskJson() {
        ObjectNode task = JsonNodeFactory.instance.objectNode().put("Name", TASK)
                .put("Description", "prints numbered lines, one every 200 ms");
        task.putObject("Meta").put("feature-flags", "sane-exit-codes");
        task.putArray("Templates").addObject().put("Name", TASK).put("Contents", SCRIPT);
        return task;
    }

    private static Task task() {
        return new Task(taskJson());
    }

    /** A runner machine (its home is the runner context, so a container of its own runs its agent) with the task. */
    private static Machine runnerWithTask(String name) {
        ObjectNode machine = JsonNodeFactory.instance.objectNode().put("Name", name);
        machine.putObject("Meta").put(Machine.BASE_CONTEXT, CONTEXT);
        machine.putArray("Tasks").add(TASK);
        return new Machine(machine);
    }

    /** The seed's runner image (the real drpcli's agent as its entry point), labelled for this run. */
    private static String buildRunnerImage(ContainerEngine engine, Path work) throws Exception {
        String tag = "drpconsole-test/restart-runner:" + TestLabels.runId();
        Path context = Files.createDirectories(work.resolve("runner-image"));
        Files.copy(TestEnv.get().drpcli(), context.resolve("drpcli"), StandardCopyOption.REPLACE_EXISTING);
        // No RUN step: COPY keeps drpcli's mode bits, and a RUN needs the engine's bridge network, which a fault of
        // the suite that restarts engines may take away for a while (runners use the host's network).
        Files.writeString(context.resolve("Dockerfile"), "FROM " + TestEnv.get().baseImage() + "\n"
                + "COPY drpcli /usr/bin/drpcli\n"
                + "ENTRYPOINT [\"/usr/bin/drpcli\", \"machines\", \"processjobs\"]\n");
        engine.images().build(new ImageBuildRequest(context, Set.of(tag), TestLabels.forThisRun(), false),
                new BuildProgressListener() {
                });
        return tag;
    }

    /** Waits for a non-null answer. */
    static <T> T await(String what, int seconds, Supplier<T> answer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            T value = answer.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + seconds + " s: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static void awaitQuietly(int seconds, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.holds() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** A call to the endpoint that may fail while it restarts: null then. */
    static <T> T quietly(Supplier<T> call) {
        try {
            return call.get();
        } catch (DrpException e) {
            return null;
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
