package dev.drpconsole.core.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescingTaskTest {
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aBurstOfRequestsCostsOneRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        CoalescingTask task = new CoalescingTask(() -> {
            runs.incrementAndGet();
            ran.countDown();
        }, Duration.ofMillis(100), executor);
        for (int i = 0; i < 50; i++) {
            task.request();
        }
        assertTrue(ran.await(2, TimeUnit.SECONDS));
        Thread.sleep(300);
        assertEquals(1, runs.get());
    }

    @Test
    void requestsDuringARunGiveExactlyOneMoreRunAndRunsNeverOverlap() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CoalescingTask task = new CoalescingTask(() -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            firstStarted.countDown();
            if (runs.incrementAndGet() == 1) {
                await(release);
            }
            running.decrementAndGet();
        }, Duration.ZERO, executor);
        task.request();
        assertTrue(firstStarted.await(2, TimeUnit.SECONDS));
        task.request();
        task.request();
        release.countDown();
        Thread.sleep(300);
        assertEquals(2, runs.get());
        assertEquals(0, overlaps.get());
    }

    @Test
    void nothingRunsAfterClose() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CoalescingTask task = new CoalescingTask(runs::incrementAndGet, Duration.ofMillis(100), executor);
        task.request();
        task.close();
        task.request();
        Thread.sleep(300);
        assertEquals(0, runs.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
