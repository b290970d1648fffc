package dev.drpconsole.bench;

import static dev.drpconsole.bench.HeadlessPages.onFx;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.sandbox.auth.AdminPassword;
import dev.drpconsole.sandbox.jobs.JobLogs;
import dev.drpconsole.sandbox.objects.WriteOptions;
import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.jobs.JobsPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Job output latency, as the user sees it: a task prints a line stamped with its clock ({@code date +%s%N}) every
 * 100 ms for 30 s in a runner container (the sandbox's docker-context flow with the real drpcli agent), while the
 * real Jobs page (headless Monocle) shows that job's output. Per line, three parts: the agent's write → stored in the
 * endpoint's job log (drpcli's own upload cadence: it gathers output and PUTs it about once a second), stored →
 * drawn in the Jobs view (ours: the console's log reads and the view's drain; goal p95 &lt; 300 ms), and end to end,
 * each as p50/p95/max. Also the console's requests to the endpoint over {@value #IDLE_SECONDS} s with the Jobs view
 * open and nothing running (goal: none), before any job and after the job ended. The container and the host share
 * one clock, so the line's own stamp is comparable with the host's. Reports figures; asserts nothing. Alone:
 * {@code mvn -B -o -Pbench test-compile exec:exec@job-latency-benchmark}.
 */
public final class JobLatencyBenchmark {
    private static final int LINES = 300;
    private static final int IDLE_SECONDS = 10;
    private static final String TASK = "latency-lines";
    private static final String CONTEXT = "runner";
    private static final Pattern LINE = Pattern.compile("latency-line (\\d+) (\\d+)");
    /** A few seconds' pause first, so the job is selected in the view before its first line. */
    private static final String SCRIPT = "#!/bin/bash\nsleep 3\nfor i in $(seq 1 " + LINES + "); do\n"
            + "  echo \"latency-line $i $(date +%s%N)\"\n  sleep 0.1\ndone\n";

