package dev.drpconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The composition root starts the real console: its window, its sections, the engine it found, and (no endpoint
 * being configured) the local sandbox as its default; it exits cleanly.
 */
class ConsoleAppTest extends FxRobot {
    private static final String SETTINGS_DIR = "drpconsole.settings.dir";

    @TempDir
    Path settingsDir;

    @Test
    void startsWithTheShellAndFindsTheEngine() throws Exception {
        String previous = System.setProperty(SETTINGS_DIR, settingsDir.toString());
        FxToolkit.registerPrimaryStage();
        ConsoleApp app = (ConsoleApp) FxToolkit.setupApplication(ConsoleApp.class);
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                    .anyMatch(w -> w instanceof Stage s && "DRP Context Console".equals(s.getTitle())));
            assertTrue(lookup("#nav-setup").tryQuery().isPresent(), "the sidebar is there");
            assertEquals("Setup", lookup("#section-title").queryAs(Label.class).getText());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> lookup("#engine-status-text").queryAs(Label.class).getText().startsWith("Docker "));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#drp-status-text").queryAs(Label.class)
                    .getText().startsWith("Local sandbox · https://127.0.0.1:"));
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
