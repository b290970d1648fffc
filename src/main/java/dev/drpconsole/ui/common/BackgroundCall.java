package dev.drpconsole.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs blocking work (a DRP or engine call) on the I/O executor and hands its result or failure to the FX
 * thread. View models use it so they never block the FX thread and never touch their properties elsewhere.
 */
public final class BackgroundCall {
    private BackgroundCall() {
    }

    public static <T> void run(Executor io, Executor fxThread, Callable<T> work, Consumer<T> onSuccess,
            Consumer<Exception> onFailure) {
        io.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                fxThread.execute(() -> onFailure.accept(e));
                return;
            }
            fxThread.execute(() -> onSuccess.accept(result));
        });
    }
}
