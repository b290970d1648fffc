package dev.drpconsole.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Raw API calls to the sandbox process over real HTTPS (the JDK client, trusting exactly its certificate), for the
 * writes whose acknowledgement a fault records and for reading back what the endpoint kept.
 */
final class EndpointCalls {
    private final HttpClient client;
    private final String url;
    private final String authorization;

    EndpointCalls(HttpClient client, String url, String authorization) {
        this.client = client;
        this.url = url;
        this.authorization = authorization;
    }

    /** @return the reply; IOException when the endpoint went away (no reply: not acknowledged) */
    HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/api/v3/" + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> json(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null);
    }
}
