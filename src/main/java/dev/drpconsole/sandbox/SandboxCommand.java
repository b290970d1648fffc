package dev.drpconsole.sandbox;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The headless {@code sandbox} command: starts a sandbox and serves until the process is stopped (Ctrl+C or
 * SIGTERM). Standard output gets exactly one line, {@code sandbox ready: https://127.0.0.1:<port>}, once requests
 * are accepted, so scripts can wait for it; everything meant for people goes to standard error.
 */
public final class SandboxCommand {

    public static final String READY_PREFIX = "sandbox ready: ";

    private SandboxCommand() {
    }

    /** Runs the command; returns the process exit code (0 after a clean stop, 1 start failure, 2 usage). */
    public static int run(List<String> arguments, PrintStream out, PrintStream err) {
        return run(arguments, out, err, SandboxCommand::serveUntilShutdown);
    }

    /**
     * Runs the command with a custom way to serve: {@code serve} gets the started sandbox, returns when it should
     * stop, and the command then closes it.
     */
    static int run(List<String> arguments, PrintStream out, PrintStream err, Consumer<SandboxServer> serve) {
        SandboxArguments parsed;
        try {
            parsed = SandboxArguments.parse(arguments, SandboxDataDir.defaultDir());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(SandboxArguments.USAGE);
            return 2;
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(parsed.toConfig());
        } catch (SandboxStartException e) {
            err.println("sandbox: " + e.getMessage());
            return 1;
        }
        describe(server, err);
        out.println(READY_PREFIX + server.url());
        out.flush();
        try {
            serve.accept(server);
        } finally {
            server.close();
        }
        return 0;
    }

    /** Serves until the JVM is asked to stop (SIGINT, SIGTERM), then lets the shutdown finish cleanly. */
    private static void serveUntilShutdown(SandboxServer server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void describe(SandboxServer server, PrintStream err) {
        err.println("sandbox: data dir " + server.config().dataDir().toAbsolutePath());
        err.println("sandbox: certificate SHA-256 " + server.certificate().sha256Fingerprint());
        if (server.adminPassword().generated()) {
            err.println("sandbox: admin user rocketskates, password " + server.adminPassword().password()
                    + " (generated now, kept in " + server.adminPassword().file() + "; shown only this once)");
        } else if (server.adminPassword().file() != null) {
            err.println("sandbox: admin user rocketskates, password kept in " + server.adminPassword().file());
        }
        err.println("sandbox: drpcli: RS_ENDPOINT=" + server.url() + " RS_KEY=rocketskates:<password> drpcli info get");
    }
}
