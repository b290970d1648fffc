package dev.drpconsole.core.concurrent;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the console runs blocking work (a DRP or engine call) off the UI thread, after JabRef's
 * {@code BackgroundTask}: wrap the call, say what happens while it runs and with its result or failure, and hand it to
 * a {@link TaskRunner}, which runs the call on its I/O executor and every callback on the UI thread. A task started
 * in a {@link TaskSlot} replaces the one before it there: a stale result (an older refresh, the details of a row no
 * longer selected) is dropped instead of overwriting a newer one. A cancelled task calls nothing back.
 *
 * @param <T> what the call returns
 */
public final class BackgroundTask<T> {
    private final Callable<T> call;
    private Runnable onRunning = () -> { };
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Exception> onFailure = failure -> { };
    private Runnable onFinished = () -> { };
    private TaskSlot slot;

    private BackgroundTask(Callable<T> call) {
        this.call = Objects.requireNonNull(call);
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> call) {
        return new BackgroundTask<>(call);
    }

    /** Blocking work without a result. */
    public static BackgroundTask<Void> wrap(Work work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** Called on the UI thread as the task is handed over, before the call starts. */
    public BackgroundTask<T> onRunning(Runnable action) {
        this.onRunning = action;
        return this;
    }

    /** Called on the UI thread with the call's result, unless the task was cancelled or replaced. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = action;
        return this;
    }

    /** Called on the UI thread with the call's failure, unless the task was cancelled or replaced. */
    public BackgroundTask<T> onFailure(Consumer<? super Exception> action) {
        this.onFailure = action;
        return this;
    }

    /** Called on the UI thread after onSuccess or onFailure (not for a cancelled or replaced task). */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = action;
        return this;
    }

    /** Runs in {@code slot}: starting it cancels the slot's earlier task, whose result is then dropped. */
    public BackgroundTask<T> in(TaskSlot slot) {
        this.slot = slot;
        return this;
    }

    /** Hands the task to {@code runner}; the handle cancels it. */
    public TaskHandle executeWith(TaskRunner runner) {
        return runner.execute(this);
    }

    Callable<T> call() {
        return call;
    }

    TaskSlot slot() {
        return slot;
    }

    void running() {
        onRunning.run();
    }

    void succeeded(T result) {
        onSuccess.accept(result);
        onFinished.run();
    }

    void failed(Exception failure) {
        onFailure.accept(failure);
        onFinished.run();
    }

    /** Blocking work that returns nothing. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }
}
