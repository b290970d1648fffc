package dev.drpconsole.ui.connection;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.DrpcliSettings;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.FileCertificatePins;
import dev.drpconsole.core.connection.FileTokenVault;
import dev.drpconsole.core.connection.OkHttpDrpClientFactory;
import dev.drpconsole.core.connection.SandboxUnavailableException;
import dev.drpconsole.core.drp.UntrustedCertificateException;
import dev.drpconsole.ui.theme.Theme;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Shows the dialogs on a real display for screenshots ({@code /work/shared/tools/snap}):
 * {@code java … ConnectionDialogsDemo connection|plain-http|trust|changed light|dark}; {@code plain-http} shows the
 * refusal of an http:// address over a 1024×640 window.
 */
public final class ConnectionDialogsDemo {

    private ConnectionDialogsDemo() {
    }

    /** Not an Application subclass: launched from the class path, JavaFX refuses to start one from main. */
    public static void main(String[] args) {
        Platform.startup(() -> {
            try {
                show(args[0], Theme.parse(args[1]));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void show(String which, Theme theme) throws Exception {
        Stage owner = new Stage();
        theme.apply();
        StackPane backdrop = new StackPane(new Label("DRP Context Console"));
        boolean plain = which.equals("plain-http");
        Scene scene = new Scene(backdrop, plain ? 1024 : 1180, plain ? 640 : 740);
        scene.getStylesheets().add(Theme.CONSOLE_CSS);
        owner.setScene(scene);
        owner.setX(0);
        owner.setY(0);
        owner.show();
        if (which.equals("connection") || plain) {
            showConnection(owner, plain);
        } else {
            String pinned = which.equals("changed") ? "5E:0B:7A:41:C2:9D:13:F8:6A:22:90:4C:E7:18:B3:55:09:D1:AF:"
                    + "62:3C:84:1E:F7:2B:C9:70:5D:A8:36:E4:1F" : null;
            new TrustCertificateDialog(new TrustCertificateViewModel(new UntrustedCertificateException(
                    "drp.lab.example:8092", "A3:7F:19:C4:2E:88:B1:05:6D:F2:94:3A:C7:10:5B:E9:28:4D:71:AC:0F:"
                    + "B6:53:9E:E2:17:84:CD:36:A0:5F:92", pinned, "CN=drp.lab.example, O=RackN"))).show(owner,
                    decision -> { });
        }
    }

    private static void showConnection(Stage owner, boolean plain) throws Exception {
        Path dir = Files.createTempDirectory("connection-demo");
        Files.writeString(dir.resolve(".drpclirc"), "RS_ENDPOINT=https://drp.lab.example:8092\n"
                + "RS_KEY=rocketskates:r0cketsk8ts\n");
        int closedPort; // the real client, at a local port nothing listens on: the dialog shows its real error
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        EndpointProfiles profiles = EndpointProfiles.load(dir, Runnable::run);
        DrpConnections connections = new DrpConnections(profiles, new FileTokenVault(dir.resolve("secrets")),
                FileCertificatePins.load(dir), new OkHttpDrpClientFactory(), () -> {
                    throw new SandboxUnavailableException("demo");
                });
        ConnectionDialogViewModel viewModel = new ConnectionDialogViewModel(connections, profiles,
                DrpcliSettings.read(Map.of(), dir), Optional.empty(), new TaskRunner(ForkJoinPool.commonPool(), Platform::runLater));
        new ConnectionDialog(viewModel).show(owner);
        viewModel.nameProperty().set("Lab rack 2");
        viewModel.passwordProperty().set("secret");
        if (plain) {
            viewModel.urlsProperty().set("http://drp.lab.example:8091");
            return;
        }
        viewModel.urlsProperty().set("https://127.0.0.1:" + closedPort);
        viewModel.insecureProperty().set(true);
        viewModel.connect();
    }
}
