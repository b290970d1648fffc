package dev.drpconsole.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real GNOME Keyring on a D-Bus session bus of its own, in a temp HOME (never the user's keyring): what a desktop
 * session gives the console. {@link #env()} is the environment a program of that session gets; {@link #lock()}
 * restarts the daemon without the password (a keyring not unlocked at login), {@link #stopBus()} takes the bus
 * away. Both daemons are children of this JVM and stopped by {@link #close()}.
 */
public final class PrivateKeyring implements AutoCloseable {
    private static final String PASSWORD = "keyring-test-password";

    private final Path home;
    private final Process bus;
    private final String address;
    private Process daemon;

    private PrivateKeyring(Path home, Process bus, String address) {
        this.home = home;
        this.bus = bus;
        this.address = address;
    }

    /** A private session bus and an unlocked keyring with its "login" collection, under {@code dir}. */
    public static PrivateKeyring start(Path dir) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve("data"));
        ProcessBuilder busStart = new ProcessBuilder(TestEnv.get().dbusDaemon().toString(), "--session", "--nofork",
                "--print-address=1").redirectError(ProcessBuilder.Redirect.DISCARD);
        Process bus = busStart.start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (address == null || !address.startsWith("unix:")) {
            bus.destroyForcibly();
            throw new IOException("dbus-daemon gave no address: " + address);
        }
        PrivateKeyring keyring = new PrivateKeyring(home, bus, address);
        keyring.startDaemon(true);
        return keyring;
    }

    /** The environment of a program in this session: PATH, HOME and the XDG dirs, and the bus's address. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", TestEnv.get().secretTool().getParent() + ":/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_RUNTIME_DIR", home.toString());
        env.put("DBUS_SESSION_BUS_ADDRESS", address);
        return env;
    }

    /** What {@code secret-tool lookup ATTRIBUTE VALUE...} finds in this keyring (as a user would check). */
    public Optional<String> lookup(String... attributes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TestEnv.get().secretTool().toString(), "lookup"));
        command.addAll(List.of(attributes));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(env());
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("secret-tool lookup did not answer");
        }
        return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
    }

    /** Restarts the daemon without its password: the login collection stays locked (no prompt can answer). */
    public void lock() throws IOException, InterruptedException {
        stopDaemon();
        startDaemon(false);
    }

    /** Stops the bus (and so the keyring): the address in {@link #env()} now leads nowhere. */
    public void stopBus() throws InterruptedException {
        stopDaemon();
        bus.destroy();
        bus.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stopBus();
    }

    private void startDaemon(boolean unlock) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TestEnv.get().keyringDaemon().toString(), "--foreground",
                "--components=secrets"));
        if (unlock) {
            command.add("--unlock");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(env());
        daemon = builder.start();
        try (OutputStream stdin = daemon.getOutputStream()) {
            if (unlock) {
                stdin.write(PASSWORD.getBytes(StandardCharsets.UTF_8));
            }
        }
        awaitOnBus();
    }

    /** Waits until the daemon is ready (else a call would make the bus start another one by activation). */
    private void awaitOnBus() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!daemon.isAlive()) {
                throw new IOException("gnome-keyring-daemon exited with " + daemon.exitValue());
            }
            if (Files.exists(controlSocket())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("gnome-keyring-daemon did not take org.freedesktop.secrets on the bus within 10 s");
    }

    /** Appears once the daemon has set up its components (the bus name included); removed when it stops. */
    private Path controlSocket() {
        return home.resolve("keyring").resolve("control");
    }

    private void stopDaemon() throws InterruptedException {
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
            daemon = null;
        }
        try {
            Files.deleteIfExists(controlSocket());
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove the keyring's control socket", e);
        }
    }
}
