package dev.drpconsole.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy that stands in for an engine going away must cut every connection it took, and only those. */
class UnixSocketProxyTest {

    @TempDir
    Path dir;

    @Test
    void clientIsHungUpOnWhenTheTargetIsDownAndTheProxyStaysUp() throws Exception {
        try (UnixSocketProxy proxy = new UnixSocketProxy(dir.resolve("proxy.sock"), dir.resolve("nothing.sock"))) {
            proxy.start();

            for (int client = 1; client <= 2; client++) {
                try (SocketChannel channel = connect(proxy.path())) {
                    assertEquals("hung up", outcomeOfReading(channel), "client " + client);
                }
            }
        }
    }

    /**
     * The target's backlog is kept full, so the proxy is still opening the upstream for an accepted client when
     * stop() runs; that client must be cut once the upstream opens, like every other.
     */
    @Test
    void connectionAcceptedWhileStopRunsDoesNotSurviveIt() throws Exception {
        Path targetPath = dir.resolve("target.sock");
        List<SocketChannel> backlog = new ArrayList<>();
        try (ServerSocketChannel target = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                UnixSocketProxy proxy = new UnixSocketProxy(dir.resolve("proxy.sock"), targetPath)) {
            target.bind(UnixDomainSocketAddress.of(targetPath), 1);
            fillBacklog(targetPath, backlog);
            proxy.start();

            try (SocketChannel client = connect(proxy.path())) {
                Thread.sleep(300); // the proxy accepted it and now waits to open the upstream
                proxy.stop();
                target.accept().close(); // room in the backlog: the proxy's upstream opens now

                assertEquals("hung up", outcomeOfReading(client));
            }
        } finally {
            for (SocketChannel channel : backlog) {
                channel.close();
            }
        }
    }

    /** Linux lets a unix socket with backlog 1 hold two pending connections; a third connect would block. */
    private static void fillBacklog(Path target, List<SocketChannel> backlog) throws IOException {
        for (int i = 0; i < 2; i++) {
            backlog.add(connect(target));
        }
    }

    private static SocketChannel connect(Path path) throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(path));
    }

    private static String outcomeOfReading(SocketChannel channel) throws Exception {
        CompletableFuture<String> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return channel.read(ByteBuffer.allocate(16)) < 0 ? "hung up" : "got data";
            } catch (IOException e) {
                return "hung up";
            }
        });
        try {
            return outcome.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return "still open";
        }
    }
}
