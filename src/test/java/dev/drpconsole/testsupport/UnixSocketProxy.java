package dev.drpconsole.testsupport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unix socket that forwards every connection to another unix socket, and that a test can take down and bring
 * back. Stands in for an engine that goes away and returns, without touching the shared engine itself.
 */
public final class UnixSocketProxy implements AutoCloseable {

    private final Path listenAt;
    private final Path target;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private volatile ServerSocketChannel server;

    /**
     * @param listenAt the socket path clients connect to; it exists only while the proxy is up
     * @param target   the socket path connections are forwarded to
     */
    public UnixSocketProxy(Path listenAt, Path target) {
        this.listenAt = listenAt;
        this.target = target;
    }

    /** Creates the socket and starts forwarding. */
    public synchronized void start() throws IOException {
        Files.deleteIfExists(listenAt);
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(listenAt));
        server = channel;
        daemon("proxy-accept", () -> acceptLoop(channel));
    }

    /**
     * Removes the socket and cuts every forwarded connection, as a dying engine would: all at once, so nothing
     * passes any more while the connections are closed one by one (a client that noticed the first cut could
     * otherwise still be answered through another, pooled connection).
     */
    public synchronized void stop() throws IOException {
        ServerSocketChannel stopping = server;
        if (stopping != null) {
            server = null; // first: the pumps forward nothing from now on
            stopping.close();
        }
        for (SocketChannel connection : connections) {
            connection.close();
        }
        connections.clear();
        Files.deleteIfExists(listenAt);
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    public Path path() {
        return listenAt;
    }

    private void acceptLoop(ServerSocketChannel channel) {
        while (channel.isOpen()) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (IOException closed) {
                return;
            }
            forward(channel, client);
        }
    }

    /** A target that cannot be reached hangs up on that client only; the proxy stays up for the next. */
    private void forward(ServerSocketChannel acceptedBy, SocketChannel client) {
        SocketChannel upstream;
        try {
            upstream = SocketChannel.open(UnixDomainSocketAddress.of(target));
        } catch (IOException targetDown) {
            closeQuietly(client);
            return;
        }
        synchronized (this) {
            // stop() may have run since accept returned: then this connection must not outlive it.
            if (server != acceptedBy) {
                closeQuietly(client);
                closeQuietly(upstream);
                return;
            }
            connections.add(client);
            connections.add(upstream);
        }
        daemon("proxy-up", () -> pump(acceptedBy, client, upstream));
        daemon("proxy-down", () -> pump(acceptedBy, upstream, client));
    }

    private void pump(ServerSocketChannel acceptedBy, SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0 && server == acceptedBy) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException closed) {
            // One side went away: take the other down too, like a dropped connection.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already broken; nothing more to close.
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
