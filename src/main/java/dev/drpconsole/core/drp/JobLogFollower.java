package dev.drpconsole.core.drp;

import dev.drpconsole.core.concurrent.CoalescingTask;
import dev.drpconsole.core.concurrent.Repeating;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads one job's log by byte range and hands each new piece to a sink, for as long as the job runs. DRP has no
 * log stream: the agent uploads output about once a second, so this reads when the job changes (its events) and
 * polls every {@value #POLL_MS} ms while it runs. Once the job is over (finished or failed; an incomplete job is
 * run again under the same UUID, its output appended, so it is followed on) it reads on until the log has not grown
 * for {@value #TAIL_QUIET_MS} ms (at most {@value #TAIL_MAX_MS} ms), and only then ends the output: drpcli patches
 * the job's final state first and flushes the rest of its output after (v4.7.0 agent/taskRunner.go: the deferred
 * final patch, then {@code Close()}), and uploads about once a second. Reads never overlap, and requests that come
 * during a read are folded into one more. It serves the Jobs view (the selected job's output) and the setup's
 * test-job step alike.
 */
public final class JobLogFollower implements AutoCloseable {
    /**
     * Short enough that a stored line is drawn within 300 ms (issue 14's goal for the console's part; the agent's own
     * upload cadence is a second), and only while a followed job runs: nothing is asked of an idle endpoint.
     */
    public static final long POLL_MS = 200;
    /** Longer than the agent's one-second upload cadence, so its last upload is not taken for the end. */
    static final long TAIL_QUIET_MS = 2_000;
    static final long TAIL_MAX_MS = 10_000;

    private final DrpClient client;
    private final String jobUuid;
    private final Executor io;
    private final JobLogListener sink;
    private final Consumer<String> failure;
    private final CoalescingTask reader;
    private long offset; // only touched by reads, which never overlap
    private Repeating poll; // guarded by this
    private boolean ended; // guarded by this
    private boolean finished; // guarded by this: the sink has been told the output ended
    private long endedAt; // System.nanoTime() when the job was first seen over; guarded by this
    private long grewAt; // System.nanoTime() of the last read that found more after the end; guarded by this
    private boolean failedOnce; // guarded by this
    private boolean closed; // guarded by this

    /**
     * @param sink    gets each new piece of the log, and the end, on a background thread
     * @param failure gets a plain-words reason when the log cannot be read, on a background thread
     */
    public JobLogFollower(DrpClient client, String jobUuid, Executor io, JobLogListener sink,
                          Consumer<String> failure) {
        this.client = client;
        this.jobUuid = jobUuid;
        this.io = io;
        this.sink = sink;
        this.failure = failure;
        this.reader = new CoalescingTask(this::read, Duration.ZERO, io);
    }

    /** Reads what there is, and keeps polling while the job runs. */
    public synchronized void start(Job job) {
        if (job.archived()) {
            failure.accept("DRP has archived this job's log; it can no longer be read.");
            return;
        }
        follow(job);
    }

    /**
     * The job changed (an event): read now. Once it is over, reads go on until the log is quiet, then the output
     * ends; while it is incomplete, polling pauses until DRP runs it again under the same UUID, and its re-run's
     * output then follows in the same log.
     */
    public synchronized void jobChanged(Job job) {
        if (closed || job.archived()) {
            return;
        }
        follow(job);
    }

    private synchronized void follow(Job job) {
        if (finished) {
            return;
        }
        if (job.isOver() && !ended) {
            endedAt = System.nanoTime();
            grewAt = endedAt;
        }
        ended = job.isOver();
        reader.request();
        boolean reading = job.isRunning() || ended; // after the end: the tail the agent flushes late
        if (reading && poll == null) {
            poll = Repeating.every(Duration.ofMillis(POLL_MS), reader::request, io);
        } else if (!reading) {
            stopPolling();
        }
    }

    private synchronized void stopPolling() {
        if (poll != null) {
            poll.close();
            poll = null;
        }
    }

    private void read() {
        JobLogChunk chunk;
        try {
            chunk = client.jobLog(jobUuid, offset);
        } catch (DrpException e) {
            reportOnce("Could not read the job's log: " + e.getMessage());
            synchronized (this) {
                if (ended && System.nanoTime() - endedAt >= TimeUnit.MILLISECONDS.toNanos(TAIL_MAX_MS)) {
                    stopPolling(); // the job is over and its log will not be read: no endless retries
                }
            }
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            offset = chunk.nextOffset();
            failedOnce = false;
            if (!chunk.text().isEmpty()) {
                sink.append(chunk.text());
            }
            if (ended && !finished) {
                long now = System.nanoTime();
                if (!chunk.text().isEmpty()) {
                    grewAt = now;
                }
                if (now - grewAt >= TimeUnit.MILLISECONDS.toNanos(TAIL_QUIET_MS)
                        || now - endedAt >= TimeUnit.MILLISECONDS.toNanos(TAIL_MAX_MS)) {
                    finished = true;
                    stopPolling();
                    sink.finish();
                }
            }
        }
    }

    /** A poll that keeps failing says so once, not twice a second. */
    private synchronized void reportOnce(String message) {
        if (!closed && !failedOnce) {
            failedOnce = true;
            failure.accept(message);
        }
    }

    /** Stops reading; nothing reaches the sink after this returns. */
    @Override
    public synchronized void close() {
        closed = true;
        reader.close();
        stopPolling();
    }
}
