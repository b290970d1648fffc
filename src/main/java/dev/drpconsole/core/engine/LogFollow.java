package dev.drpconsole.core.engine;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One followed container log: assembles frames into lines and hands them to the listener until the log ends or
 * the follow is closed. Deliveries and {@link #close()} share a lock, so once close returns no more lines arrive.
 *
 * <p>The engine is always asked for timestamps (they are dropped from the lines unless the caller wanted them):
 * Docker 20.10 ends a followed log without the container's last line when that line has no line break, so when
 * the log ends this fetches the log once more, unfollowed, and delivers on each stream whatever is newer than that
 * stream's newest delivered line. stdout and stderr are separate pipes whose lines interleave in time, so one
 * stream's newest line says nothing about the other's.
 */
final class LogFollow extends StreamCallback<Frame> {

    private static final Logger LOG = LoggerFactory.getLogger(LogFollow.class);

    private final Object deliveryLock = new Object();
    private final boolean callerWantsTimestamps;
    private final LogListener listener;
    private final FrameLineAssembler assembler;
    private final Function<Optional<Instant>, List<Frame>> framesAfter;
    private final EngineCalls calls;
    private final Map<LogStream, Instant> newestDelivered = new EnumMap<>(LogStream.class); // guarded by deliveryLock
    private boolean handedToCaller;

    /**
     * @param framesAfter fetches the log without following, with timestamps, from the second of the given time on
     *                    (or, given none, as much as the follow asked for)
     */
    LogFollow(boolean callerWantsTimestamps, LogListener listener,
            Function<Optional<Instant>, List<Frame>> framesAfter, EngineCalls calls) {
        this.callerWantsTimestamps = callerWantsTimestamps;
        this.listener = listener;
        this.framesAfter = framesAfter;
        this.calls = calls;
        this.assembler = new FrameLineAssembler(this::deliver);
    }

    @Override
    public void onNext(Frame frame) {
        synchronized (deliveryLock) {
            if (!isClosed()) {
                assembler.accept(streamOf(frame.getStreamType()), frame.getPayload());
            }
        }
    }

    @Override
    public void onComplete() {
        synchronized (deliveryLock) {
            if (!isClosed()) {
                assembler.finish();
            }
        }
        // Fetched outside the lock: close() must never wait for engine I/O.
        List<Frame> missed = isClosed() ? List.of() : framesTheFollowMissed();
        synchronized (deliveryLock) {
            if (!isClosed()) {
                deliverWhatEachStreamMissed(missed);
                notifyListener(listener::onEnd);
            }
        }
        super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
        // One lock with settle(): a failure goes either to the caller (before it has the handle) or to the listener.
        synchronized (deliveryLock) {
            super.onError(throwable);
            if (!isClosed() && (hasStarted() || handedToCaller)) {
                assembler.finish();
                notifyListener(() -> listener.onFailure(calls.translate(throwable)));
            }
        }
    }

    @Override
    public void close() {
        synchronized (deliveryLock) {
            super.close();
        }
    }

    /**
     * Hands the follow to the caller: returns the failure that kept it from starting (for the caller to throw), or
     * empty when it started or is still starting, in which case later failures go to the listener.
     */
    Optional<Throwable> settle() {
        synchronized (deliveryLock) {
            handedToCaller = true;
            return hasStarted() ? Optional.empty() : failure();
        }
    }

    /**
     * For an engine that never answered the request: the listener hears it (the caller already has the handle),
     * and the follow stops, so a late answer delivers nothing.
     */
    void failUnanswered(EngineException failure) {
        synchronized (deliveryLock) {
            if (!isClosed() && !hasStarted()) {
                notifyListener(() -> listener.onFailure(failure));
                super.close();
            }
        }
    }

    /** Fetched from the oldest of the streams' newest lines, so that no stream's missed line is before it. */
    private List<Frame> framesTheFollowMissed() {
        Optional<Instant> from;
        synchronized (deliveryLock) {
            from = newestDelivered.values().stream().min(Instant::compareTo);
        }
        try {
            return framesAfter.apply(from);
        } catch (RuntimeException e) {
            LOG.debug("Could not check for log lines after the end of a followed log", e);
            return List.of();
        }
    }

    private void deliverWhatEachStreamMissed(List<Frame> frames) {
        Map<LogStream, Instant> deliveredUpTo = new EnumMap<>(newestDelivered);
        FrameLineAssembler catchUp = new FrameLineAssembler(line -> {
            Instant upTo = deliveredUpTo.get(line.stream());
            if (upTo == null || line.timestamp().filter(time -> time.isAfter(upTo)).isPresent()) {
                deliver(line);
            }
        });
        frames.forEach(frame -> catchUp.accept(streamOf(frame.getStreamType()), frame.getPayload()));
        catchUp.finish();
    }

    private void deliver(LogLine line) {
        line.timestamp().ifPresent(time -> newestDelivered.put(line.stream(), time));
        LogLine shown = callerWantsTimestamps ? line : LogLine.of(line.stream(), line.text());
        notifyListener(() -> listener.onLine(shown));
    }

    private static void notifyListener(Runnable call) {
        StreamCallback.notifyListener(call, "log listener");
    }

    private static LogStream streamOf(StreamType type) {
        return type == StreamType.STDERR ? LogStream.STDERR : LogStream.STDOUT;
    }
}
