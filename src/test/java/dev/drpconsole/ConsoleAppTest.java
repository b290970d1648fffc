package dev.drpconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The composition root starts the real console: its window, its sections, the engine it found, and (no endpoint
 * being configured) the local sandbox as its default; it exits cleanly.
 */
@Tag("display")
class ConsoleAppTest extends FxRobot {
    private static final String SETTINGS_DIR = "drpconsole.settings.dir";

    @TempDir
    Path settingsDir;

    @Test
    void startsWithTheShellAndFindsTheEngine() throws Exception {
        String previous = System.setProperty(SETTINGS_DIR, settingsDir.toString());
        FxToolkit.registerPrimaryStage();
        // An earlier test may have left the shared primary stage showing; the console starts its work when its
        // stage is shown, which a stage already showing never is again.
        FxToolkit.setupStage(Stage::hide);
        ConsoleApp app = (ConsoleApp) FxToolkit.setupApplication(ConsoleApp.class);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                    .anyMatch(w -> w instanceof Stage s && "DRP Context Console".equals(s.getTitle())));
            assertTrue(lookup("#nav-setup").tryQuery().isPresent(), "the sidebar is there");
            assertEquals("Setup", lookup("#section-title").queryAs(Label.class).getText());
            try {
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                        () -> lookup("#engine-status-text").queryAs(Label.class).getText()
                                .startsWith("Build: Docker "));
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("The status bar never named the Docker engine; it says: "
                        + lookup("#engine-status-text").queryAs(Label.class).getText(), e);
            }
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#drp-status-text").queryAs(Label.class)
                    .getText().startsWith("Local sandbox · https://127.0.0.1:"));
            // Signed in to the sandbox, the runner engine is the one it says it runs its runners on.
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#runner-engine-status-text")
                    .queryAs(Label.class).getText().matches("Runners: (Docker|Podman) .*"));
        } finally {
            FxToolkit.cleanupApplication(app);
            if (previous != null) {
                System.setProperty(SETTINGS_DIR, previous);
            }
        }
        String saved = Files.readString(settingsDir.resolve("settings.properties"));
        assertTrue(saved.contains("window.width="), "the window size is remembered on exit: " + saved);
    }
}
