package dev.drpconsole.core.engine;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.time.Instant;
import java.util.List;
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
 * the log ends this fetches the log once more, unfollowed, from the newest delivered line's second on, and
 * delivers whatever is newer than that line.
 */
final class LogFollow extends StreamCallback<Frame> {

    private static final Logger LOG = LoggerFactory.getLogger(LogFollow.class);

    private final Object deliveryLock = new Object();
    private final boolean callerWantsTimestamps;
    private final LogListener listener;
    private final FrameLineAssembler assembler;
    private final Function<Optional<Instant>, List<Frame>> framesAfter;
    private final EngineErrorTranslator errors;
    private volatile Instant newestDelivered;
    private boolean handedToCaller;

    /**
     * @param framesAfter fetches the log without following, with timestamps, from the second of the given last
     *                    delivered line on (or, given none, as much as the follow asked for)
     */
    LogFollow(boolean callerWantsTimestamps, LogListener listener,
            Function<Optional<Instant>, List<Frame>> framesAfter, EngineErrorTranslator errors) {
        this.callerWantsTimestamps = callerWantsTimestamps;
        this.listener = listener;
        this.framesAfter = framesAfter;
        this.errors = errors;
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
                deliverNewerThan(newestDelivered, missed);
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
                notifyListener(() -> listener.onFailure(errors.translate(throwable)));
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

    private List<Frame> framesTheFollowMissed() {
        try {
            return framesAfter.apply(Optional.ofNullable(newestDelivered));
        } catch (RuntimeException e) {
            LOG.debug("Could not check for log lines after the end of a followed log", e);
            return List.of();
        }
    }

    private void deliverNewerThan(Instant deliveredUpTo, List<Frame> frames) {
        FrameLineAssembler catchUp = new FrameLineAssembler(line -> {
            if (deliveredUpTo == null || line.timestamp().filter(time -> time.isAfter(deliveredUpTo)).isPresent()) {
                deliver(line);
            }
        });
        frames.forEach(frame -> catchUp.accept(streamOf(frame.getStreamType()), frame.getPayload()));
        catchUp.finish();
    }

    private void deliver(LogLine line) {
        // The newest, not the last: stdout and stderr lines may arrive slightly out of time order.
        line.timestamp().filter(time -> newestDelivered == null || time.isAfter(newestDelivered))
                .ifPresent(time -> newestDelivered = time);
        LogLine shown = callerWantsTimestamps ? line : LogLine.of(line.stream(), line.text());
        notifyListener(() -> listener.onLine(shown));
    }

    // A failing listener must not end the follow for the lines that come after.
    private static void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A log listener failed; following continues", e);
        }
    }

    private static LogStream streamOf(StreamType type) {
        return type == StreamType.STDERR ? LogStream.STDERR : LogStream.STDOUT;
    }
}
