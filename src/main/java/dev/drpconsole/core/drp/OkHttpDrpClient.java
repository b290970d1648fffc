package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@link DrpClient} over OkHttp. Create one with {@link #connect(DrpEndpoint, CertificatePins)}: it signs in at
 * the first endpoint URL that answers. Over https the endpoint's certificate must match the pin kept for its
 * {@code host:port} (trust on first use, see {@link UntrustedCertificateException}) unless the endpoint is marked
 * insecure; plain http URLs are accepted too (tests, local proxies) and count as insecure.
 *
 * <p>Thread-safe: views may call it from several executors at once.
 */
public final class OkHttpDrpClient implements DrpClient {
    private static final Set<Integer> NOT_FOUND = Set.of(404);

    private final DrpHttp http;
    private final boolean insecure;
    private final DrpClientOptions options;
    private final Object eventsLock = new Object();
    private OkHttpDrpEvents events;

    private OkHttpDrpClient(DrpHttp http, boolean insecure, DrpClientOptions options) {
        this.http = http;
        this.insecure = insecure;
        this.options = options;
    }

    /** {@link #connect(DrpEndpoint, CertificatePins, DrpClientOptions)} with the default timeouts. */
    public static OkHttpDrpClient connect(DrpEndpoint endpoint, CertificatePins pins) {
        return connect(endpoint, pins, DrpClientOptions.DEFAULTS);
    }

    /**
     * Signs in at the first of the endpoint's URLs that answers (with a password: fetches a token; with a saved
     * token: checks it with {@code GET /info}).
     *
     * @throws UntrustedCertificateException the certificate is not pinned yet, or differs from the pin
     * @throws DrpAuthException              the credentials were refused
     * @throws DrpUnreachableException       no URL answered (the message names the last one tried)
     */
    public static OkHttpDrpClient connect(DrpEndpoint endpoint, CertificatePins pins, DrpClientOptions options) {
        OkHttpClient shared = new OkHttpClient.Builder()
                .connectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .writeTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        DrpUnreachableException lastUnreachable = null;
        for (String text : endpoint.urls()) {
            HttpUrl base = parse(text);
            OkHttpClient.Builder builder = shared.newBuilder();
            ClientTls.configure(builder, base, endpoint.insecure(), pins);
            DrpHttp http = new DrpHttp(builder.build(), base, endpoint.credentials(), options);
            try {
                http.tokens().start();
                if (!http.tokens().canRenew()) {
                    http.sendForJson(DrpHttp.request(http.api("info").build())); // proves the saved token works
                }
                return new OkHttpDrpClient(http, endpoint.insecure() || !base.isHttps(), options);
            } catch (DrpUnreachableException e) {
                http.close();
                lastUnreachable = e;
            } catch (RuntimeException e) {
                http.close();
                shutDown(shared);
                throw e;
            }
        }
        shutDown(shared);
        throw lastUnreachable;
    }

    private static HttpUrl parse(String text) {
        HttpUrl url = HttpUrl.parse(text.trim());
        if (url == null) {
            throw new DrpUnreachableException("\"" + text + "\" is not an endpoint address.",
                    "Write it as https://host:8092.", null);
        }
        return url.newBuilder().encodedPath("/").query(null).fragment(null).build();
    }

    @Override
    public String url() {
        return http.url();
    }

    @Override
    public boolean insecure() {
        return insecure;
    }

    @Override
    public void onSignInEnded(java.util.function.Consumer<DrpAuthException> listener) {
        http.onSignInEnded(listener);
    }

    /** The bearer token in use now (renewed in the background), for the connections layer to keep. */
    public String currentToken() {
        return http.tokens().token();
    }

    /** When {@link #currentToken()} expires; empty when signed in with a saved token of unknown lifetime. */
    public Optional<Instant> tokenExpires() {
        return http.tokens().expires();
    }

    @Override
    public Info info() {
        return new Info((ObjectNode) http.sendForJson(DrpHttp.request(http.api("info").build())));
    }

    @Override
    public <T extends DrpObject> List<T> list(DrpType<T> type, Filter filter) {
        JsonNode array = http.sendForJson(DrpHttp.request(withFilter(http.api(type.prefix()), filter).build()));
        List<T> objects = new ArrayList<>(array.size());
        array.forEach(item -> objects.add(type.wrap().apply((ObjectNode) item)));
        return objects;
    }

    private static HttpUrl.Builder withFilter(HttpUrl.Builder url, Filter filter) {
        for (Map.Entry<String, String> param : filter.params()) {
            url.addQueryParameter(param.getKey(), param.getValue());
        }
        return url;
    }

    @Override
    public long count(DrpType<?> type, Filter filter) {
        Request.Builder head = DrpHttp.request(withFilter(http.api(type.prefix()), filter).build()).head();
        try (Response reply = http.send(head)) {
            String count = reply.header("X-DRP-LIST-FILTER-COUNT", reply.header("X-DRP-LIST-COUNT"));
            if (count != null) {
                return Long.parseLong(count.trim());
            }
        }
        return list(type, filter).size(); // an endpoint without count headers: count the long way
    }

    @Override
    public <T extends DrpObject> Optional<T> get(DrpType<T> type, String key) {
        try (Response reply = http.send(DrpHttp.request(http.api(type.prefix(), key).build()), NOT_FOUND)) {
            if (reply.code() == 404) {
                return Optional.empty();
            }
            return Optional.of(type.wrap().apply((ObjectNode) DrpJson.read(reply.body().byteStream())));
        } catch (IOException e) {
            throw new DrpErrors(url()).fromIo(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked") // an object's type wraps JSON into that same class
    public <T extends DrpObject> T create(T object) {
        DrpType<T> type = (DrpType<T>) object.type();
        JsonNode created = http.sendForJson(DrpHttp.request(http.api(type.prefix()).build())
                .post(DrpHttp.json(object.json())));
        return type.wrap().apply((ObjectNode) created);
    }

    @Override
    @SuppressWarnings("unchecked") // as in create
    public <T extends DrpObject> T update(T original, T changed) {
        return patch(original, changed, false);
    }

    @Override
    public <T extends DrpObject> T forceUpdate(T original, T changed) {
        return patch(original, changed, true);
    }

    @SuppressWarnings("unchecked") // as in create
    private <T extends DrpObject> T patch(T original, T changed, boolean force) {
        DrpType<T> type = (DrpType<T>) original.type();
        ArrayNode patch = JsonPatchDiff.between(original.json(), changed.json());
        if (patch.isEmpty()) {
            return get(type, original.key()).orElseThrow(() -> new DrpApiException(404, type.prefix(),
                    original.key(), "GET", List.of("It no longer exists.")));
        }
        try {
            HttpUrl.Builder url = http.api(type.prefix(), original.key());
            if (force) {
                url.addQueryParameter("force", "true");
            }
            JsonNode updated = http.sendForJson(DrpHttp.request(url.build()).patch(DrpHttp.json(patch)));
            return type.wrap().apply((ObjectNode) updated);
        } catch (DrpApiException e) {
            if (!e.isConflict()) {
                throw e;
            }
            List<String> messages = new ArrayList<>();
            messages.add("Someone else changed it since it was loaded, so this change was not saved. Reload it "
                    + "and make the change again.");
            messages.addAll(e.messages());
            throw new DrpApiException(e.code(), type.prefix(), original.key(), e.type(), messages);
        }
    }

    @Override
    @SuppressWarnings("unchecked") // DrpType<T> wraps into T
    public <T extends DrpObject> T delete(DrpType<T> type, String key) {
        JsonNode deleted = http.sendForJson(DrpHttp.request(http.api(type.prefix(), key).build()).delete());
        return type.wrap().apply((ObjectNode) deleted);
    }

    @Override
    public JobLogChunk jobLog(String jobUuid, long offset) {
        // identity: byte ranges of a gzip-encoded reply would count compressed bytes, not log bytes.
        Request.Builder request = DrpHttp.request(http.api("jobs", jobUuid, "log").build())
                .header("Accept", "application/octet-stream").header("Accept-Encoding", "identity")
                .header("Range", "bytes=" + offset + "-");
        try (Response reply = http.send(request, Set.of(416))) {
            if (reply.code() == 416) {
                return new JobLogChunk("", offset);
            }
            byte[] bytes = reply.body().bytes();
            // A server that ignores Range sends the whole log with 200: skip what was read before.
            int skip = reply.code() == 206 ? 0 : (int) Math.min(offset, bytes.length);
            int complete = Utf8Boundary.completeLength(bytes, skip, bytes.length);
            return new JobLogChunk(new String(bytes, skip, complete, StandardCharsets.UTF_8),
                    offset + complete);
        } catch (IOException e) {
            throw new DrpErrors(url()).fromIo(e);
        }
    }

    @Override
    public List<PluginProvider> pluginProviders() {
        List<PluginProvider> providers = new ArrayList<>();
        http.sendForJson(DrpHttp.request(http.api("plugin_providers").build()))
                .forEach(item -> providers.add(PluginProvider.of((ObjectNode) item)));
        return providers;
    }

    @Override
    public StoredFile uploadPluginProvider(String name, Path binary, TransferProgress progress) {
        JsonNode stored = http.sendForJson(DrpHttp.request(http.api("plugin_providers", name).build())
                .post(fileBody(binary, progress)));
        return new StoredFile(stored.path("path").asText(name), stored.path("size").asLong());
    }

    @Override
    public List<ContentSummary> contents() {
        List<ContentSummary> summaries = new ArrayList<>();
        http.sendForJson(DrpHttp.request(http.api("contents").build()))
                .forEach(item -> summaries.add(ContentSummary.of((ObjectNode) item)));
        return summaries;
    }

    /** As {@code drpcli contents update}: PUT when a pack of that name is installed, else POST. */
    @Override
    public ContentSummary putContent(ObjectNode content) {
        String name = content.path("meta").path("Name").asText("");
        if (name.isEmpty()) {
            throw new DrpApiException(422, "contents", "", "CLIENT_ERROR",
                    List.of("The content pack has no meta.Name, so the endpoint cannot store it."));
        }
        boolean installed = contents().stream().anyMatch(summary -> summary.name().equals(name));
        Request.Builder request = installed
                ? DrpHttp.request(http.api("contents", name).build()).put(DrpHttp.json(content))
                : DrpHttp.request(http.api("contents").build()).post(DrpHttp.json(content));
        return ContentSummary.of((ObjectNode) http.sendForJson(request));
    }

    @Override
    public void deleteContent(String name) {
        http.send(DrpHttp.request(http.api("contents", name).build()).delete()).close();
    }

    @Override
    public List<String> listFiles(String dir) {
        List<String> names = new ArrayList<>();
        http.sendForJson(DrpHttp.request(http.api("files").addQueryParameter("path", dir).build()))
                .forEach(item -> names.add(item.asText()));
        return names;
    }

    private HttpUrl fileUrl(String path) {
        return http.api("files").addPathSegments(path.startsWith("/") ? path.substring(1) : path).build();
    }

    @Override
    public StoredFile uploadFile(String path, Path source, TransferProgress progress) {
        JsonNode stored = http.sendForJson(DrpHttp.request(fileUrl(path)).post(fileBody(source, progress)));
        return new StoredFile(stored.path("Path").asText(path), stored.path("Size").asLong());
    }

    private RequestBody fileBody(Path source, TransferProgress progress) {
        try {
            return new FileBody(source, progress);
        } catch (IOException e) {
            throw new DrpException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Streams into a temporary file beside {@code target}, then moves it in place: no half-written target. */
    @Override
    public void downloadFile(String path, Path target, TransferProgress progress) {
        // identity: progress is measured against Content-Length, which a gzip-encoded reply would not match.
        Request.Builder request = DrpHttp.request(fileUrl(path)).header("Accept", "application/octet-stream")
                .header("Accept-Encoding", "identity");
        Path absolute = target.toAbsolutePath();
        Path partial = absolute.resolveSibling("." + absolute.getFileName() + ".part");
        try (Response reply = http.send(request)) {
            long total = reply.body().contentLength();
            try (InputStream in = reply.body().byteStream(); OutputStream out = Files.newOutputStream(partial)) {
                copy(in, out, total, progress);
            } catch (IOException e) {
                throw new DrpErrors(url()).fromIo(e);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DrpException("Cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // Only a leftover temporary file; the outcome was reported above.
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long total, TransferProgress progress)
            throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long done = 0;
        progress.moved(0, total);
        int read;
        while ((read = in.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            done += read;
            progress.moved(done, total);
        }
    }

    @Override
    public Optional<String> fileSha256(String path) {
        try (Response reply = http.send(DrpHttp.request(fileUrl(path)).head(), NOT_FOUND)) {
            if (reply.code() == 404) {
                return Optional.empty();
            }
            String sum = reply.header("X-DRP-SHA256SUM");
            if (sum == null) {
                String etag = reply.header("ETag", "").replace("\"", "");
                sum = etag.regionMatches(true, 0, "SHA256:", 0, 7) ? etag.substring(7) : null;
            }
            return Optional.ofNullable(sum).map(String::toLowerCase);
        }
    }

    @Override
    public void deleteFile(String path) {
        http.send(DrpHttp.request(fileUrl(path)).delete()).close();
    }

    @Override
    public DrpEvents events() {
        synchronized (eventsLock) {
            if (events == null) {
                events = new OkHttpDrpEvents(http, options);
            }
            return events;
        }
    }

    @Override
    public void close() {
        synchronized (eventsLock) {
            if (events != null) {
                events.close();
            }
        }
        http.close();
        shutDown(http.http());
    }

    private static void shutDown(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
