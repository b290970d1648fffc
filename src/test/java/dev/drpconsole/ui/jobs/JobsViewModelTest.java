package dev.drpconsole.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.InMemoryDrpClient;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.InMemoryEngine;
import dev.drpconsole.ui.common.Navigator;
import dev.drpconsole.ui.common.PageState;
import dev.drpconsole.ui.common.ViewServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/**
 * The Jobs view model's logic, on the calling thread, against a DRP endpoint and an engine in memory: the jobs
 * listed and kept live, the filters, the selected job's output as it grows, and where its links lead.
 */
class JobsViewModelTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private final InMemoryDrpClient drp = new InMemoryDrpClient();
    private final InMemoryEngine engine = new InMemoryEngine();
    private final SimpleObjectProperty<DrpClient> signedIn = new SimpleObjectProperty<>(drp);
    private final List<String> navigations = new CopyOnWriteArrayList<>();
    private final ViewServices services = new ViewServices(signedIn, new EngineHandle(() -> engine), Runnable::run,
            Runnable::run, (section, key) -> navigations.add(section + " " + key));
    private final RecordingSink log = new RecordingSink();
    private final JobsViewModel model = new JobsViewModel(services, log, Clock.fixed(NOW, ZoneOffset.UTC), null,
            Duration.ZERO);
    private final Machine runner = drp.put(machine("runner-1", "docker-ctx"));
    private final Machine plain = drp.put(machine("plain-1", ""));

    @Test
    void withoutAnEndpointItIsNotConnectedAndSigningInListsTheJobs() {
        signedIn.set(null);
        model.shown();
        assertEquals(PageState.NOT_CONNECTED, model.stateProperty().get());

        drp.put(job(runner, "hello", "finished", NOW.minusSeconds(60)));
        signedIn.set(drp);

        assertEquals(PageState.READY, model.stateProperty().get());
        assertEquals(List.of("hello on runner-1 finished"), shown());
    }

    @Test
    void jobsAreKeptLiveAndFilteredByStateMachineTaskContextAndTime() {
        Job running = drp.put(job(runner, "build", "running", NOW.minusSeconds(30)));
        drp.put(job(plain, "inventory", "finished", NOW.minus(Duration.ofHours(3))));
        drp.put(job(runner, "test", "failed", NOW.minus(Duration.ofDays(2))));
        model.shown();
        assertEquals(3, shown().size());
        assertEquals(java.util.stream.Stream.of(plain.uuid(), runner.uuid()).sorted().toList(),
                model.machineChoices().stream().sorted().toList());
        assertEquals(List.of(JobsViewModel.OWN_AGENT, "docker-ctx"), model.contextChoices());

        model.stateFilterProperty().set("failed");
        assertEquals(List.of("test on runner-1 failed"), shown());
        model.stateFilterProperty().set("");
        model.machineFilterProperty().set(runner.uuid());
        assertEquals(List.of("build on runner-1 running", "test on runner-1 failed"), shown());
        model.machineFilterProperty().set("");
        model.contextFilterProperty().set(JobsViewModel.OWN_AGENT);
        assertEquals(List.of("inventory on plain-1 finished"), shown());
        model.contextFilterProperty().set("");
        model.taskFilterProperty().set("build");
        assertEquals(List.of("build on runner-1 running"), shown());
        model.taskFilterProperty().set("");
        model.timeFilterProperty().set(TimeWindow.LAST_DAY);
        assertEquals(List.of("build on runner-1 running", "inventory on plain-1 finished"), shown());

        drp.put(withState(running, "finished"));
        assertEquals("build on runner-1 finished", shown().get(0), "the row follows the job's events");
        assertEquals(Duration.ofSeconds(30), model.rows().get(0).durationProperty().get());
    }

    @Test
    void theSelectedJobsOutputFollowsWhileItRunsAndEnds() {
        Job job = drp.put(job(runner, "build", "running", NOW.minusSeconds(5)));
        drp.appendJobLog(job.uuid(), "step 1\n");
        model.shown();
        model.selectedProperty().set(model.row(job.uuid()));
        assertEquals("step 1\n", log.text());

        drp.appendJobLog(job.uuid(), "step 2\n");
        drp.put(withState(job, "finished")); // its event makes a read, then the log's tail is read until quiet
        assertEquals("step 1\nstep 2\n", log.text());
        awaitFinished("the output ends with the job");

        model.selectedProperty().set(null);
        assertEquals("", log.text(), "nothing selected, no output");
    }

    /**
     * drpcli patches a job to its final state first and flushes the rest of its output after (v4.7.0
     * agent/taskRunner.go: the deferred final patch, then {@code Close()}): those last lines are shown too, and the
     * output ends only once the log has stopped growing.
     */
    @Test
    void linesTheAgentSendsAfterMarkingTheJobFinishedAreShownToo() {
        Job job = drp.put(job(runner, "build", "running", NOW.minusSeconds(5)));
        drp.appendJobLog(job.uuid(), "step 1\n");
        model.shown();
        model.selectedProperty().set(model.row(job.uuid()));

        drp.put(withState(job, "finished"));
        drp.appendJobLog(job.uuid(), "last line\n");

        awaitFinished("the output ends");
        assertEquals("step 1\nlast line\n", log.text(), "with the lines that came after the job finished");
    }

    /**
     * DRP hands an incomplete job back to run again under the same UUID, its output appended to the same log (v3
     * frontend/job_create.go: 202); the v4.7 agent makes the machine not runnable first (agent/taskRunner.go).
     */
    @Test
    void anIncompleteJobsOutputKeepsFollowingThroughItsRerunAndItsStateSaysWhatComesNext() {
        Machine runnable = drp.put(runner.withRunnable(true));
        Job job = drp.put(job(runner, "build", "running", NOW.minusSeconds(5)));
        drp.appendJobLog(job.uuid(), "first try\n");
        model.shown();
        model.selectedProperty().set(model.row(job.uuid()));

        drp.put(withState(job, "incomplete"));
        Machine stopped = drp.put(runnable.withRunnable(false)); // as the v4.7 agent does after an incomplete job
        assertFalse(log.finished, "an incomplete job is not over");
        assertEquals("incomplete — will be re-run once runner-1 is runnable again (Runner machines: Make runnable)",
                model.stateText(model.row(job.uuid())));
        drp.put(stopped.withRunnable(true));
        assertEquals("incomplete — will be re-run", model.stateText(model.row(job.uuid())));

        drp.put(withState(job, "running"));
        drp.appendJobLog(job.uuid(), "second try\n");
        drp.put(withState(job, "finished"));
        awaitFinished("the output ends with the re-run");
        assertEquals("first try\nsecond try\n", log.text(), "the re-run's output, in order, once");
        assertEquals("finished", model.stateText(model.row(job.uuid())));
    }

    @Test
    void theMachineLinkLeadsOnlyWhereRunnerMachinesListsTheMachine() {
        drp.put(job(runner, "build", "finished", NOW.minusSeconds(5)));
        drp.put(job(plain, "inventory", "finished", NOW.minusSeconds(5)));
        model.shown();
        JobRow onRunner = byTask("build");
        JobRow onPlain = byTask("inventory");

        assertEquals(JobsViewModel.MachineLink.RUNNER, model.machineLink(onRunner));
        assertEquals(JobsViewModel.MachineLink.NOT_A_RUNNER, model.machineLink(onPlain));
        drp.delete(dev.drpconsole.core.drp.DrpType.MACHINES, plain.uuid());
        assertEquals(JobsViewModel.MachineLink.DELETED, model.machineLink(onPlain));

        model.showMachine(onRunner);
        assertEquals(List.of(Navigator.RUNNERS + " " + runner.uuid()), navigations);
    }

    @Test
    void aMachineInAContextOnlyForATaskIsNoRunnerAndSaysWhereItIs() {
        Machine visitor = drp.put(machine("visitor", "").withContext("runner"));
        drp.put(job(visitor, "in-context", "running", NOW.minusSeconds(5)));
        model.shown();

        assertEquals(JobsViewModel.MachineLink.IN_CONTEXT_FOR_NOW, model.machineLink(byTask("in-context")));
        assertEquals("runner", model.contextForNow(byTask("in-context")));
    }

    @Test
    void theContainerLinkFollowsTheEnginesContainers() {
        drp.put(job(runner, "build", "running", NOW.minusSeconds(5)));
        engine.addRunner(runner.uuid());
        model.shown();
        JobRow build = byTask("build");
        List<String> changes = new CopyOnWriteArrayList<>();
        model.onContainersChanged(() -> changes.add("changed"));

        assertEquals(Optional.of(true), there(build));
        engine.removeContainer("drp-runner-" + runner.uuid());
        assertEquals(List.of("changed"), changes, "told when the engine's containers change");
        assertEquals(Optional.of(false), there(build), "gone");

        engine.goAway("No engine");
        assertEquals(Optional.empty(), there(build), "unknown while the engine does not answer: the link is offered");
    }

    @Test
    void aHiddenPageFollowsNothing() {
        model.shown();
        assertEquals(1, engine.openWatches());
        model.hidden();
        assertEquals(0, engine.openWatches());
        drp.put(job(runner, "later", "running", NOW));
        assertEquals(List.of(), shown(), "no events while hidden");
        model.shown();
        assertEquals(List.of("later on runner-1 running"), shown(), "listed again when shown");
    }

    private Optional<Boolean> there(JobRow row) {
        AtomicReference<Optional<Boolean>> answer = new AtomicReference<>();
        model.checkContainer(row, answer::set);
        return answer.get();
    }

    private JobRow byTask(String task) {
        return model.rows().stream().filter(row -> row.job().task().equals(task)).findFirst().orElseThrow();
    }

    /** What the table lists (before its filter box), oldest start first, as "task on machine state". */
    private List<String> shown() {
        return model.rows().stream().filter(model.listedProperty().getValue())
                .sorted(java.util.Comparator.comparing((JobRow row) -> row.job().startTime().orElse(NOW)).reversed())
                .map(row -> row.job().task() + " on " + row.machineProperty().get() + " " + row.job().state())
                .toList();
    }

    private static Machine machine(String name, String context) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("Uuid", UUID.randomUUID().toString())
                .put("Name", name).put("Context", context);
        json.putObject("Meta").put(Machine.BASE_CONTEXT, context);
        return new Machine(json);
    }

    private static Job job(Machine machine, String task, String state, Instant started) {
        return new Job(JsonNodeFactory.instance.objectNode().put("Uuid", UUID.randomUUID().toString())
                .put("Machine", machine.uuid()).put("Task", task).put("State", state)
                .put("Context", machine.context()).put("StartTime", started.toString())
                .put("EndTime", "running".equals(state) ? "" : started.plusSeconds(30).toString()));
    }

    /** The follower ends the output once the log has been quiet a while after the job ended (drpcli's tail). */
    private void awaitFinished(String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!log.finished && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(log.finished, what);
    }

    private static Job withState(Job job, String state) {
        ObjectNode json = job.json().deepCopy().put("State", state);
        json.put("EndTime", job.startTime().orElseThrow().plusSeconds(30).toString());
        return new Job(json);
    }

    /** The log as the page would show it. */
    private static final class RecordingSink implements JobLogSink {
        private final StringBuffer text = new StringBuffer();
        private volatile boolean finished;

        @Override
        public void append(String piece) {
            text.append(piece);
        }

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void clear() {
            text.setLength(0);
            finished = false;
        }

        String text() {
            return text.toString();
        }
    }
}
