package dev.drpconsole.ui.connection;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.DrpcliSettings;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.ui.theme.Theme;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the connection dialog for a test, over a small owner window styled like the app's. */
final class ConnectionDialogStage {
    private ConnectionDialogStage() {
    }

    static void open(DrpConnections connections, EndpointProfiles profiles, Optional<DrpcliSettings> drpcli)
            throws TimeoutException {
        show(connections, profiles, drpcli, (dialogs, owner) -> dialogs.open(owner, Optional.empty()));
    }

    /** The dialog as start-up opens it, to finish an attempt that needs the user. */
    static void resolve(DrpConnections connections, EndpointProfiles profiles, Optional<DrpcliSettings> drpcli,
                        ConnectResult result) throws TimeoutException {
        show(connections, profiles, drpcli, (dialogs, owner) -> dialogs.resolve(owner, result));
    }

    private static void show(DrpConnections connections, EndpointProfiles profiles, Optional<DrpcliSettings> drpcli,
                             BiConsumer<ConnectionDialogs, Stage> opening) throws TimeoutException {
        ConnectionDialogs dialogs = new ConnectionDialogs(connections, profiles, drpcli,
                new TaskRunner(ForkJoinPool.commonPool(), Platform::runLater));
        Stage owner = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            stage.setScene(new Scene(new StackPane(), 300, 200));
            stage.show();
        });
        FxToolkit.setupFixture(() -> opening.accept(dialogs, owner));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