    private JobLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        HeadlessPages.startToolkit();
        Path work = Files.createTempDirectory("job-latency-bench");
        ExecutorService io = HeadlessPages.io();
        try (SandboxSession session = SandboxSession.start(Files.createDirectories(work.resolve("data")), true);
             EngineHandle engine = new EngineHandle(DockerEngine::locate)) {
            run(session, engine, io, work);
        } finally {
            io.shutdownNow();
            Platform.exit();
        }
        System.exit(0);
    }

    private static void run(SandboxSession session, EngineHandle engine, ExecutorService io, Path work)
            throws Exception {
        SandboxServer sandbox = session.server();
        String image = session.buildRunnerImage(work);
        // One client, the console's: the benchmark's own look-ups go to the sandbox in-process, so that every
        // request the admin makes while the view idles is the console's.
        DrpClient client = session.connect();
        client.create(DrpContext.of(CONTEXT, DrpContext.DOCKER_CONTEXT, image, "job latency benchmark"));
        sandbox.objects().create("tasks", task(), WriteOptions.server());
        SimpleObjectProperty<DrpClient> active = new SimpleObjectProperty<>();
        JobsPage page = onFx(() -> new JobsPage(new ViewServices(active, engine, io, Platform::runLater,
                (section, key) -> { })));
        Scene scene = onFx(() -> HeadlessPages.show(page));
        onFx(() -> {
            active.set(client);
            page.shown();
            return null;
        });
        Thread.sleep(3_000); // listed, subscribed: the view at rest
        Map<String, Long> idleBefore = idle(sandbox);

        Machine runner = client.create(runnerWithTask());
        String job = awaitJob(sandbox, runner.uuid());
        ShownLines drawn = new ShownLines();
        onFx(() -> {
            scene.addPostLayoutPulseListener(() -> drawn.scan(scene.lookup("#job-log")));
            page.reveal(job);
            return null;
        });
        try (StoredLines stored = StoredLines.follow(sandbox.jobLogs(), job)) {
            waitUntil(() -> isOver(sandbox, job), 120);
            awaitQuietly(() -> stored.count() >= LINES, 5); // drpcli may send its last output after the job's end
            // The last lines reach the view with the job's last read; lines never drawn are left out, and counted.
            awaitQuietly(() -> drawn.count() >= stored.count(), 10);
            report(stored.written(), stored.seen(), drawn.seen());
        }
        Thread.sleep(3_000); // the job's last events and read are over
        Map<String, Long> idleAfter = idle(sandbox);
        reportIdle("before any job", idleBefore);
        reportIdle("after the job ended (its runner container idle)", idleAfter);
        BenchResults.record("jobs_view_idle_requests_before_job", console(idleBefore), "requests", "0");
        BenchResults.record("jobs_view_idle_requests_after_job", console(idleAfter), "requests", "0");
        onFx(() -> {
            page.hidden();
            return null;
        });
    }

    private static ObjectNode task() {
        ObjectNode task = JsonNodeFactory.instance.objectNode().put("Name", TASK)
                .put("Description", "prints a stamped line every 100 ms for 30 s");
        task.putObject("Meta").put("feature-flags", "sane-exit-codes");
        task.putArray("Templates").addObject().put("Name", TASK).put("Contents", SCRIPT);
        return task;
    }

    /** A runner machine (its home is the runner context, so it has a container of its own) with the task to do. */
    private static Machine runnerWithTask() {
        ObjectNode machine = JsonNodeFactory.instance.objectNode().put("Name", "latency-runner");
        machine.putObject("Meta").put(Machine.BASE_CONTEXT, CONTEXT);
        machine.putArray("Tasks").add(TASK);
        return new Machine(machine);
    }

    private static String awaitJob(SandboxServer sandbox, String machine) throws Exception {
        String[] job = new String[1];
        waitUntil(() -> {
            Optional<ObjectNode> found = sandbox.objects().list("jobs").stream()
                    .filter(each -> machine.equals(each.path("Machine").asText())
                            && TASK.equals(each.path("Task").asText())).findFirst();
            found.ifPresent(each -> job[0] = each.path("Uuid").asText());
            return found.isPresent();
        }, 120);
        return job[0];
    }

    private static boolean isOver(SandboxServer sandbox, String job) {
        String state = sandbox.objects().get("GET", "jobs", job).path("State").asText();
        return "finished".equals(state) || "failed".equals(state);
    }

    /** Requests served per caller over {@value #IDLE_SECONDS} s while the benchmark itself asks nothing. */
    private static Map<String, Long> idle(SandboxServer sandbox) throws InterruptedException {
        Map<String, Long> before = sandbox.requestsServed();
        Thread.sleep(TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
        Map<String, Long> during = new java.util.TreeMap<>();
        sandbox.requestsServed().forEach((caller, count) -> {
            long more = count - before.getOrDefault(caller, 0L);
            if (more > 0) {
                during.put(caller, more);
            }
        });
        return during;
    }

    private static long console(Map<String, Long> requests) {
        return requests.getOrDefault("user:" + AdminPassword.ADMIN_USER, 0L);
    }

    private static void reportIdle(String when, Map<String, Long> requests) {
        long agents = requests.entrySet().stream().filter(each -> each.getKey().startsWith("runner:"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("Jobs view open, nothing running, %s: %d requests from the console in %d s (goal 0); "
                + "%d from runner agents (drpcli's own, not ours)%n", when, console(requests), IDLE_SECONDS, agents);
    }

    private static void report(Map<Integer, Long> written, Map<Integer, Long> stored, Map<Integer, Long> drawn) {
        List<Long> toStored = new ArrayList<>();
        List<Long> toDrawn = new ArrayList<>();
        List<Long> endToEnd = new ArrayList<>();
        for (Map.Entry<Integer, Long> line : written.entrySet()) {
            Long storedAt = stored.get(line.getKey());
            Long drawnAt = drawn.get(line.getKey());
            if (storedAt != null && drawnAt != null) {
                toStored.add(storedAt - line.getValue());
                toDrawn.add(drawnAt - storedAt);
                endToEnd.add(drawnAt - line.getValue());
            }
        }
        System.out.printf("Job output latency, %d of %d lines (one every 100 ms for 30 s, from a runner container's "
                + "drpcli agent to the Jobs view):%n", endToEnd.size(), LINES);
        missing("never stored", line -> !stored.containsKey(line));
        // drpcli sends a job's last output after it has set the job's final state: a view that stops reading at
        // the job's end misses it.
        long neverDrawn = missing("stored but never drawn (waited 10 s after the job's end)",
                line -> stored.containsKey(line) && !drawn.containsKey(line));
        BenchResults.record("job_log_lines_never_drawn", neverDrawn, "lines", "0");
        part("agent write → stored on the endpoint (drpcli's upload cadence, not ours)", "job_log_agent_to_stored",
                toStored, BenchResults.NO_GOAL);
        part("stored → drawn in the Jobs view (ours)", "job_log_stored_to_drawn", toDrawn, "<300");
        part("agent write → drawn (end to end)", "job_log_agent_to_drawn", endToEnd, BenchResults.NO_GOAL);
    }

    /** Prints the lines that went missing this way, if any; returns how many. */
    private static long missing(String what, java.util.function.IntPredicate missing) {
        List<Integer> lines = java.util.stream.IntStream.rangeClosed(1, LINES).filter(missing).boxed().toList();
        if (!lines.isEmpty()) {
            System.out.printf("  %s: lines %s%n", what, lines);
        }
        return lines.size();
    }

    private static void part(String what, String figure, List<Long> nanos, String p95Goal) {
        if (nanos.isEmpty()) {
            System.out.printf("  %-72s no lines measured%n", what);
            return;
        }
        Collections.sort(nanos);
        double p50 = percentile(nanos, 50) / 1e6;
        double p95 = percentile(nanos, 95) / 1e6;
        double max = nanos.get(nanos.size() - 1) / 1e6;
        System.out.printf("  %-72s p50 %6.0f ms  p95 %6.0f ms  max %6.0f ms%s%n", what, p50, p95, max,
                BenchResults.NO_GOAL.equals(p95Goal) ? "" : "  (goal p95 " + p95Goal + " ms)");
        BenchResults.record(figure + "_p50_ms", p50, "ms");
        BenchResults.record(figure + "_p95_ms", p95, "ms", p95Goal);
        BenchResults.record(figure + "_max_ms", max, "ms");
    }

    /** Nearest rank, of a sorted list. */
    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** The line's number and the stamp it was printed with, when {@code text} is one of the task's lines. */
    static Optional<long[]> parse(CharSequence text) {
        Matcher line = LINE.matcher(text);
        return line.find() ? Optional.of(new long[] {Long.parseLong(line.group(1)), Long.parseLong(line.group(2))})
                : Optional.empty();
    }

    /**
     * When each line was first laid out in the log view's cells, read after each pulse's layout (the frame then
     * paints what was laid out), as a user would first see it. The view follows, and lines come in order: the lines
     * before the newest one drawn have reached the screen too, even those a burst scrolled past within one frame.
     */
    private static final class ShownLines {
        private final Map<Integer, Long> seen = new ConcurrentHashMap<>();
        private int newest; // only the FX thread touches it

        void scan(Node logView) {
            if (logView == null) {
                return;
            }
            long now = epochNanos();
            for (Node flow : logView.lookupAll(".log-line > TextFlow")) {
                StringBuilder text = new StringBuilder();
                ((TextFlow) flow).getChildren().forEach(run -> text.append(((Text) run).getText()));
                parse(text).ifPresent(line -> newest = Math.max(newest, (int) line[0]));
            }
            for (int line = 1; line <= newest; line++) {
                seen.putIfAbsent(line, now);
            }
        }

        int count() {
            return seen.size();
        }

        Map<Integer, Long> seen() {
            return Map.copyOf(seen);
        }
    }

    private static void waitUntil(BooleanSupplier condition, int seconds) throws InterruptedException {
        if (!awaitQuietly(condition, seconds)) {
            throw new IllegalStateException("not within " + seconds + " s");
        }
    }

    private static boolean awaitQuietly(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * When each line reached the endpoint's job log, and the stamp it was printed with: the stored log polled
     * in-process every {@value #POLL_MILLIS} ms (a file size check; no request, so no load the console is blamed for).
     */
    private static final class StoredLines implements AutoCloseable {
        private static final long POLL_MILLIS = 2;
        private final JobLogs logs;
        private final String job;
        private final Map<Integer, Long> written = new ConcurrentHashMap<>();
        private final Map<Integer, Long> seen = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder(); // only the poller touches it
        private final Thread poller;
        private volatile boolean stopped;
        private long offset; // only the poller touches it

        private StoredLines(JobLogs logs, String job) {
            this.logs = logs;
            this.job = job;
            this.poller = new Thread(this::poll, "stored-lines");
            poller.setDaemon(true);
        }

        static StoredLines follow(JobLogs logs, String job) {
            StoredLines lines = new StoredLines(logs, job);
            lines.poller.start();
            return lines;
        }

        private void poll() {
            while (!stopped) {
                long size = logs.size(job);
                if (size > offset) {
                    long now = epochNanos();
                    try (InputStream more = logs.read(job, offset, size - offset)) {
                        partial.append(new String(more.readAllBytes(), StandardCharsets.UTF_8)); // ASCII lines
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    offset = size;
                    takeWholeLines(now);
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void takeWholeLines(long storedAt) {
            for (int end = partial.indexOf("\n"); end >= 0; end = partial.indexOf("\n")) {
                parse(partial.subSequence(0, end)).ifPresent(line -> {
                    written.putIfAbsent((int) line[0], line[1]);
                    seen.putIfAbsent((int) line[0], storedAt);
                });
                partial.delete(0, end + 1);
            }
        }

        int count() {
            return seen.size();
        }

        Map<Integer, Long> written() {
            return Map.copyOf(written);
        }

        Map<Integer, Long> seen() {
            return Map.copyOf(seen);
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            poller.join();
        }
    }
}
