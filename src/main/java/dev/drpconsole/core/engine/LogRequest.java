package dev.drpconsole.core.engine;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One request for a container's log, always with timestamps, handed to a callback one engine message per
 * {@link Frame}. Used instead of docker-java's log command because that one cuts messages into 1 KiB pieces and so
 * hides where a message starts; the engine splits a line longer than 16 KiB into several messages, each led by its
 * own timestamp, and only a whole message tells that timestamp apart from the line's text.
 *
 * <p>A container with a TTY gets no multiplexed stream: its log is cut into lines here, each led by its timestamp.
 */
final class LogRequest {

    private final DockerHttpClient http;
    private final String path;

    private LogRequest(DockerHttpClient http, String path) {
        this.http = http;
        this.path = path;
    }

    /**
     * @param since only lines logged at or after this second
     * @param tail  only the last N lines before following
     */
    static LogRequest of(DockerHttpClient http, String idOrName, boolean follow, Optional<Instant> since,
            OptionalInt tail) {
        StringBuilder path = new StringBuilder("/containers/")
                .append(URLEncoder.encode(idOrName, StandardCharsets.UTF_8))
                .append("/logs?stdout=1&stderr=1&timestamps=1");
        if (follow) {
            path.append("&follow=1");
        }
        since.ifPresent(time -> path.append("&since=").append(time.getEpochSecond()));
        tail.ifPresent(lines -> path.append("&tail=").append(lines));
        return new LogRequest(http, path.toString());
    }

    /** Starts the request on its own thread, like docker-java's streams: onStart, onNext..., onComplete or onError. */
    void exec(ResultCallback<Frame> callback) {
        Thread thread = new Thread(() -> stream(callback), "engine-log");
        thread.setDaemon(true);
        thread.start();
    }

    private void stream(ResultCallback<Frame> callback) {
        Thread streaming = Thread.currentThread();
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(path).build();
        try (DockerHttpClient.Response response = http.execute(request)) {
            throwIfRefused(response);
            callback.onStart(() -> {
                streaming.interrupt();
                response.close();
            });
            readMessages(new DataInputStream(new BufferedInputStream(response.getBody())), callback);
            callback.onComplete();
        } catch (Exception e) {
            callback.onError(e);
        }
    }

    /** The same exceptions docker-java raises, so the error translator reads the engine's own words. */
    private static void throwIfRefused(DockerHttpClient.Response response) throws IOException {
        int status = response.getStatusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        throw status == 404 ? new NotFoundException(body) : new DockerException(body, status);
    }

    /** [8]byte{STREAM_TYPE, 0, 0, 0, SIZE (big-endian uint32)} then SIZE bytes, see the engine API's attach. */
    private static void readMessages(DataInputStream body, ResultCallback<Frame> callback) throws IOException {
        int first;
        while ((first = body.read()) >= 0) {
            if (first > 2) {
                readLines(body, first, callback);
                return;
            }
            body.skipNBytes(3);
            byte[] message = new byte[body.readInt()];
            body.readFully(message);
            callback.onNext(new Frame(first == 2 ? StreamType.STDERR : StreamType.STDOUT, message));
        }
    }

    private static void readLines(InputStream body, int first, ResultCallback<Frame> callback) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = first; next >= 0; next = body.read()) {
            line.write(next);
            if (next == '\n') {
                callback.onNext(new Frame(StreamType.RAW, line.toByteArray()));
                line.reset();
            }
        }
        if (line.size() > 0) {
            callback.onNext(new Frame(StreamType.RAW, line.toByteArray()));
        }
    }
}
