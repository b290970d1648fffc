package dev.drpconsole.core.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A container engine on another machine, reached through the system's OpenSSH client and served on a local unix
 * socket that docker-java connects to, so that ssh's config, agent and known_hosts apply as in the user's terminal.
 *
 * <p>One ssh <em>control master</em> holds the login; every connection to the local socket is carried over it:
 * Podman's way, to the remote engine socket the master forwards ({@code -L}); the docker CLI's way, by a
 * {@code docker system dial-stdio} multiplexed over the master (no new login), one started ahead for the next.
 * A master that died (the network dropped, someone killed it) is started again by the next connection, so the engine
 * works again without the user doing anything.
 *
 * <p>Everything lives in a private directory with a short path under /tmp: unix socket paths are limited to about
 * 104 bytes. Closing stops the master and the connections and deletes the directory; so does the JVM's exit, which
 * would otherwise leave the master logged in.
 */
public final class SshTunnel implements AutoCloseable {

    /** ConnectTimeout (10 s) plus the login. */
    private static final Duration MASTER_PATIENCE = Duration.ofSeconds(30);
    private static final Duration PROBE_PATIENCE = Duration.ofSeconds(15);
    private static final Path SHORT_TEMP = Path.of("/tmp");

    private final EngineChoice.Ssh choice;
    private final Path directory;
    private final Path controlSocket;
    private final Path remoteSocket;
    private final Path engineSocket;
    private final Path masterLog;
    private final SshCommands commands;
    private final Set<TunnelConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook = new Thread(this::stop, "ssh-tunnel-shutdown");
    private Process master;
    private Process spare;
    private volatile ServerSocketChannel server;
    private boolean closed;

    private SshTunnel(EngineChoice.Ssh choice, Path directory) {
        this.choice = choice;
        this.directory = directory;
        this.controlSocket = directory.resolve("c");
        this.remoteSocket = directory.resolve("remote.sock");
        this.engineSocket = directory.resolve("engine.sock");
        this.masterLog = directory.resolve("master.log");
        this.commands = new SshCommands(choice, controlSocket);
    }

    /**
     * Logs in, serves the local socket and checks that an engine answers through it.
     *
     * @throws SshHostKeyException     when the host key is not known (with the key to trust) or has changed
     * @throws SshConnectionException  when ssh or the remote engine cannot be reached, in plain words
     */
    public static SshTunnel open(EngineChoice.Ssh choice) {
        SshTunnel tunnel = new SshTunnel(choice, privateDirectory());
        Runtime.getRuntime().addShutdownHook(tunnel.shutdownHook);
        try {
            synchronized (tunnel) {
                tunnel.startMaster();
            }
            tunnel.listen();
            tunnel.probe();
            return tunnel;
        } catch (RuntimeException e) {
            tunnel.close();
            throw e;
        }
    }

    /** The local socket the engine answers at, e.g. /tmp/drp-ssh-123/engine.sock. */
    public Path socket() {
        return engineSocket;
    }

