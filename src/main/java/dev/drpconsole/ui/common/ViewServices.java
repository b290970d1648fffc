package dev.drpconsole.ui.common;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.engine.EngineHandle;
import java.util.concurrent.Executor;
import javafx.beans.value.ObservableObjectValue;

/**
 * What every feature view gets from the composition root.
 *
 * @param client       the signed-in endpoint, null while none; changes when the user switches endpoints (FX thread)
 * @param runnerEngine where the signed-in endpoint's plugin runs its runner containers: what Containers, the
 *                     Runners' container column, Jobs and the wizard's runner step watch; it switches with the
 *                     endpoint (and may be "none")
 * @param buildEngine  this machine's engine, where the wizard builds the runner image
 * @param io           runs blocking work (DRP and engine calls)
 * @param fxThread     runs UI updates ({@code Platform::runLater}; a direct executor in view-model tests)
 * @param navigator    sends the user to another section
 */
public record ViewServices(ObservableObjectValue<DrpClient> client, EngineHandle runnerEngine,
                           EngineHandle buildEngine, Executor io, Executor fxThread, Navigator navigator) {

    /** One engine in both roles: the endpoint runs on this machine and its runners on this machine's engine. */
    public ViewServices(ObservableObjectValue<DrpClient> client, EngineHandle engine, Executor io, Executor fxThread,
                        Navigator navigator) {
        this(client, engine, engine, io, fxThread, navigator);
    }

    /** Runs background tasks: calls on {@code io}, callbacks on {@code fxThread} (inline in view-model tests). */
    public TaskRunner tasks() {
        return new TaskRunner(io, fxThread);
    }
}
