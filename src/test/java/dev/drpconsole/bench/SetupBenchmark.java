package dev.drpconsole.bench;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.engine.BuildProgressListener;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EngineImages;
import dev.drpconsole.core.engine.ForwardingEngine;
import dev.drpconsole.core.engine.ImageBuildRequest;
import dev.drpconsole.core.engine.ImageSummary;
import dev.drpconsole.core.setup.CreatedKind;
import dev.drpconsole.core.setup.SetupChoices;
import dev.drpconsole.core.setup.SetupJournal;
import dev.drpconsole.core.setup.SetupSandbox;
import dev.drpconsole.core.setup.SetupStep;
import dev.drpconsole.core.setup.SetupTargets;
import dev.drpconsole.core.setup.StepContext;
import dev.drpconsole.core.setup.StepProgress;
import dev.drpconsole.core.setup.TestJobStep;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The whole setup plan against the sandbox, the real engine and the real drpcli, as the wizard runs it: wall time
 * per step and in total, and the console's own overhead, which is the total minus the time spent waiting on
 * external work: the engine building and saving the image, the upload's bytes, the runner container coming up,
 * and the test job (from the wait for its job to its end). Two runs: the first with only the base image cached (a
 * label at the top of the Dockerfile makes the runner layers new), the second with the runner layers cached. The
 * image is uploaded in both, as for an endpoint on another machine (a local endpoint skips that). A third run is
 * the two-engine topology (runners on Podman, watched over ssh), to compare with the second. Goals: total
 * &lt; 60 s, overhead &lt; 10 s. Reports figures; asserts nothing.
 */
