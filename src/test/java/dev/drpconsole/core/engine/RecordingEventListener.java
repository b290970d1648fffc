package dev.drpconsole.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Keeps engine events and connection changes, for tests to wait on. */
final class RecordingEventListener implements EngineEventListener, EngineConnectionListener {

    final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    /** "connected", or "lost: " and the reason. */
    final BlockingQueue<String> connectionChanges = new LinkedBlockingQueue<>();
    /** The pause announced with each loss. */
    final List<Duration> retryPauses = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(EngineEvent event) {
        events.add(event);
    }

    @Override
    public void onConnected() {
        connectionChanges.add("connected");
    }

    @Override
    public void onLost(String reason, Duration nextRetry) {
        retryPauses.add(nextRetry);
        connectionChanges.add("lost: " + reason);
    }

    String nextConnectionChange(Duration timeout) throws InterruptedException {
        String change = connectionChanges.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return change == null ? "(no change within " + timeout.toSeconds() + " s)" : change;
    }

    /** Waits until the container had all these actions, in any order; returns whether it did in time. */
    boolean awaitActions(String containerId, Duration timeout, String... actions) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!actionsOf(containerId).containsAll(List.of(actions))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    List<String> actionsOf(String containerId) {
        return events.stream().filter(event -> event.id().equals(containerId)).map(EngineEvent::action).toList();
    }
}
