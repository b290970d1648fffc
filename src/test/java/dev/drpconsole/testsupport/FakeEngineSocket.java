package dev.drpconsole.testsupport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unix socket that plays a broken engine: it accepts every connection and then either never answers, or answers
 * each request with one fixed HTTP response and hangs up. Lets tests reach the engine layer's failure paths without
 * touching the shared engine.
 */
public final class FakeEngineSocket implements AutoCloseable {

    private final Path path;
    private final String response; // null: never answer
    private final ServerSocketChannel server;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();

    private FakeEngineSocket(Path path, String response) throws IOException {
        this.path = path;
        this.response = response;
        Files.deleteIfExists(path);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        Thread thread = new Thread(this::acceptLoop, "fake-engine");
        thread.setDaemon(true);
        thread.start();
    }

    /** An engine that accepts connections and reads requests, but never answers. */
    public static FakeEngineSocket silent(Path path) throws IOException {
        return new FakeEngineSocket(path, null);
    }

    /** An engine that answers every request with "200 OK" and an empty body, then closes the connection. */
    public static FakeEngineSocket answeringEmptyAndHangingUp(Path path) throws IOException {
        return new FakeEngineSocket(path, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
    }

    public Path path() {
        return path;
    }

    /** The engine address to open, e.g. "unix:///tmp/junit123/engine.sock". */
    public URI uri() {
        return URI.create("unix://" + path);
    }

    /** How many connections were accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel connection : connections) {
            connection.close();
        }
        Files.deleteIfExists(path);
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                accepted.incrementAndGet();
                connections.add(connection);
                if (response != null) {
                    answerAndHangUp(connection);
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answerAndHangUp(SocketChannel connection) {
        try (connection) {
            readRequestHead(connection);
            ByteBuffer answer = ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII));
            while (answer.hasRemaining()) {
                connection.write(answer);
            }
        } catch (IOException clientWentAway) {
            // Nothing to answer then.
        } finally {
            connections.remove(connection);
        }
    }

    /** Reads up to the blank line that ends the request head; the requests the engine layer sends here have no body. */
    private static void readRequestHead(SocketChannel connection) throws IOException {
        StringBuilder head = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (head.indexOf("\r\n\r\n") < 0 && connection.read(buffer) >= 0) {
            head.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
            buffer.clear();
        }
    }
}
