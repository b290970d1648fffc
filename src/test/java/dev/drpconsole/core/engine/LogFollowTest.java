package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LogFollow without an engine: frames are fed by hand, the end-of-log catch-up is a stub. */
class LogFollowTest {

    static final String T1 = "2026-11-25T08:00:01.100000000Z";
    static final String T2 = "2026-11-25T08:00:01.200000000Z";
    static final String T3 = "2026-11-25T08:00:01.300000000Z";
    static final EngineCalls CALLS = new EngineCalls(new EngineErrorTranslator(
            EngineEndpoint.of(URI.create("unix:///var/run/docker.sock"), "default socket")), "unix:///var/run/docker.sock");

    final RecordingLogListener listener = new RecordingLogListener();
    final List<Optional<Instant>> catchUpRequests = new ArrayList<>();
    List<Frame> framesAtTheEnd = List.of();

    @Test
    void lineTheFollowMissedAtTheEndIsDeliveredOnceAndWithoutDuplicates() {
        framesAtTheEnd = List.of(stdout(T1 + " first\n"), stdout(T2 + " second\n"), stdout(T3 + " last words"));
        LogFollow follow = follow(false);

        follow.onNext(stdout(T1 + " first\n"));
        follow.onNext(stdout(T2 + " second\n"));
        follow.onComplete();

        assertEquals(List.of("first", "second", "last words"), listener.texts());
        assertEquals(List.of(Optional.of(Instant.parse(T2))), catchUpRequests);
        assertTrue(listener.lines.stream().allMatch(line -> line.timestamp().isEmpty()), "not asked for timestamps");
        assertEquals(0, listener.ended.getCount());
    }

    @Test
    void timestampsStayWhenAskedFor() {
        LogFollow follow = follow(true);

        follow.onNext(stdout(T1 + " first\n"));
        follow.onComplete();

        assertEquals(Optional.of(Instant.parse(T1)), listener.lines.get(0).timestamp());
    }

    @Test
    void lineOutOfTimeOrderOnTheOtherStreamIsNotDeliveredTwice() {
        framesAtTheEnd = List.of(stdout(T1 + " out\n"), stderr(T2 + " err\n"));
        LogFollow follow = follow(false);

        follow.onNext(stderr(T2 + " err\n"));
        follow.onNext(stdout(T1 + " out\n"));
        follow.onComplete();

        assertEquals(List.of("err", "out"), listener.texts());
    }

    @Test
    void stdoutLastLineOlderThanTheLastStderrLineIsStillCaughtUp() {
        framesAtTheEnd = List.of(stdout(T1 + " first\n"), stdout(T2 + " last words"), stderr(T3 + " err\n"));
        LogFollow follow = follow(false);

        follow.onNext(stdout(T1 + " first\n"));
        follow.onNext(stderr(T3 + " err\n"));
        follow.onComplete();

        assertEquals(List.of("first", "err", "last words"), listener.texts());
        assertEquals(List.of(Optional.of(Instant.parse(T1))), catchUpRequests, "from the older stream's newest line");
    }

    @Test
    void engineThatNeverAnsweredIsReportedToTheListenerAndNothingFollows() {
        LogFollow follow = follow(false);
        assertTrue(follow.settle().isEmpty());

        follow.failUnanswered(CALLS.noAnswerWithin(EngineCalls.ANSWER_DEADLINE));
        follow.onStart(() -> { });
        follow.onNext(stdout(T1 + " late\n"));

        assertTrue(listener.failure.getMessage().contains("did not answer within 5 s"), listener.failure.getMessage());
        assertEquals(List.of(), listener.texts());
    }

    @Test
    void nothingArrivesAfterClose() {
        framesAtTheEnd = List.of(stdout(T3 + " late\n"));
        LogFollow follow = follow(false);
        follow.onNext(stdout(T1 + " before\n"));

        follow.close();
        follow.onNext(stdout(T2 + " after\n"));
        follow.onComplete();

        assertEquals(List.of("before"), listener.texts());
        assertEquals(1, listener.ended.getCount(), "a closed follow does not report an end");
        assertEquals(List.of(), catchUpRequests);
    }

    @Test
    void failureBeforeTheCallerHasTheHandleGoesToTheCallerOnly() {
        LogFollow follow = follow(false);

        follow.onError(new RuntimeException(new SocketException("No such file or directory")));

        assertTrue(follow.settle().isPresent());
        assertNull(listener.failure);
    }

    @Test
    void failureAfterTheCallerHasTheHandleGoesToTheListener() {
        LogFollow follow = follow(false);
        follow.onStart(() -> { });
        assertTrue(follow.settle().isEmpty());

        follow.onError(new RuntimeException(new SocketException("Connection reset")));

        assertInstanceOf(EngineUnavailableException.class, listener.failure);
    }

    private LogFollow follow(boolean timestamps) {
        return new LogFollow(timestamps, listener, since -> {
            catchUpRequests.add(since);
            return framesAtTheEnd;
        }, CALLS);
    }

    private static Frame stdout(String text) {
        return new Frame(StreamType.STDOUT, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Frame stderr(String text) {
        return new Frame(StreamType.STDERR, text.getBytes(StandardCharsets.UTF_8));
    }
}
