package dev.drpconsole.core.engine;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Container logs: starts {@link LogFollow}s and keeps the open ones, to stop them on close. */
final class DockerLogs {

    private final DockerHttpClient http;
    private final EngineCalls calls;
    private final Set<LogFollow> openFollows = ConcurrentHashMap.newKeySet();

    DockerLogs(DockerHttpClient http, EngineCalls calls) {
        this.http = http;
        this.calls = calls;
    }

    /** See {@link EngineContainers#followLogs}. */
    Closeable follow(String idOrName, LogOptions options, LogListener listener) {
        calls.checkOpen();
        LogFollow follow = new LogFollow(options.timestamps(), listener,
                newestDelivered -> framesAfter(idOrName, newestDelivered, options), calls);
        openFollows.add(follow);
        follow.whenEnded(() -> openFollows.remove(follow));
        LogRequest.of(http, idOrName, true, options.since(), options.tail()).exec(follow);
        throwIfNotStarted(follow);
        return follow;
    }

    /** Stops every log still followed, without telling their listeners. */
    void closeAll() {
        openFollows.forEach(LogFollow::close);
    }

    /**
     * The log as it is now, without following: from the second of the given time on, or, given none, the part the
     * options asked for.
     */
    private List<Frame> framesAfter(String idOrName, Optional<Instant> newestDelivered, LogOptions options) {
        OptionalInt tail = newestDelivered.isEmpty() ? options.tail() : OptionalInt.empty();
        FrameCollector collector = new FrameCollector();
        LogRequest.of(http, idOrName, false, newestDelivered.or(options::since), tail).exec(collector);
        try {
            collector.awaitEnd(EngineCalls.ANSWER_DEADLINE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            collector.close();
        }
        return collector.frames();
    }

    /**
     * Reports a missing container or engine to the caller now, rather than later to the listener; an engine that
     * does not answer at all is reported to the listener, and the follow stopped.
     */
    private void throwIfNotStarted(LogFollow follow) {
        boolean answered;
        try {
            answered = follow.awaitStart(EngineCalls.ANSWER_DEADLINE);
        } catch (InterruptedException e) {
            follow.close();
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while starting to follow a log", 0, e);
        }
        Optional<Throwable> failure = follow.settle();
        if (failure.isPresent()) {
            throw calls.translate(failure.get());
        }
        if (!answered) {
            follow.failUnanswered(calls.noAnswerWithin(EngineCalls.ANSWER_DEADLINE));
        }
    }
}
