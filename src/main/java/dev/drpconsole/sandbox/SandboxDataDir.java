package dev.drpconsole.sandbox;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the sandbox keeps its state unless told otherwise: {@code $XDG_DATA_HOME/drp-context-console/sandbox},
 * or {@code ~/.local/share/drp-context-console/sandbox} when XDG_DATA_HOME is unset, per the XDG base directory
 * specification.
 */
public final class SandboxDataDir {

    private SandboxDataDir() {
    }

    /** The console's own sandbox: system property {@code drpconsole.sandbox.dir} (tests), else {@link #defaultDir()}. */
    public static Path forConsole() {
        String override = System.getProperty("drpconsole.sandbox.dir");
        return override != null && !override.isBlank() ? Path.of(override) : defaultDir();
    }

    public static Path defaultDir() {
        return defaultDir(System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultDir(Map<String, String> environment, String home) {
        String dataHome = environment.get("XDG_DATA_HOME");
        Path base = dataHome != null && !dataHome.isBlank() && Path.of(dataHome).isAbsolute()
                ? Path.of(dataHome) : Path.of(home, ".local", "share");
        return base.resolve("drp-context-console").resolve("sandbox");
    }
}
