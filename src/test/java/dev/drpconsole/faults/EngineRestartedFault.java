package dev.drpconsole.faults;

import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.ui.containers.ContainerRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault {@code engine-restarted}: the runner engine is restarted under the Containers view while the view watches
 * its containers and follows a runner's log. The engine is a dockerd of this fault's own ({@link DedicatedDockerd}),
 * never the one the tests share; it is restarted {@value #RESTARTS} times, by turns cleanly (SIGTERM, as a service
 * manager restarts it) and by a crash (SIGKILL).
 *
 * <p>What a user should see: live restore is off (Docker's default), so the engine's stop stops the runner; the
 * runner has the restart policy "always", so the engine starts it again when it comes back, as an endpoint's plugin
 * would start its runner again. Each restart then survives when, by themselves (no Retry, no new selection): the
 * view, having said the engine went away, lists the runner as running again with the page ready, and the followed
 * log goes on with the container's new start, without a failure told (an end may be told: the container did stop). Lost is every line the view shows twice, every line the engine has ({@code docker logs}, from the first
 * shown line on) that the view lacks, and every shown line the engine does not have.
 */
@Tag("engine")
@Tag("sandbox")
@Tag("display")
class EngineRestartedFault {
    private static final int RESTARTS = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @TempDir
    Path work;

    @Test
    void theViewsAndTheFollowedLogResumeAfterEachRestart() throws Exception {
        FaultTally tally = new FaultTally("engine-restarted");
        try (DedicatedDockerd dockerd = DedicatedDockerd.start();
                FollowedRunnerLog view = FollowedRunnerLog.withRunnerMachine(work.resolve("sandbox"));
                EngineHandle engine = new EngineHandle(() -> DockerEngine.open(EngineEndpoint.of(dockerd.host(),
                        "the fault's dedicated dockerd")))) {
            List<String> run = new ArrayList<>(List.of("run", "-d", "--restart=always", "--init", "--network=none",
                    "--name", view.containerName()));
            run.addAll(FollowedRunnerLog.labelArguments());
            run.addAll(List.of(TestEnv.get().baseImage(), "bash", "-c", FollowedRunnerLog.NUMBERED_LINES));
            dockerd.docker(run.toArray(String[]::new));

            view.show(engine);
            ContainerRow runner = view.awaitRunnerRunning(PATIENCE);
            view.follow(runner);
            view.awaitShown("boot-1 line-20", PATIENCE);

            for (int restart = 1; restart <= RESTARTS; restart++) {
                boolean kill = restart % 2 == 0;
                int boot = restart + 1;
                String label = (kill ? "SIGKILL " : "SIGTERM ") + restart;
                long started = System.nanoTime();
                tally.attempt(label, () -> {
                    int outagesBefore = view.outagesShown();
                    dockerd.restart(kill);
                    FollowedRunnerLog.waitFor("the view says the engine went away", PATIENCE,
                            () -> view.outagesShown() > outagesBefore);
                    view.awaitRunnerRunning(PATIENCE);
                    view.awaitShown("boot-" + boot + " line-20", PATIENCE);
                    return lostSoFar(dockerd, view);
                });
                System.out.printf("[engine-restarted] %s: %.1f s, %d lines shown, ends told %d%n", label,
                        (System.nanoTime() - started) / 1e9, view.shown().size(), view.endings().size());
            }
            try {
                tally.lost(lostSoFar(dockerd, view), "lines lost at the end");
            } catch (AssertionError | Exception e) {
                tally.lost(1, "the final comparison failed: " + e.getMessage());
            }
        }
        tally.report();
    }

    private int lostReported;

    /**
     * Compares the shown log with the engine's once the view has caught up with the engine's newest line; returns
     * what was lost since the last comparison (the counts only grow).
     */
    private int lostSoFar(DedicatedDockerd dockerd, FollowedRunnerLog view) throws Exception {
        List<String> engineLines = dockerd.docker("logs", view.containerName()).lines().toList();
        view.awaitShown(FollowedRunnerLog.last(engineLines), PATIENCE);
        FollowedRunnerLog.Lost lost = FollowedRunnerLog.compare(view.shown(), engineLines);
        if (!view.failures().isEmpty()) {
            throw new AssertionError("the follow failed instead of resuming: " + view.failures());
        }
        int now = lost.count() - lostReported;
        if (now > 0) {
            System.out.println("[engine-restarted] lost " + lost.summary());
        }
        lostReported = lost.count();
        return Math.max(0, now);
    }
}
