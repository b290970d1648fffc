package dev.drpconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.testsupport.SandboxAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * A plain HTTPS client for the sandbox's API in tests. It trusts exactly the sandbox's own certificate (read back
 * from the data dir), so every test also proves the certificate names 127.0.0.1.
 */
final class SandboxApi {

    private final URI base;
    private final HttpClient client;
    private final String authorization;

    private SandboxApi(URI base, HttpClient client, String authorization) {
        this.base = base;
        this.client = client;
        this.authorization = authorization;
    }

    static SandboxApi forServer(SandboxServer server) {
        return new SandboxApi(server.url(), SandboxAccess.httpClient(server),
                SandboxAccess.adminAuthorization(server));
    }

    SandboxApi asAdmin(String password) {
        return withAuthorization("Basic " + Base64.getEncoder().encodeToString(("rocketskates:" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    SandboxApi withToken(String token) {
        return withAuthorization("Bearer " + token);
    }

    SandboxApi withAuthorization(String header) {
        return new SandboxApi(base, client, header);
    }

    SandboxApi anonymous() {
        return new SandboxApi(base, client, null);
    }

    Reply get(String path) {
        return send("GET", path, null, null);
    }

    Reply head(String path) {
        return send("HEAD", path, null, null);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply put(String path, String json) {
        return send("PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v3/" + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new Reply(client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** Opens the event websocket; {@code path} is e.g. "ws" or "ws?token=...". */
    WebSocket websocket(String path, WebSocket.Listener listener) {
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        URI uri = URI.create("wss://" + base.getHost() + ":" + base.getPort() + "/api/v3/" + path);
        CompletableFuture<WebSocket> socket = builder.buildAsync(uri, listener);
        return socket.join();
    }

    CompletableFuture<WebSocket> websocketAsync(String path, WebSocket.Listener listener) {
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.buildAsync(URI.create("wss://" + base.getHost() + ":" + base.getPort() + "/api/v3/" + path),
                listener);
    }

    /** One reply: status, headers, body. */
    record Reply(HttpResponse<byte[]> response) {

        int status() {
            return response.statusCode();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        byte[] bytes() {
            return response.body();
        }

        JsonNode json() {
            try {
                return SandboxJson.parse(response.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status() + "): " + text(), e);
            }
        }

        @Override
        public String toString() {
            return status() + " " + text();
        }
    }
}
