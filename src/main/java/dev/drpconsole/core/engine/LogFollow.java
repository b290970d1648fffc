package dev.drpconsole.core.engine;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One followed container log: assembles frames into lines and hands them to the listener until the log ends or
 * the follow is closed. Deliveries and {@link #close()} share a lock, so once close returns no more lines arrive.
 */
final class LogFollow extends StreamCallback<Frame> {

    private static final Logger LOG = LoggerFactory.getLogger(LogFollow.class);

    private final Object deliveryLock = new Object();
    private final LogListener listener;
    private final FrameLineAssembler assembler;
    private final EngineErrorTranslator errors;
    private boolean handedToCaller;

    LogFollow(boolean timestamped, LogListener listener, EngineErrorTranslator errors) {
        this.listener = listener;
        this.errors = errors;
        this.assembler = new FrameLineAssembler(timestamped, this::deliver);
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

    private void deliver(LogLine line) {
        notifyListener(() -> listener.onLine(line));
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
