package dev.drpconsole.core.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One connection through an {@link SshTunnel}: a client of the local engine socket and its far end (the forwarded
 * remote socket, or a {@code docker system dial-stdio} over ssh), with bytes pumped both ways on two named daemon
 * threads. When either side ends or fails, both are closed, as a dropped connection would be: HTTP clients never
 * half-close, and a follow the client gives up must end on the engine too.
 */
final class TunnelConnection implements Closeable {

    /** The far end of one connection. */
    interface Upstream extends Closeable {
        InputStream in();

        OutputStream out();
    }

    /** Makes the far end; may first restart the tunnel's ssh master. */
    interface Connector {
        Upstream connect() throws IOException;
    }

    private static final int BUFFER = 64 * 1024;

    private final SocketChannel client;
    private final String name;
    private final Consumer<TunnelConnection> onClosed;
    private Upstream upstream;
    private boolean closed;

    TunnelConnection(SocketChannel client, String name, Consumer<TunnelConnection> onClosed) {
        this.client = client;
        this.name = name;
        this.onClosed = onClosed;
    }

    /** Connects the far end on a thread of its own (it may take a master restart), then pumps. */
    void start(Connector connector) {
        daemon(name + " up", () -> {
            Upstream connected;
            try {
                connected = connector.connect();
            } catch (IOException | RuntimeException unreachable) {
                // The client sees its connection closed; the engine layer reports the engine as unreachable.
                close();
                return;
            }
            synchronized (this) {
                if (closed) {
                    closeQuietly(connected);
                    return;
                }
                upstream = connected;
            }
            daemon(name + " down", () -> pump(connected.in(), outputOf(client)));
            pump(inputOf(client), connected.out());
        });
    }

    private void pump(InputStream from, OutputStream to) {
        byte[] buffer = new byte[BUFFER];
        try {
            for (int read = from.read(buffer); read >= 0; read = from.read(buffer)) {
                to.write(buffer, 0, read);
                to.flush();
            }
        } catch (IOException closedOrCut) {
            // Either side went away: close both below.
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        Upstream toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = upstream;
        }
        closeQuietly(client);
        if (toClose != null) {
            closeQuietly(toClose);
        }
        onClosed.accept(this);
    }

    /** A forwarded socket as the far end. */
    static Upstream socket(SocketChannel channel) {
        return new Upstream() {
            @Override
            public InputStream in() {
                return inputOf(channel);
            }

            @Override
            public OutputStream out() {
                return outputOf(channel);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    /** A process's stdout and stdin as the far end; closing ends the process. */
    static Upstream process(Process process) {
        return new Upstream() {
            @Override
            public InputStream in() {
                return process.getInputStream();
            }

            @Override
            public OutputStream out() {
                return process.getOutputStream();
            }

            @Override
            public void close() {
                process.destroy();
            }
        };
    }

    /**
     * Asks the far end for {@code /_ping}, the engine API's health check, giving up (closing it) after the patience.
     *
     * @return the answer's status line, e.g. "HTTP/1.1 200 OK", or "" when the far end hung up or did not answer
     */
    static String ping(Upstream upstream, Duration patience) {
        CompletableFuture.delayedExecutor(patience.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> closeQuietly(upstream));
        try {
            OutputStream out = upstream.out();
            out.write("GET /_ping HTTP/1.1\r\nHost: engine\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = upstream.in();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
            return line.toString().strip();
        } catch (IOException cut) {
            return "";
        }
    }

    /**
     * Streams over a socket channel. Not {@code Channels.newInputStream}: its streams take the channel's blocking
     * lock, so a read waiting for the engine would hold up every write the other way.
     */
    private static InputStream inputOf(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return channel.read(ByteBuffer.wrap(bytes, offset, length));
            }
        };
    }

    private static OutputStream outputOf(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        };
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException alreadyBroken) {
            // Nothing more to close.
        }
    }

    static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
