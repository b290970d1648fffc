package dev.drpconsole.ui.connection;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.DrpcliSettings;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.ui.theme.Theme;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
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
        ConnectionDialogs dialogs = new ConnectionDialogs(connections, profiles, drpcli, new TaskRunner(ForkJoinPool.commonPool(), Platform::runLater));
        Stage owner = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            stage.setScene(new Scene(new StackPane(), 300, 200));
            stage.show();
        });
        FxToolkit.setupFixture(() -> dialogs.open(owner, Optional.empty()));
        WaitForAsyncUtils.waitForFxEvents();
    }
}
