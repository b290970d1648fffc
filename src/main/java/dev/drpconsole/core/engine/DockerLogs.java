package dev.drpconsole.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.LogContainerCmd;
import com.github.dockerjava.api.model.Frame;
import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Container logs over docker-java: starts {@link LogFollow}s and keeps the open ones, to stop them on close. */
final class DockerLogs {

    private final DockerClient docker;
    private final EngineErrorTranslator errors;
    private final Set<LogFollow> openFollows = ConcurrentHashMap.newKeySet();

    DockerLogs(DockerClient docker, EngineErrorTranslator errors) {
        this.docker = docker;
        this.errors = errors;
    }

    /** See {@link EngineContainers#followLogs}. */
    Closeable follow(String idOrName, LogOptions options, LogListener listener) {
        LogContainerCmd command = logCommand(idOrName, options.since()).withFollowStream(true);
        options.tail().ifPresent(command::withTail);
        LogFollow follow = new LogFollow(options.timestamps(), listener,
                newestDelivered -> framesAfter(idOrName, newestDelivered, options), errors);
        openFollows.add(follow);
        follow.whenEnded(() -> openFollows.remove(follow));
        command.exec(follow);
        throwIfNotStarted(follow);
        return follow;
    }

    /** Stops every log still followed, without telling their listeners. */
    void closeAll() {
        openFollows.forEach(LogFollow::close);
    }

    private LogContainerCmd logCommand(String idOrName, Optional<Instant> since) {
        LogContainerCmd command = docker.logContainerCmd(idOrName)
                .withStdOut(true)
                .withStdErr(true)
                .withTimestamps(true); // LogFollow needs them; it drops them unless asked for
        since.ifPresent(time -> command.withSince((int) time.getEpochSecond()));
        return command;
    }

    /**
     * The log as it is now, without following: from the second of the last line delivered, or, when none was, the
     * part the options asked for.
     */
    private List<Frame> framesAfter(String idOrName, Optional<Instant> newestDelivered, LogOptions options) {
        LogContainerCmd command = logCommand(idOrName, newestDelivered.or(options::since));
        if (newestDelivered.isEmpty()) {
            options.tail().ifPresent(command::withTail);
        }
        FrameCollector collector = command.exec(new FrameCollector());
        try {
            collector.awaitEnd(DockerEngine.ANSWER_DEADLINE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            collector.close();
        }
        return collector.frames();
    }

    /** Reports a missing container or engine to the caller now, rather than later to the listener. */
    private void throwIfNotStarted(LogFollow follow) {
        try {
            follow.awaitStart(DockerEngine.ANSWER_DEADLINE);
        } catch (InterruptedException e) {
            follow.close();
            Thread.currentThread().interrupt();
            throw new EngineException("Interrupted while starting to follow a log", 0, e);
        }
        Optional<Throwable> failure = follow.settle();
        if (failure.isPresent()) {
            throw errors.translate(failure.get());
        }
    }
}
