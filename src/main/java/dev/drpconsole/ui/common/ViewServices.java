package dev.drpconsole.ui.common;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.engine.EngineHandle;
import java.util.concurrent.Executor;
import javafx.beans.value.ObservableObjectValue;

/**
 * What every feature view gets from the composition root.
 *
 * @param client    the signed-in endpoint, null while none; changes when the user switches endpoints (FX thread)
 * @param engine    the container engine
 * @param io        runs blocking work (DRP and engine calls)
 * @param fxThread  runs UI updates ({@code Platform::runLater}; a direct executor in view-model tests)
 * @param navigator sends the user to another section
 */
public record ViewServices(ObservableObjectValue<DrpClient> client, EngineHandle engine, Executor io,
                           Executor fxThread, Navigator navigator) {

    /** Runs background tasks: calls on {@code io}, callbacks on {@code fxThread} (inline in view-model tests). */
    public TaskRunner tasks() {
        return new TaskRunner(io, fxThread);
    }
}
