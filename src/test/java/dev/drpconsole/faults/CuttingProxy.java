package dev.drpconsole.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection: a TCP proxy on 127.0.0.1 that passes bytes through unchanged (TLS goes end to end, so the client
 * still checks the endpoint's pinned certificate) and can cut every connection open through it at once, abruptly
 * (a TCP reset to both sides, as a dropped network or a NAT that forgot the connection gives), as a laptop's network
 * does. New connections are accepted again right after a cut.
 */
final class CuttingProxy implements AutoCloseable {
    private static final int BUFFER = 16 * 1024;

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** One client connection and its upstream twin. */
    private record Connection(Socket client, Socket upstream, AtomicInteger directionsEnded) {
        void reset() {
            resetQuietly(client);
            resetQuietly(upstream);
        }
    }

    CuttingProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "fault-proxy-accept").start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Resets every connection open now; returns how many there were. */
    int cut() {
        List<Connection> cutting = List.copyOf(open);
        cutting.forEach(connection -> {
            open.remove(connection);
            connection.reset();
        });
        return cutting.size();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Closing: nothing more to do.
        }
        cut();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                try {
                    upstream.connect(target, 5_000);
                } catch (IOException refused) {
                    resetQuietly(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                Connection connection = new Connection(client, upstream, new AtomicInteger());
                open.add(connection);
                daemon(() -> pump(connection, client, upstream), "fault-proxy-up").start();
                daemon(() -> pump(connection, upstream, client), "fault-proxy-down").start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("fault proxy: accept failed: " + e);
                }
            }
        }
    }

    /** Copies one direction until either side ends; then the connection ends on both sides. */
    private void pump(Connection connection, Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput(); // an orderly end passes through as one
            if (connection.directionsEnded().incrementAndGet() == 2) {
                open.remove(connection);
                connection.client().close();
                connection.upstream().close();
            }
        } catch (IOException e) {
            // Cut, reset or closed by the other pump: end both sides.
            open.remove(connection);
            connection.reset();
        }
    }

    private static void resetQuietly(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
                socket.close();
            }
        } catch (IOException e) {
            // Already gone.
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
