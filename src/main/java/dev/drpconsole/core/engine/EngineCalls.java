package dev.drpconsole.core.engine;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How every call reaches the engine: refused once the engine is closed, failures translated, and quick calls held to
 * {@link #ANSWER_DEADLINE}. The transport's own response timeout does not work on unix sockets (docker-java reads
 * them through a channel that ignores socket timeouts), so a hung engine would otherwise block a caller forever.
 */
final class EngineCalls {

    /** How long a quick call (info, list, inspect, start, remove, ...) waits for the engine's answer. */
    static final Duration ANSWER_DEADLINE = Duration.ofSeconds(5);
    /** Quick calls waiting at once beyond this queue up; their deadline still counts from the call. */
    private static final int DEADLINE_THREADS = 8;

    /**
     * Shared by all engines. A call that missed its deadline is interrupted, which closes its socket channel, so
     * a hung engine does not hold on to the threads.
     */
    private static final ThreadPoolExecutor CALLERS = newCallers();

    private final EngineErrorTranslator errors;
    private final String host;
    private volatile boolean closed;

    EngineCalls(EngineErrorTranslator errors, String host) {
        this.errors = errors;
        this.host = host;
    }

    /** A quick call: answered within {@link #ANSWER_DEADLINE}, or reported as an engine that does not answer. */
    <T> T answer(Supplier<T> call) {
        return answer(Duration.ZERO, call);
    }

    /** A quick call that may legitimately take {@code extra} longer, e.g. a stop that waits for the container. */
    <T> T answer(Duration extra, Supplier<T> call) {
        checkOpen();
        Duration deadline = ANSWER_DEADLINE.plus(extra);
        Future<T> answer = CALLERS.submit(call::get);
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw errors.noAnswerWithin(deadline, e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while waiting for the engine", 0, e);
        }
    }

    /** A long call (build, save, load, the start of a stream): no deadline, the caller decides how long. */
    <T> T call(Supplier<T> call) {
        checkOpen();
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** Failures after close are the closed connection pool talking, not the engine: say so instead. */
    EngineException translate(Throwable failure) {
        return closed ? closedError() : errors.translate(failure);
    }

    EngineUnavailableException noAnswerWithin(Duration deadline) {
        return errors.noAnswerWithin(deadline, null);
    }

    void checkOpen() {
        if (closed) {
            throw closedError();
        }
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
    }

    private EngineException closedError() {
        return new EngineException("The connection to the engine at " + host + " was closed; open a new one");
    }

    private static ThreadPoolExecutor newCallers() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(DEADLINE_THREADS, DEADLINE_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "engine-call-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
