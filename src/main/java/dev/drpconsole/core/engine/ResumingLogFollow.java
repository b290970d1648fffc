package dev.drpconsole.core.engine;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A container log followed for as long as someone reads it, across a cut connection: when the engine's connection
 * drops mid-follow (an ssh tunnel killed, the engine restarted), it opens the follow again, from the newest line
 * delivered, and delivers only what is newer on each stream, so the reader sees the log go on without a repeat or
 * a gap. It keeps trying, further apart (up to {@link #LONGEST_WAIT}), until the engine answers or the follow is
 * closed; the reader hears {@link LogListener#onFailure} only for what trying again cannot mend (the container is
 * gone). A log that ends goes on too when its container starts again (a restart policy, a restart, a runner the
 * engine stopped as it went down and starts again on its way up): the reader hears {@link LogListener#onEnd} when
 * the container has stopped, and then more lines if it starts again; only a removed container ends it for good. The
 * engine is asked each time ({@code engine.get()}), so a restarted ssh
 * tunnel or a new engine is used.
 */
public final class ResumingLogFollow implements Closeable {
    static final Duration FIRST_WAIT = Duration.ofMillis(500);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    /** The state of a stopped container that its restart policy is about to start again. */
    private static final String RESTARTING = "restarting";

    private final Supplier<ContainerEngine> engine;
    private final String container;
    private final LogOptions options;
    private final LogListener reader;
    private final Executor io;
    /** Per stream, the newest line's time and how many lines had that very time (engines may round to seconds). */
    private final Map<LogStream, Instant> newest = new EnumMap<>(LogStream.class); // guarded by this
    private final Map<LogStream, Integer> atNewest = new EnumMap<>(LogStream.class); // guarded by this
    private Closeable current; // guarded by this
    private Closeable startWatch; // guarded by this: while a stopped container's start is awaited
    private boolean closed; // guarded by this
    private int generation; // guarded by this: a late callback of a replaced follow is dropped
    private Duration wait = FIRST_WAIT; // guarded by this

    private ResumingLogFollow(Supplier<ContainerEngine> engine, String container, LogOptions options,
                              LogListener reader, Executor io) {
        this.engine = engine;
        this.container = container;
        this.options = options;
        this.reader = reader;
        this.io = io;
    }

    /**
     * Starts following; blocks until the first follow is open, as {@link EngineContainers#followLogs} does.
     *
     * @param io where a follow is opened again after a cut (it blocks while the engine answers)
     * @throws EngineException when the first follow cannot start (the container is missing, no engine answers)
     */
    public static ResumingLogFollow start(Supplier<ContainerEngine> engine, String container, LogOptions options,
                                         LogListener reader, Executor io) {
        ResumingLogFollow follow = new ResumingLogFollow(engine, container, options, reader, io);
        follow.open(options, follow.nextGeneration(), false);
        return follow;
    }

    private synchronized int nextGeneration() {
        return ++generation;
    }

    /** Opens one follow (timestamps always: they say where to resume) and keeps it, unless closed meanwhile. */
    private void open(LogOptions asked, int forGeneration, boolean resumed) {
        Segment segment = new Segment(forGeneration, resumed);
        Closeable opened = engine.get().containers().followLogs(container, asked.withTimestamps(true), segment);
        synchronized (this) {
            if (!closed && forGeneration == generation) {
                current = opened;
                return;
            }
        }
        closeQuietly(opened);
    }

    /** After a cut: from the oldest of the streams' newest lines on, no tail (what came meanwhile is wanted). */
    private synchronized LogOptions resumeOptions() {
        LogOptions resumed = LogOptions.everything().withTimestamps(true);
        return newest.values().stream().min(Instant::compareTo).map(resumed::withSince)
                .orElse(options.withTimestamps(true));
    }

    private void resumeLater(int forGeneration) {
        Duration delay;
        synchronized (this) {
            if (closed || forGeneration != generation) {
                return;
            }
            delay = wait;
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, io).execute(() -> {
            int next = nextGeneration();
            try {
                open(resumeOptions(), next, true);
            } catch (EngineUnavailableException stillCut) {
                resumeLater(next);
            } catch (EngineException gone) {
                if (isCurrent(next)) {
                    reader.onFailure(gone);
                }
            }
        });
    }

    /**
     * After the log ended: a container that runs again, or that the engine is about to start again (its restart
     * policy), or an engine that went away with it (stopping, it stopped its containers), is followed again from the
     * newest line delivered. A container that stopped is told as ended, and its start awaited (a restart, or the
     * engine's start of its runners after its own restart): then it is followed on. A removed one ends it for good.
     */
    private void endOrResume(int forGeneration) {
        AfterEnd after = afterEnd();
        if (after == AfterEnd.RESUME) {
            resumeLater(forGeneration);
            return;
        }
        if (!isCurrent(forGeneration)) {
            return;
        }
        reader.onEnd();
        if (after == AfterEnd.AWAIT_START) {
            awaitStart(forGeneration);
        }
    }

    private enum AfterEnd { RESUME, AWAIT_START, END }

    private AfterEnd afterEnd() {
        try {
            ContainerDetails now = engine.get().containers().inspect(container);
            return now.running() || RESTARTING.equals(now.state()) ? AfterEnd.RESUME : AfterEnd.AWAIT_START;
        } catch (NoEngineException none) {
            return AfterEnd.END; // no engine on purpose: nothing to come back to
        } catch (EngineUnavailableException away) {
            return AfterEnd.RESUME;
        } catch (EngineException gone) {
            return AfterEnd.END; // removed with its log
        }
    }

    /**
     * Watches the engine's container events until this container starts; asks again whenever the watch (re)connects,
     * since a start may have come while it was away, or before it opened.
     */
    private void awaitStart(int forGeneration) {
        AtomicBoolean started = new AtomicBoolean();
        Runnable check = () -> io.execute(() -> {
            if (isCurrent(forGeneration) && afterEnd() == AfterEnd.RESUME && started.compareAndSet(false, true)) {
                stopAwaitingStart();
                synchronized (this) {
                    wait = FIRST_WAIT;
                }
                resumeLater(forGeneration);
            }
        });
        Closeable watch;
        try {
            watch = engine.get().watchEvents(EventQuery.containers(), event -> {
                boolean ours = event.id().startsWith(container) || event.name().equals(container);
                if (ours && "start".equals(event.action())) {
                    check.run();
                } else if (ours && "destroy".equals(event.action())) {
                    io.execute(this::stopAwaitingStart); // removed: it never starts again
                }
            }, new EngineConnectionListener() {
                @Override
                public void onConnected() {
                    check.run();
                }
            });
        } catch (EngineException cannotWatch) {
            return; // the end stays told: nothing to watch it come back with
        }
        synchronized (this) {
            if (isCurrent(forGeneration) && !started.get() && startWatch == null) {
                startWatch = watch;
                return;
            }
        }
        closeQuietly(watch); // closed meanwhile, or started already (and resumed)
    }

    private void stopAwaitingStart() {
        Closeable watch;
        synchronized (this) {
            watch = startWatch;
            startWatch = null;
        }
        if (watch != null) {
            closeQuietly(watch);
        }
    }

    private synchronized boolean isCurrent(int forGeneration) {
        return !closed && forGeneration == generation;
    }

    @Override
    public void close() {
        Closeable open;
        Closeable watch;
        synchronized (this) {
            closed = true;
            open = current;
            current = null;
            watch = startWatch;
            startWatch = null;
        }
        if (open != null) {
            closeQuietly(open);
        }
        if (watch != null) {
            closeQuietly(watch);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            // A follow whose connection is already gone: nothing left to release.
        }
    }

    /**
     * One follow between two cuts: passes its lines on; one that resumes after a cut first skips, per stream, what
     * was delivered before it (older lines, and as many lines of the newest time as were delivered with it).
     */
    private final class Segment implements LogListener {
        private final int forGeneration;
        private final Map<LogStream, Instant> skipUpTo = new EnumMap<>(LogStream.class);
        private final Map<LogStream, Integer> skipAtNewest = new EnumMap<>(LogStream.class);

        Segment(int forGeneration, boolean resumed) {
            this.forGeneration = forGeneration;
            if (resumed) {
                synchronized (ResumingLogFollow.this) {
                    skipUpTo.putAll(newest);
                    skipAtNewest.putAll(atNewest);
                }
            }
        }

        @Override
        public void onLine(LogLine line) {
            synchronized (ResumingLogFollow.this) {
                if (!isCurrent(forGeneration) || deliveredBefore(line)) {
                    return;
                }
                line.timestamp().ifPresent(time -> {
                    atNewest.merge(line.stream(), 1, time.equals(newest.get(line.stream())) ? Integer::sum
                            : (old, one) -> one);
                    newest.put(line.stream(), time);
                });
                wait = FIRST_WAIT;
            }
            reader.onLine(options.timestamps() ? line : LogLine.of(line.stream(), line.text()));
        }

        private boolean deliveredBefore(LogLine line) {
            Instant upTo = skipUpTo.get(line.stream());
            Instant time = line.timestamp().orElse(null);
            if (upTo == null || time == null || time.isAfter(upTo)) {
                return false;
            }
            if (time.isBefore(upTo)) {
                return true;
            }
            int left = skipAtNewest.getOrDefault(line.stream(), 0);
            skipAtNewest.put(line.stream(), left - 1);
            return left > 0;
        }

        /** The log ended: the container stopped. One the engine starts again is followed on, without a gap. */
        @Override
        public void onEnd() {
            if (isCurrent(forGeneration)) {
                io.execute(() -> endOrResume(forGeneration));
            }
        }

        @Override
        public void onFailure(EngineException failure) {
            if (failure instanceof EngineUnavailableException && !(failure instanceof NoEngineException)) {
                resumeLater(forGeneration);
            } else if (isCurrent(forGeneration)) {
                reader.onFailure(failure);
            }
        }
    }
}
