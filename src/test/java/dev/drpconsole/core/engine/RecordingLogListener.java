package dev.drpconsole.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Keeps what a followed log delivered, for tests to wait on. */
final class RecordingLogListener implements LogListener {

    final List<LogLine> lines = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);
    volatile EngineException failure;

    @Override
    public void onLine(LogLine line) {
        lines.add(line);
    }

    @Override
    public void onEnd() {
        ended.countDown();
    }

    @Override
    public void onFailure(EngineException e) {
        failure = e;
        ended.countDown();
    }

    /** Waits until at least {@code count} lines match; returns whether they did in time. */
    boolean awaitLines(Predicate<LogLine> matching, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.stream().filter(matching).count() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<String> texts() {
        return lines.stream().map(LogLine::text).toList();
    }
}
