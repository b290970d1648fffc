package dev.drpconsole;

import dev.drpconsole.core.setup.headless.HeadlessSetup;
import dev.drpconsole.sandbox.SandboxCommand;
import java.util.Arrays;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Entry point of {@code java -jar drp-context-console.jar}. A plain class, not the JavaFX
 * {@code Application}, so the class-path jar starts without the JavaFX launcher's module check.
 * {@code java -jar drp-context-console.jar sandbox [...]} runs the headless sandbox endpoint instead of the window.
 */
public final class Main {
    /** Held here: java.util.logging keeps loggers weakly, and a collected logger forgets its filter. */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Main() {
    }

    public static void main(String[] args) {
        StartupTimes.mainEntered();
        if (args.length > 0 && "sandbox".equals(args[0])) {
            // Headless: the sandbox endpoint never touches the JavaFX toolkit.
            System.exit(SandboxCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
            return;
        }
        if (args.length > 0 && "setup".equals(args[0])) {
            // Headless first-time setup for scripts: the wizard's plan, no window.
            System.exit(HeadlessSetup.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
            return;
        }
        // JavaFX warns on every class-path start ("Unsupported JavaFX configuration"); the jar is a
        // class-path app by design (docker-java is not a module), so the warning only alarms users.
        JAVAFX_LOG.setFilter(rec -> !String.valueOf(rec.getMessage()).startsWith("Unsupported JavaFX configuration"));
        SoftwareRendering.chooseIfNoGpu();
        StartupWarmup.startInBackground();
        Application.launch(ConsoleApp.class, args);
    }
}
