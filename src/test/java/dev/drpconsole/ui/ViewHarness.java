package dev.drpconsole.ui;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.ui.common.Navigator;
import dev.drpconsole.ui.common.ViewServices;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The services a page gets in the app (I/O pool, FX thread, shared engine), with the signed-in client under the
 * test's control and a navigator that records where the page sent the user.
 */
public final class ViewHarness implements AutoCloseable {
    public final SimpleObjectProperty<DrpClient> client = new SimpleObjectProperty<>();
    public final List<String> navigations = new CopyOnWriteArrayList<>();
    private final ExecutorService io = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "view-test-io");
        thread.setDaemon(true);
        return thread;
    });
    private final ViewServices services;

    /** @param engine the engine views use; the caller keeps and closes it */
    public ViewHarness(ContainerEngine engine) {
        Navigator navigator = (section, key) -> navigations.add(section + ":" + key);
        services = new ViewServices(client, new EngineHandle(() -> engine), io, Platform::runLater, navigator);
    }

    public ViewServices services() {
        return services;
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
