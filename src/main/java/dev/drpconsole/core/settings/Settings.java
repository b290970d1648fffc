package dev.drpconsole.core.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import org.slf4j.LoggerFactory;

/**
 * The console's own settings: a small properties file in the user's config directory
 * ({@code $XDG_CONFIG_HOME/drp-context-console/settings.properties}, by default under
 * {@code ~/.config}). Secrets never go here.
 */
public final class Settings {
    private static final String FILE_NAME = "settings.properties";

    private final Path file;
    private final Executor writer;
    private final Properties values = new Properties();

    private Settings(Path file, Executor writer) {
        this.file = file;
        this.writer = writer;
    }

    /**
     * Loads the settings from {@code dir}; a missing or unreadable file gives empty settings.
     * Changes are written by {@code writer}, so callers on the FX thread never wait for the disk.
     */
    public static Settings load(Path dir, Executor writer) {
        Settings settings = new Settings(dir.resolve(FILE_NAME), writer);
        if (Files.isReadable(settings.file)) {
            try (InputStream in = Files.newInputStream(settings.file)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged settings file must not stop the console from starting: start from defaults.
                settings.values.clear();
            }
        }
        return settings;
    }

    /** The settings directory: system property {@code drpconsole.settings.dir}, else the XDG config dir. */
    public static Path defaultDirectory(Map<String, String> env) {
        String override = System.getProperty("drpconsole.settings.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("drp-context-console");
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public synchronized String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    /** Sets a value; the file is rewritten (atomically) right away on the writer executor. */
    public synchronized void put(String key, String value) {
        if (value.equals(values.getProperty(key))) {
            return;
        }
        values.setProperty(key, value);
        writer.execute(this::save);
    }

    private synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "DRP Context Console settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Handled here, once: the choice stays in memory for this session.
            LoggerFactory.getLogger(Settings.class).warn("Cannot write settings to {}: {}", file, e.toString());
        }
    }
}
