package dev.drpconsole.core.setup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.DrpNames;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.EventSubscription;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.JobLogFollower;
import dev.drpconsole.core.drp.JobLogListener;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.drp.MachineCreation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Proves the setup works: installs the demo content pack, creates a test machine, gives it the demo workflow and
 * the context, and follows the demo task's job output until the job ends.
 */
public final class TestJobStep implements SetupStep {
    public static final String ID = "test-job";
    public static final String JOB_VALUE = "test-job.uuid";
    private static final long PATIENCE_MS = 90_000;
    private static final String WHY_DEMO_WORKFLOW = "the test machine runs the demo workflow only";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Test job";
    }

    @Override
    public String willDo(SetupChoices choices) {
        return "Installs the demo content pack " + DemoContentPack.NAME + " (its workflow runs its task in the"
                + " context " + choices.contextName() + "), creates the machine " + choices.testMachineName()
                + ", sets its workflow to " + DemoContentPack.WORKFLOW + " and its context to " + choices.contextName()
                + ", and shows the job's output live until it finishes.";
    }

    @Override
    public String plannedWork(SetupChoices choices) {
        return "Install the demo content pack and create the test machine " + choices.testMachineName()
                + ", which runs a job in the context " + choices.contextName();
    }

    @Override
    public List<String> choiceProblems(SetupChoices choices) {
        return SetupChoiceRules.problems(SetupChoiceRules.testMachineNameProblem(choices),
                DrpNames.contextNameProblem(choices.contextName()));
    }

    @Override
    public List<String> commands(SetupChoices choices) {
        String name = ShellWords.quote(choices.testMachineName());
        List<String> commands = new java.util.ArrayList<>();
        commands.add("# The demo content pack's source, its stage running in the context " + choices.contextName());
        Map<String, String> files = DemoPackSource.files(choices.contextName());
        Set<String> directories = new TreeSet<>(Set.of("context-demo"));
        files.keySet().stream().filter(file -> file.contains("/"))
                .forEach(file -> directories.add("context-demo/" + file.substring(0, file.lastIndexOf('/'))));
        commands.add("mkdir -p " + String.join(" ", directories));
        files.forEach((file, text) -> commands.add(ShellWords.writeFile("context-demo/" + file, text)));
        commands.add("(cd context-demo && drpcli contents bundle ../context-demo.yaml)");
        commands.add("drpcli contents create context-demo.yaml");
        commands.add("drpcli machines create " + ShellWords.quote(JsonNodeFactory.instance.objectNode()
                .put("Name", choices.testMachineName()).toString()));
        commands.add("test_machine=$(drpcli machines list Name=" + name + " -F text -J Uuid -H | cut -f1)");
        commands.add("drpcli machines update \"$test_machine\" " + ShellWords.quote(JsonNodeFactory.instance
                .objectNode().put("Workflow", DemoContentPack.WORKFLOW).toString()));
        commands.add("drpcli machines update \"$test_machine\" " + ShellWords.quote(JsonNodeFactory.instance
                .objectNode().put("Context", choices.contextName()).toString()));
        commands.add("# Wait up to 60 s for the job of " + DemoContentPack.TASK + ", then up to "
                + PATIENCE_MS / 1000 + " s for it to end, and show its output");
        commands.add("for i in $(seq 60); do job=$(drpcli jobs list Machine=\"$test_machine\" Task="
                + DemoContentPack.TASK + " -F text -J Uuid -H | cut -f1); [ -n \"$job\" ] && break; sleep 1; done");
        commands.add("for i in $(seq " + PATIENCE_MS / 1000 + "); do case $(drpcli jobs show \"$job\" -F text"
                + " -J State -H | cut -f2) in created|running) sleep 1;; *) break;; esac; done");
        commands.add("drpcli jobs log \"$job\"");
        commands.add("drpcli jobs show \"$job\" -F text -J State -H");
        return commands;
    }

    @Override
    public void run(StepContext context, StepProgress progress) throws InterruptedException {
        Cancellation.cancellable(() -> runTestJob(context, progress));
    }

    private static void runTestJob(StepContext context, StepProgress progress) throws InterruptedException {
        DrpClient client = context.targets().client();
        try {
            installPack(context, progress);
            Machine machine = testMachine(context, progress);
            progress.status("Waiting for the job of " + DemoContentPack.TASK);
            Job job = awaitJob(client, machine.uuid());
            context.journal().putValue(JOB_VALUE, job.uuid());
            follow(client, job, progress);
        } catch (DrpException e) {
            throw new SetupProblem("The test job could not run: " + e.getMessage(),
                    "Check the endpoint is reachable, then retry.", e);
        }
    }

    private static void installPack(StepContext context, StepProgress progress) throws InterruptedException {
        DrpClient client = context.targets().client();
        if (client.contents().stream().anyMatch(pack -> DemoContentPack.NAME.equals(pack.name()))) {
            progress.output("The content pack " + DemoContentPack.NAME + " is installed already.");
            return;
        }
        // Bundled before it is recorded: a pack that could not even be bundled was never made, and clean-up must not
        // claim to remove it. Recorded before the upload, so a crash during it still knows; forgotten again when the
        // endpoint did not take it.
        var bundle = DemoPackBundle.bundle(context.choices().drpcli(), context.workDir(),
                context.choices().contextName());
        CreatedObject pack = new CreatedObject(CreatedKind.CONTENT_PACK, DemoContentPack.NAME, ID);
        context.journal().recordCreated(pack);
        try {
            client.putContent(bundle);
        } catch (RuntimeException e) {
            forgetIfAbsent(context, pack);
            throw e;
        }
        progress.output("Installed the content pack " + DemoContentPack.NAME + ".");
    }

    private static void forgetIfAbsent(StepContext context, CreatedObject pack) {
        try {
            if (context.targets().client().contents().stream().noneMatch(p -> pack.key().equals(p.name()))) {
                context.journal().forget(pack);
            }
        } catch (DrpException cannotTell) {
            // Kept recorded: clean-up treats a pack that is not there as removed.
        }
    }

    /**
     * The test machine, in the workflow and the context, made by {@link MachineCreation} so the endpoint's default
     * workflow never runs on it. Like the runner machine, its UUID is recorded before it is created, so a cancel
     * cannot orphan it; a re-run finishes setting up the one an interrupted run created.
     */
    private static Machine testMachine(StepContext context, StepProgress progress) {
        DrpClient client = context.targets().client();
        String uuid = context.journal().createdBy(ID, CreatedKind.MACHINE)
                .orElseGet(() -> UUID.randomUUID().toString());
        Machine wanted = new Machine(JsonNodeFactory.instance.objectNode()
                .put("Name", context.choices().testMachineName()).put("Uuid", uuid)
                .put("Context", context.choices().contextName()));
        Machine existing = client.get(DrpType.MACHINES, uuid).orElse(null);
        MachineCreation.Created made;
        if (existing == null) {
            context.journal().recordCreated(new CreatedObject(CreatedKind.MACHINE, uuid, ID));
            made = MachineCreation.create(client, wanted, DemoContentPack.WORKFLOW, WHY_DEMO_WORKFLOW);
        } else {
            made = MachineCreation.settle(client, existing, wanted, DemoContentPack.WORKFLOW, WHY_DEMO_WORKFLOW);
        }
        if (!made.notice().isEmpty()) {
            progress.output(made.notice());
        }
        Machine machine = made.machine();
        progress.output("The machine " + machine.name() + " (" + machine.uuid() + ") has the workflow "
                + DemoContentPack.WORKFLOW + " and the context " + context.choices().contextName() + ".");
        return machine;
    }

    /**
     * Waits for the demo task's job on the machine: woken by DRP's job events, listing once the filter is
     * registered (so a job created meanwhile is not missed) and again at most every 2 s as a safety net.
     */
    private static Job awaitJob(DrpClient client, String machineUuid) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        Semaphore created = new Semaphore(0);
        try (EventSubscription jobs = client.events().subscribe("jobs.create.*", event -> {
            if (event.object() != null && machineUuid.equals(event.object().path("Machine").asText())) {
                created.release();
            }
        })) {
            waitForRegistration(jobs);
            while (System.currentTimeMillis() < deadline) {
                Optional<Job> job = client.list(DrpType.JOBS, Filter.where("Machine", machineUuid)
                        .and("Task", DemoContentPack.TASK)).stream().findFirst();
                if (job.isPresent()) {
                    return job.get();
                }
                created.tryAcquire(2, TimeUnit.SECONDS);
                created.drainPermits();
            }
        }
        throw new SetupProblem("No job started for the test machine within " + PATIENCE_MS / 1000 + " s.",
                "Check the runner machine's container runs (Containers view), then retry.");
    }

    private static void waitForRegistration(EventSubscription subscription) throws InterruptedException {
        try {
            subscription.registered().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // Without the acknowledgement the 2 s looks still find the job.
        }
    }

    /**
     * Streams the job's log until the job is no longer running and every byte has been read, with the same follower
     * as the Jobs view: woken by the job's events, reading while it runs, and looking at the job every 2 s as a
     * safety net for a dropped event.
     */
    private static void follow(DrpClient client, Job job, StepProgress progress) throws InterruptedException {
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        CountDownLatch ended = new CountDownLatch(1);
        AtomicReference<String> failure = new AtomicReference<>();
        Lines lines = new Lines(progress, ended);
        ExecutorService reads = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "test-job-log");
            thread.setDaemon(true);
            return thread;
        });
        try (JobLogFollower follower = new JobLogFollower(client, job.uuid(), reads, lines, failure::set);
             EventSubscription changes = client.events().subscribe("jobs.*." + job.uuid(),
                     event -> event.object(DrpType.JOBS).ifPresent(follower::jobChanged))) {
            follower.start(job);
            while (!ended.await(2, TimeUnit.SECONDS)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new SetupProblem("The test job did not finish within " + PATIENCE_MS / 1000 + " s.",
                            "Look at the job in the Jobs view.");
                }
                Optional<Job> now = client.get(DrpType.JOBS, job.uuid());
                now.ifPresent(follower::jobChanged);
                if (now.filter(Job::isIncomplete).isPresent()) {
                    break; // DRP runs it again, but a test job that stops short has already told what it needs to
                }
                if (failure.get() != null && now.filter(Job::isRunning).isEmpty()) {
                    throw new SetupProblem(failure.get(), "Look at the job in the Jobs view, then retry.");
                }
            }
        } finally {
            reads.shutdownNow();
        }
        Job now = client.get(DrpType.JOBS, job.uuid()).orElse(job);
        if (!"finished".equals(now.state())) {
            throw new SetupProblem("The test job ended " + now.state() + (now.isIncomplete() ? " (DRP runs it again"
                    + " once its machine is runnable)" : "") + ".",
                    "Read its output above; fix the image or the context, then retry.");
        }
        progress.status("The test job finished.");
    }

    /** The log as whole lines for the step's output; the end of the log counts the follow down. */
    private static final class Lines implements JobLogListener {
        private final StepProgress progress;
        private final CountDownLatch ended;
        private final StringBuilder partial = new StringBuilder();

        Lines(StepProgress progress, CountDownLatch ended) {
            this.progress = progress;
            this.ended = ended;
        }

        @Override
        public void append(String text) {
            partial.append(text);
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                progress.output(partial.substring(0, newline));
                partial.delete(0, newline + 1);
            }
        }

        @Override
        public void finish() {
            if (!partial.isEmpty()) {
                progress.output(partial.toString());
                partial.setLength(0);
            }
            ended.countDown();
        }
    }
}