public final class SetupBenchmark {
    private SetupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("setup-bench");
        System.out.println("Setup benchmark: sandbox, " + TestEnv.get().dockerHost() + ", drpcli "
                + TestEnv.get().drpcliVersion() + ", base image " + TestEnv.get().baseImage() + " (cached)");
        try (SetupSandbox sandbox = SetupSandbox.start(work.resolve("data"))) {
            TimedEngine engine = new TimedEngine(sandbox.engine);
            SetupTargets targets = new SetupTargets(sandbox.client, engine, sandbox.targets.labels());
            String tag = "drpconsole-bench/runner:" + TestLabels.runId();
            String base = SetupSandbox.choices(tag, "bench").dockerfile();
            String fresh = base.replaceFirst("\n", "\nLABEL dev.drpconsole.bench.layers=" + UUID.randomUUID() + "\n");
            SetupChoices choices = withDockerfile(SetupSandbox.choices(tag, "bench"), fresh);

            SetupJournal first = run("Run 1, runner image layers not cached", "setup_uncached", targets, engine,
                    choices, work);
            // Keep the image so the second run finds its layers; remove everything else the first run made.
            first.cleanUp(object -> {
                if (object.kind() != CreatedKind.IMAGE) {
                    targets.remove(object);
                }
            });
            SetupJournal second = run("Run 2, runner image layers cached", "setup_cached", targets, engine,
                    choices, work);
            second.cleanUp(object -> {
                if (object.kind() != CreatedKind.IMAGE) {
                    targets.remove(object);
                }
            });
            twoEngines(engine, choices, sandbox.targets.labels(), work);
            sandbox.engine.images().remove(tag, true);
        }
    }

    /**
     * Run 3, the two-engine topology: an endpoint whose runners run on the Podman service, which the console reaches
     * only over ssh (the test sshd), while it builds on Docker (layers cached, as in run 2, to compare with it).
     */
    private static void twoEngines(TimedEngine engine, SetupChoices choices, Map<String, String> labels, Path work)
            throws Exception {
        TestEnv env = TestEnv.get();
        EngineChoice overSsh = env.podmanOverSsh();
        try (DockerEngine podman = DockerEngine.open(EngineEndpoint.of(env.podmanHost(), "bench"));
             SandboxServer remote = SandboxServer.start(SandboxConfig.inDataDir(work.resolve("remote"))
                     .withPort(0).withRunnerLabel(TestLabels.KEY, TestLabels.runId()), podman);
             DrpClient client = SandboxAccess.connect(remote);
             EngineHandle runners = EngineHandle.of(overSsh)) {
            SetupTargets targets = new SetupTargets(client, engine, runners::get, labels);
            SetupJournal third = run("Run 3, two engines: built on Docker, runners on Podman watched over ssh"
                    + " (layers cached)", "setup_two_engines", targets, engine, choices, work);
            third.cleanUp(object -> {
                if (object.kind() != CreatedKind.IMAGE) {
                    targets.remove(object);
                }
            });
        }
    }

    /** @param figures the prefix of this run's figures in the results file, e.g. {@code setup_cached} */
    private static SetupJournal run(String title, String figures, SetupTargets targets, TimedEngine engine,
                                    SetupChoices choices, Path work) throws Exception {
        SetupJournal journal = SetupJournal.load(Files.createTempDirectory(work, "journal"));
        StepContext context = new StepContext(targets, choices, journal, Files.createTempDirectory(work, "step"));
        Waits waits = new Waits();
        Map<String, Long> wall = new LinkedHashMap<>();
        Map<String, String> external = new LinkedHashMap<>();
        long totalExternal = 0;
        long started = System.nanoTime();
        for (SetupStep step : SetupSandbox.uploadingPlan().steps()) {
            engine.reset();
            waits.reset();
            long stepStart = System.nanoTime();
            step.run(context, waits);
            journal.markDone(step.id());
            long stepEnd = System.nanoTime();
            wall.put(step.id(), stepEnd - stepStart);
            long waited = engine.build.get() + engine.save.get() + waits.waited(stepEnd);
            totalExternal += waited;
            external.put(step.id(), describe(engine, waits, stepEnd, journal, targets));
        }
        long total = System.nanoTime() - started;
        System.out.println(title + ":");
        wall.forEach((step, nanos) -> System.out.printf("  %-10s %6.2f s  %s%n", step, nanos / 1e9,
                external.get(step)));
        System.out.printf("  total %.2f s, waiting on external work %.2f s, console overhead %.2f s"
                + " (goals: total < 60 s, overhead < 10 s)%n", total / 1e9, totalExternal / 1e9,
                (total - totalExternal) / 1e9);
        wall.forEach((step, nanos) -> BenchResults.record(figures + "_step_" + step.replace('-', '_') + "_s",
                nanos / 1e9, "s"));
        BenchResults.record(figures + "_total_s", total / 1e9, "s", "<60");
        BenchResults.record(figures + "_overhead_s", (total - totalExternal) / 1e9, "s", "<10");
        return journal;
    }

    private static String describe(TimedEngine engine, Waits waits, long stepEnd, SetupJournal journal,
                                   SetupTargets targets) {
        StringBuilder text = new StringBuilder();
        if (engine.build.get() > 0) {
            text.append(String.format("engine build %.2f s ", engine.build.get() / 1e9));
        }
        if (engine.save.get() > 0) {
            text.append(String.format("engine save %.2f s ", engine.save.get() / 1e9));
        }
        if (waits.since > 0) {
            text.append(String.format("%s %.2f s ", waits.what, waits.waited(stepEnd) / 1e9));
        }
        if (waits.what.startsWith("waiting for the job")) {
            jobRunTime(journal, targets).ifPresent(ran -> text.append(String.format(
                    "(the job itself ran %.2f s by DRP's StartTime/EndTime)", ran.toMillis() / 1e3)));
        }
        return text.toString().strip();
    }

    private static Optional<Duration> jobRunTime(SetupJournal journal, SetupTargets targets) {
        return journal.value(TestJobStep.JOB_VALUE).flatMap(uuid -> targets.client().get(DrpType.JOBS, uuid))
                .filter(job -> job.startTime().isPresent() && job.endTime().isPresent())
                .map(job -> Duration.between(job.startTime().get(), job.endTime().get()));
    }

    private static SetupChoices withDockerfile(SetupChoices c, String dockerfile) {
        return new SetupChoices(c.drpcli(), c.baseImage(), c.packages(), dockerfile, c.imageTag(), c.contextName(),
                c.contextDescription(), c.replaceContext(), c.runnerName(), c.testMachineName());
    }

    /**
     * Times the external waits a step announces through its progress: from "Uploading …", "Waiting for
     * drp-runner-…" or "Waiting for the job …" to the end of that wait (the step's end, or "… is running.").
     */
    private static final class Waits implements StepProgress {
        volatile long since;
        volatile long until;
        volatile String what = "";

        void reset() {
            since = 0;
            until = 0;
            what = "";
        }

        long waited(long stepEnd) {
            return since == 0 ? 0 : (until == 0 ? stepEnd : until) - since;
        }

        @Override
        public void status(String text) {
            if (text.startsWith("Uploading ")) {
                start("upload");
            } else if (text.startsWith("Waiting for drp-runner-")) {
                start("waiting for the container");
            } else if (text.startsWith("Waiting for the job")) {
                start("waiting for the job and its run");
            }
        }

        @Override
        public void output(String text) {
            if (text.startsWith("drp-runner-") && text.endsWith(" is running.")) {
                until = System.nanoTime();
            }
        }

        private void start(String name) {
            what = name;
            since = System.nanoTime();
        }
    }

    /** The engine, timing its image builds and saves (the engine's own work in the build and publish steps). */
    private static final class TimedEngine extends ForwardingEngine {
        final AtomicLong build = new AtomicLong();
        final AtomicLong save = new AtomicLong();

        TimedEngine(ContainerEngine engine) {
            super(engine);
        }

        void reset() {
            build.set(0);
            save.set(0);
        }

        @Override
        public EngineImages images() {
            EngineImages images = delegate().images();
            return new EngineImages() {
                @Override
                public String build(ImageBuildRequest request, BuildProgressListener progress) {
                    return timed(build, () -> images.build(request, progress));
                }

                @Override
                public boolean exists(String nameOrId) {
                    return images.exists(nameOrId);
                }

                @Override
                public Optional<String> idOf(String nameOrId) {
                    return images.idOf(nameOrId);
                }

                @Override
                public List<ImageSummary> list(Map<String, String> labels, boolean includeIntermediate) {
                    return images.list(labels, includeIntermediate);
                }

                @Override
                public void tag(String nameOrId, String reference) {
                    images.tag(nameOrId, reference);
                }

                @Override
                public void remove(String nameOrId, boolean force) {
                    images.remove(nameOrId, force);
                }

                @Override
                public void save(String nameOrId, OutputStream tar) {
                    timed(save, () -> {
                        images.save(nameOrId, tar);
                        return null;
                    });
                }

                @Override
                public List<String> load(InputStream tar) {
                    return images.load(tar);
                }
            };
        }

        private static <T> T timed(AtomicLong into, Supplier<T> work) {
            long start = System.nanoTime();
            try {
                return work.get();
            } finally {
                into.addAndGet(System.nanoTime() - start);
            }
        }
    }
}
