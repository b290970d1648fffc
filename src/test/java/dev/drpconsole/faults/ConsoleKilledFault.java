package dev.drpconsole.faults;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code console-killed}: the packaged console's headless {@code setup} SIGKILLed at 20 random moments, spread over
 * every step of the plan (the start and preflight, build, publish, context, runner machine, test job: each step gets
 * its share of the tries in a shuffled order, the moment a random time into the step as long as the step took in an
 * uninterrupted run; in the Publish step a random point of the image's saving and upload, found from its progress
 * lines). After each kill {@code setup} runs again with the same options and must finish; then nothing may exist
 * twice (one context, one runner and one test machine, one content pack, one published file where the image was
 * uploaded, one test job, one running container for the runner machine, one built image), and {@code setup
 * --clean-up} must leave nothing of setup's on the endpoint, on the engine or in the journal. Each thing made twice
 * or left behind counts as lost, and so does a process the console started that still runs 30 s after the kill.
 * Each try says where the kill landed: a moment aimed at the very short Context step usually lands in the next one.
 *
 * <p>The tries run on two sandbox endpoints at once (each its own packaged sandbox, data folder and port; the tries
 * wait mostly for the endpoint and the runner container, not the processor). {@code -Dfault.seed=N} replays a run's
 * moments; {@code -Dconsole.killed.lanes=1} runs them one after the other.
 */
@Tag("engine")
@Tag("sandbox")
class ConsoleKilledFault {
    private static final int TRIES = 20;

    @TempDir
    Path dir;

    @Test
    void setupKilledAtRandomMomentsFinishesOnTheNextRunMakesNothingTwiceAndCleansUpEverything() throws Exception {
        long seed = Long.getLong("fault.seed", System.nanoTime());
        int laneCount = Integer.getInteger("console.killed.lanes", 2);
        Random random = new Random(seed);
        List<Integer> steps = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            steps.add(i % SetupKillLane.STEPS.size());
        }
        Collections.shuffle(steps, random);
        List<Double> fractions = new ArrayList<>();
        steps.forEach(step -> fractions.add(random.nextDouble()));
        System.out.println("console-killed: seed " + seed + " (-Dfault.seed=" + seed + " replays these moments), "
                + laneCount + " sandbox endpoints, run " + TestLabels.runId());

        Path logs = Path.of("target", "console-killed");
        long started = System.nanoTime();
        List<SetupKillLane.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService lanes = Executors.newFixedThreadPool(laneCount);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < laneCount; lane++) {
                int number = lane;
                running.add(lanes.submit(() -> {
                    try (SetupKillLane endpoint = SetupKillLane.start(dir.resolve("lane-" + number), number, logs)) {
                        SetupKillLane.Timeline timeline = endpoint.calibrate();
                        System.out.println("console-killed: lane " + number + " uninterrupted setup "
                                + timeline.endMs() + " ms, steps start at "
                                + java.util.Arrays.toString(timeline.stepStartsMs()) + " ms");
                        for (int i = number; i < TRIES; i += laneCount) {
                            int step = steps.get(i);
                            long tryStarted = System.nanoTime();
                            SetupKillLane.Outcome outcome = endpoint.kill(i + 1, step, fractions.get(i), timeline);
                            outcomes.add(outcome);
                            System.out.printf("console-killed: %s: %s in %.1f s%n", outcome.label(),
                                    outcome.failure() == null && outcome.lost().isEmpty() ? "survived"
                                            : outcome.failure() + " " + outcome.lost(),
                                    (System.nanoTime() - tryStarted) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> lane : running) {
                lane.get();
            }
        } finally {
            lanes.shutdownNow();
            try (ContainerEngine engine = DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test"))) {
                TestCleanup.removeEverythingOfThisRun(engine);
            }
        }
        System.out.printf("console-killed: %d tries in %.1f s%n", outcomes.size(), (System.nanoTime() - started) / 1e9);

        FaultTally tally = new FaultTally("console-killed");
        outcomes.sort(java.util.Comparator.comparing(outcome -> Integer.parseInt(
                outcome.label().replaceAll("^try (\\d+).*", "$1"))));
        for (SetupKillLane.Outcome outcome : outcomes) {
            outcome.lost().forEach(what -> tally.lost(1, outcome.label() + ": " + what));
            tally.attempt(outcome.label(), () -> {
                if (outcome.failure() != null) {
                    throw new AssertionError(outcome.failure());
                }
                if (!outcome.lost().isEmpty()) {
                    throw new AssertionError(outcome.lost().size() + " things made twice or left behind");
                }
                return 0;
            });
        }
        tally.report();
    }
}
