package dev.drpconsole.core.drp;

import dev.drpconsole.core.concurrent.CoalescingTask;
import dev.drpconsole.core.concurrent.Repeating;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Reads one job's log by byte range and hands each new piece to a sink, for as long as the job runs. DRP has no
 * log stream: the agent uploads output about once a second, so this reads when the job changes (its events) and
 * polls every {@value #POLL_MS} ms while it runs, and stops after one last read once the job is over (finished or
 * failed; an incomplete job is run again under the same UUID, its output appended, so it is followed on). Reads
 * never overlap, and requests that come during a read are folded into one more. It serves the Jobs view (the
 * selected job's output) and the setup's test-job step alike.
 */
public final class JobLogFollower implements AutoCloseable {
    public static final long POLL_MS = 500;

    private final DrpClient client;
    private final String jobUuid;
    private final Executor io;
    private final JobLogListener sink;
    private final Consumer<String> failure;
    private final CoalescingTask reader;
    private long offset; // only touched by reads, which never overlap
    private Repeating poll; // guarded by this
    private boolean ended; // guarded by this
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
     * The job changed (an event): read now. Once it is over, this is the last read; while it is incomplete, polling
     * pauses until DRP runs it again under the same UUID, and its re-run's output then follows in the same log.
     */
    public synchronized void jobChanged(Job job) {
        if (closed || job.archived()) {
            return;
        }
        follow(job);
    }

    private synchronized void follow(Job job) {
        ended = job.isOver();
        reader.request();
        if (job.isRunning() && poll == null) {
            poll = Repeating.every(Duration.ofMillis(POLL_MS), reader::request, io);
        } else if (!job.isRunning() && poll != null) {
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
            if (ended) {
                sink.finish();
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
        if (poll != null) {
            poll.close();
            poll = null;
        }
    }
}