    /** Stops the connections and the master and deletes the directory; closing twice does nothing more. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it does the same.
        }
    }

    private void stop() {
        Process stopping;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = master;
            if (spare != null) {
                spare.destroy();
                spare = null;
            }
        }
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException alreadyClosed) {
            // Nothing more to close.
        }
        connections.forEach(TunnelConnection::close);
        if (stopping != null) {
            stopping.destroy();
            try {
                if (!stopping.waitFor(2, TimeUnit.SECONDS)) {
                    stopping.destroyForcibly();
                }
            } catch (InterruptedException e) {
                stopping.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteDirectory();
    }

    /** Starts the master and waits until it is logged in, or until ssh says why not. Holds this tunnel's lock. */
    private void startMaster() {
        try {
            Files.deleteIfExists(controlSocket); // a killed master leaves it, and a new one would not take its place
            long logStart = Files.exists(masterLog) ? Files.size(masterLog) : 0;
            String forward = choice.socketPath().map(path -> remoteSocket + ":" + path).orElse(null);
            master = new ProcessBuilder(commands.master(forward))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(masterLog.toFile()))
                    .start();
            awaitMaster(master, logStart);
        } catch (IOException e) {
            throw new SshConnectionException(SshConnectionException.Problem.OTHER,
                    "Cannot start ssh (" + e.getMessage() + ")", "Install the OpenSSH client (ssh) and put it on PATH");
        }
    }

    private void awaitMaster(Process starting, long logStart) {
        long deadline = System.nanoTime() + MASTER_PATIENCE.toNanos();
        try {
            while (true) {
                if (starting.waitFor(20, TimeUnit.MILLISECONDS)) {
                    throw failure(logSince(logStart), starting.exitValue());
                }
                // The master creates its control socket once logged in and forwarding; -O check confirms it.
                if (Files.exists(controlSocket) && SshCommands.run(commands.check()).succeeded()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    starting.destroyForcibly();
                    throw new SshConnectionException(SshConnectionException.Problem.OTHER, "ssh to "
                            + choice.destination() + " did not log in within " + MASTER_PATIENCE.toSeconds() + " s",
                            "Try it in a terminal: " + SshFailures.terminalCommand(choice));
                }
            }
        } catch (InterruptedException e) {
            starting.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("Interrupted while connecting to " + choice.text(), "Try again", e);
        }
    }

    private void listen() {
        try {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(engineSocket));
        } catch (IOException e) {
            throw new EngineUnavailableException("Cannot serve the local socket " + engineSocket + " ("
                    + e.getMessage() + ")", "Check that " + SHORT_TEMP + " is writable", e);
        }
        ServerSocketChannel listening = server;
        TunnelConnection.daemon("ssh-tunnel-accept " + choice.host(), () -> {
            while (listening.isOpen()) {
                try {
                    SocketChannel client = listening.accept();
                    TunnelConnection connection = new TunnelConnection(client, "ssh-tunnel " + choice.host(),
                            connections::remove);
                    connections.add(connection);
                    connection.start(this::connectUpstream);
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    /** The far end of one connection, restarting a master that died first. */
    private TunnelConnection.Upstream connectUpstream() throws IOException {
        ensureMaster();
        try {
            return openUpstream();
        } catch (IOException e) {
            if (ensureMaster()) {
                return openUpstream(); // the master died just now: once more over the new one
            }
            throw e;
        }
    }

    /** @return whether the master had to be started again */
    private synchronized boolean ensureMaster() {
        if (closed) {
            throw new EngineUnavailableException("The ssh tunnel to " + choice.text() + " is closed", "Open it again",
                    null);
        }
        if (master.isAlive()) {
            return false;
        }
        startMaster();
        return true;
    }

    private TunnelConnection.Upstream openUpstream() throws IOException {
        if (choice.socketPath().isPresent()) {
            return TunnelConnection.socket(SocketChannel.open(UnixDomainSocketAddress.of(remoteSocket)));
        }
        Process dial = takeSpare();
        if (dial == null) {
            dial = startDialStdio();
        }
        try {
            refillSpare();
        } catch (IOException cannotStartSsh) {
            // The next connection starts its own, and fails in its turn.
        }
        return TunnelConnection.process(dial);
    }

    /**
     * A new dial-stdio costs a session on the master, a shell and the docker CLI on the remote: about a quarter of a
     * second, more than the request it carries. docker-java keeps connections for plain calls, but every followed log
     * takes one of its own, so one is kept started ahead (it holds an idle engine connection on the remote).
     */
    private synchronized Process takeSpare() {
        Process taken = spare;
        spare = null;
        return taken != null && taken.isAlive() ? taken : null; // one of a master that died is gone with it
    }

    private void refillSpare() throws IOException {
        Process started = startDialStdio();
        Process unused;
        synchronized (this) {
            unused = closed ? started : spare;
            spare = closed ? null : started;
        }
        if (unused != null) {
            unused.destroy();
        }
    }

    private Process startDialStdio() throws IOException {
        return new ProcessBuilder(commands.dialStdio()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * Asks the engine for {@code /_ping} once, straight through a far end, so that a remote without docker or
     * without the socket is reported now, in ssh's words, rather than as a cut connection on the first call.
     */
    private void probe() {
        long logStart = sizeOf(masterLog);
        Process dial = null;
        TunnelConnection.Upstream upstream;
        try {
            if (choice.socketPath().isPresent()) {
                upstream = openUpstream();
            } else {
                dial = new ProcessBuilder(commands.dialStdio()).start(); // its errors kept: they say what failed
                upstream = TunnelConnection.process(dial);
            }
        } catch (IOException e) {
            throw failure(logSince(logStart), SshFailures.STILL_RUNNING);
        }
        try {
            long started = System.nanoTime();
            String status = TunnelConnection.ping(upstream, PROBE_PATIENCE);
            if (status.matches("HTTP/1\\.\\d 200.*")) {
                return;
            }
            if (status.isEmpty() && System.nanoTime() - started >= PROBE_PATIENCE.toNanos()) {
                status = "no answer within " + PROBE_PATIENCE.toSeconds() + " s";
            }
            if (!status.isEmpty()) {
                throw new SshConnectionException(SshConnectionException.Problem.OTHER, "ssh reached "
                        + choice.host() + ", but no engine answers at "
                        + choice.socketPath().orElse("docker system dial-stdio") + " ("
                        + SshFailures.lastLine(status, "no answer") + ")", "Check the engine on " + choice.host());
            }
            if (dial == null) {
                throw failure(logSince(logStart), SshFailures.STILL_RUNNING);
            }
            // The far end hung up without a word: dial-stdio (or ssh) ended; its exit code and errors say why.
            boolean ended = dial.waitFor(5, TimeUnit.SECONDS);
            throw failure(ended ? new String(dial.getErrorStream().readAllBytes(), StandardCharsets.UTF_8) : "",
                    ended ? dial.exitValue() : SshFailures.STILL_RUNNING);
        } catch (IOException e) {
            throw failure(e.getMessage(), SshFailures.STILL_RUNNING);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("Interrupted while connecting to " + choice.text(), "Try again", e);
        } finally {
            TunnelConnection.closeQuietly(upstream);
        }
    }

    private EngineUnavailableException failure(String stderr, int exitCode) {
        return SshFailures.classify(stderr, exitCode, choice,
                (host, keyType) -> commands.unknownHostKey(host, keyType, directory));
    }

    private String logSince(long offset) {
        try {
            byte[] all = Files.readAllBytes(masterLog);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Path privateDirectory() {
        try {
            return Files.createTempDirectory(SHORT_TEMP, "drp-ssh-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new EngineUnavailableException("Cannot create a private directory in " + SHORT_TEMP + " for the"
                    + " ssh tunnel (" + e.getMessage() + ")", "Check that " + SHORT_TEMP + " is writable", e);
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException goneAlready) {
            // Nothing left to delete.
        }
    }
}
