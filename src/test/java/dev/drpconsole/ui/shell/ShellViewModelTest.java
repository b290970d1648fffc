package dev.drpconsole.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.settings.Settings;
import dev.drpconsole.core.status.ConnectionMonitor;
import dev.drpconsole.core.status.ConnectionState;
import dev.drpconsole.ui.theme.Theme;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's state: the status bar's two entries, Retry, and the section and theme kept across starts. */
class ShellViewModelTest {
    @TempDir
    Path settingsDir;
    private final FakeMonitor engine = new FakeMonitor();
    private final FakeMonitor runners = new FakeMonitor();
    private final FakeMonitor drp = new FakeMonitor();

    @Test
    void theStatusBarShowsWhatTheMonitorsReport() {
        ShellViewModel shell = open();
        assertEquals(ConnectionState.Kind.CHECKING, shell.engineStateProperty().get().kind(), "before the first check");

        shell.start();
        engine.report(ConnectionState.connected("Docker 20.10", "unix:///var/run/docker.sock"));
        runners.report(ConnectionState.connected("Runner engine: Podman 4.3", "ssh://root@drp1"));
        drp.report(ConnectionState.unreachable("Lab unreachable", "Nothing answers", "Is DRP running?"));

        assertEquals("Docker 20.10", shell.engineStateProperty().get().headline());
        assertEquals("Runner engine: Podman 4.3", shell.runnerEngineStateProperty().get().headline());
        assertEquals("Lab unreachable", shell.drpStateProperty().get().headline());
    }

    @Test
    void retryAsksTheMonitorsAgainAndTheEngineEntrySaysItIsChecking() {
        ShellViewModel shell = open();
        shell.start();
        engine.report(ConnectionState.unreachable("No engine", "no socket", "start dockerd"));

        shell.retryEngine();
        shell.retryRunnerEngine();
        shell.retryDrp();

        assertEquals(ConnectionState.checking("Checking the container engine again…"),
                shell.engineStateProperty().get());
        assertEquals(1, engine.retries);
        assertEquals(1, runners.retries);
        assertEquals(1, drp.retries);
    }

    @Test
    void theSectionAndThemeReopenAsTheUserLeftThem() {
        ShellViewModel shell = open();
        assertEquals(Section.SETUP, shell.sectionProperty().get(), "a first start opens Setup");

        shell.sectionProperty().set(Section.JOBS);
        shell.toggleTheme();
        shell.close();

        ShellViewModel next = open();
        assertEquals(Section.JOBS, next.sectionProperty().get());
        assertEquals(Theme.LIGHT.other(), next.themeProperty().get());
        assertEquals(1, engine.closes, "closing the window stops every monitor");
        assertEquals(1, runners.closes);
        assertEquals(1, drp.closes);
    }

    private ShellViewModel open() {
        return new ShellViewModel(Settings.load(settingsDir, Runnable::run), engine, runners, drp,
                TaskRunner.inline());
    }

    /** A monitor the test makes report. */
    private static final class FakeMonitor implements ConnectionMonitor {
        private Consumer<ConnectionState> listener = state -> { };
        int retries;
        int closes;

        void report(ConnectionState state) {
            listener.accept(state);
        }

        @Override
        public void start(Consumer<ConnectionState> listener) {
            this.listener = listener;
        }

        @Override
        public void retry() {
            retries++;
        }

        @Override
        public void close() {
            closes++;
        }
    }
}
