package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A followed log across the container's own restarts, on the real Docker engine: a runner the engine starts again by
 * its restart policy (as after the engine itself restarted: its stop ended the log), or that is stopped and started
 * again, goes on in the same follow, without a repeat or a gap; a container that stops is told as ended.
 */
@Tag("engine")
class ResumingLogFollowTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final TestEnv ENV = TestEnv.get();

    @AfterAll
    static void removeWhatThisRunCreated() {
        try (DockerEngine engine = EngineTestSupport.openProvisionedEngine(ENV.dockerHost())) {
            TestCleanup.removeEverythingOfThisRun(engine);
        }
    }

    @Test
    void aContainerTheEngineStartsAgainIsFollowedOnWithoutARepeatOrAGap() throws Exception {
        // Three starts of 10 lines each: the first two exit, the restart policy starts them again; the third stays.
        String id = dockerRun("--restart=always", "bash", "-c", "b=$(( $(cat /tmp/boot 2>/dev/null || echo 0) + 1 ));"
                + " echo $b > /tmp/boot; for n in $(seq 1 10); do echo boot-$b line-$n; sleep 0.05; done;"
                + " if [ $b -ge 3 ]; then exec sleep 60; fi");
        try (DockerEngine engine = EngineTestSupport.openProvisionedEngine(ENV.dockerHost())) {
            RecordingLogListener logs = new RecordingLogListener();
            try (Closeable follow = ResumingLogFollow.start(() -> engine, id, LogOptions.everything(), logs,
                    ForkJoinPool.commonPool())) {
                boolean all = logs.awaitLines(line -> line.text().equals("boot-3 line-10"), 1, PATIENCE);
                assertTrue(all, "the follow went on through the restarts: " + logs.texts() + ", ended: "
                        + (logs.ended.getCount() == 0) + ", failure: " + logs.failure);
            }
            List<String> expected = IntStream.rangeClosed(1, 3).boxed().flatMap(boot -> IntStream.rangeClosed(1, 10)
                    .mapToObj(n -> "boot-" + boot + " line-" + n)).toList();
            assertEquals(expected, logs.texts(), "every line once, in order");
            assertEquals(1, logs.ended.getCount(), "no end was told: the container runs");
        }
    }

    @Test
    void aContainerStoppedAndStartedAgainIsToldAsEndedThenFollowedOn() throws Exception {
        String id = dockerRun("bash", "-c", "b=$(( $(cat /tmp/boot 2>/dev/null || echo 0) + 1 )); echo $b > /tmp/boot;"
                + " for n in 1 2 3; do echo boot-$b line-$n; done; exec sleep 60");
        try (DockerEngine engine = EngineTestSupport.openProvisionedEngine(ENV.dockerHost())) {
            RecordingLogListener logs = new RecordingLogListener();
            try (Closeable follow = ResumingLogFollow.start(() -> engine, id, LogOptions.everything(), logs,
                    ForkJoinPool.commonPool())) {
                assertTrue(logs.awaitLines(line -> true, 3, PATIENCE));
                engine.containers().stop(id, Duration.ofSeconds(5));
                assertTrue(logs.awaitEnd(PATIENCE), "the stop is told");

                engine.containers().start(id);

                assertTrue(logs.awaitLines(line -> line.text().equals("boot-2 line-3"), 1, PATIENCE),
                        "the follow went on: " + logs.texts());
            }
            assertEquals(List.of("boot-1 line-1", "boot-1 line-2", "boot-1 line-3", "boot-2 line-1", "boot-2 line-2",
                    "boot-2 line-3"), logs.texts());
            assertEquals(null, logs.failure);
        }
    }

    @Test
    void aContainerThatStaysStoppedEndsTheFollow() throws Exception {
        String id = dockerRun("bash", "-c", "for n in 1 2 3; do echo line-$n; sleep 0.2; done");
        try (DockerEngine engine = EngineTestSupport.openProvisionedEngine(ENV.dockerHost())) {
            RecordingLogListener logs = new RecordingLogListener();
            try (Closeable follow = ResumingLogFollow.start(() -> engine, id, LogOptions.everything(), logs,
                    ForkJoinPool.commonPool())) {
                assertTrue(logs.awaitEnd(PATIENCE), "the end is told: " + logs.texts());
            }
            assertEquals(List.of("line-1", "line-2", "line-3"), logs.texts());
            assertEquals(null, logs.failure);
        }
    }

    /** Starts a labelled container of the base image with the docker CLI (for its restart policy); returns its id. */
    private static String dockerRun(String... argumentsAfterImageOrOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "-H", ENV.dockerHost().toString(), "run", "-d",
                "--init", "--label", TestLabels.KEY + "=" + TestLabels.runId()));
        List<String> rest = List.of(argumentsAfterImageOrOptions);
        List<String> options = rest.stream().takeWhile(argument -> argument.startsWith("--")).toList();
        command.addAll(options);
        command.add(ENV.baseImage());
        command.addAll(rest.subList(options.size(), rest.size()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, command + ": " + output);
        return Stream.of(output.split("\n")).reduce((first, second) -> second).orElseThrow();
    }
}
