package dev.drpconsole.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final ExecutorService io = Executors.newCachedThreadPool();
    /** Stands in for the FX thread: callbacks queue here and run when the test drains them. */
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        io.shutdownNow();
    }

    @Test
    void inlineRunsTheCallThenItsCallbacksInOrder() {
        BackgroundTask.wrap(() -> "result").onRunning(() -> seen.add("running")).onSuccess(r -> seen.add("got " + r))
                .onFailure(e -> seen.add("failed")).onFinished(() -> seen.add("finished"))
                .executeWith(TaskRunner.inline());

        BackgroundTask.wrap(() -> {
            throw new IllegalStateException("no engine");
        }).onFailure(e -> seen.add("failed: " + e.getMessage())).executeWith(TaskRunner.inline());

        assertEquals(List.of("running", "got result", "finished", "failed: no engine"), seen);
    }

    @Test
    void aNewerTaskInTheSameSlotDropsTheOlderResult() throws Exception {
        TaskRunner runner = new TaskRunner(io, ui::add);
        TaskSlot details = new TaskSlot();
        CountDownLatch slowMayAnswer = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);

        BackgroundTask.wrap(() -> {
            slowStarted.countDown();
            slowMayAnswer.await(); // interrupted by the replacement; answers late in any case
            return "old row";
        }).in(details).onSuccess(seen::add).onFailure(e -> seen.add("old failed")).executeWith(runner);
        assertTrue(slowStarted.await(5, TimeUnit.SECONDS));
        BackgroundTask.wrap(() -> "new row").in(details).onSuccess(seen::add).executeWith(runner);
        slowMayAnswer.countDown();

        drainUi(2);
        assertEquals(List.of("new row"), seen);
    }

    @Test
    void cancelInterruptsTheCallAndCallsNothingBack() throws Exception {
        TaskRunner runner = new TaskRunner(io, ui::add);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        TaskHandle handle = BackgroundTask.wrap(() -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }).onSuccess(r -> seen.add("success")).onFailure(e -> seen.add("failure")).executeWith(runner);
        assertTrue(started.await(5, TimeUnit.SECONDS));

        handle.cancel();

        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the blocking call was interrupted");
        drainUi(1);
        assertEquals(List.of(), seen);
    }

    /** Runs up to {@code expected} callbacks that arrive within a second each. */
    private void drainUi(int expected) throws InterruptedException {
        for (int i = 0; i < expected; i++) {
            Runnable callback = ui.poll(1, TimeUnit.SECONDS);
            if (callback != null) {
                callback.run();
            }
        }
    }
}
