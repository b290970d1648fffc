package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to one endpoint: adds the headers DRP's own client sends (§1.5), the bearer token, renews the
 * token once after a 401/403 and retries, unless the 403 names a missing claim while the token still works (then
 * it is {@link DrpNotAllowedException}, never retried), and maps failures to typed exceptions. Logs method, path,
 * status and time only: never headers (they hold the token), never bodies.
 *
 * <p>Once the sign-in has ended (the saved token was refused and cannot be renewed, or the password no longer gets a
 * token: revoked, expired, changed), every later request fails at once with the same {@link DrpAuthException},
 * without reaching the endpoint, and the listeners of {@link #onSignInEnded} hear of it once: a console whose pages
 * poll must not keep knocking with credentials that cannot work (issue 15, fault token-revoked).
 */
final class DrpHttp implements AutoCloseable {
    static final MediaType JSON = MediaType.get("application/json");
    static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final Logger LOG = LoggerFactory.getLogger(DrpHttp.class);

    private final OkHttpClient http;
    private final HttpUrl base;
    private final DrpErrors errors;
    private final DrpCredentials credentials;
    private final TokenKeeper tokens;
    private final List<Consumer<DrpAuthException>> endListeners = new CopyOnWriteArrayList<>();
    private volatile DrpAuthException ended;

    DrpHttp(OkHttpClient http, HttpUrl base, DrpCredentials credentials, DrpClientOptions options) {
        this.http = http;
        this.base = base;
        this.errors = new DrpErrors(display(base));
        this.credentials = credentials;
        this.tokens = new TokenKeeper(credentials, () -> signIn(options.tokenTtl()), options.tokenTtl(),
                options.renewAt());
    }

    /** The base URL as users typed it (no trailing slash). */
    static String display(HttpUrl base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    String url() {
        return display(base);
    }

    OkHttpClient http() {
        return http;
    }

    TokenKeeper tokens() {
        return tokens;
    }

    /** {@code <base>/api/v3/<segments…>}, each segment encoded as one path segment. */
    HttpUrl.Builder api(String... segments) {
        HttpUrl.Builder url = base.newBuilder().addPathSegments("api/v3");
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url;
    }

    static Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url).header("Accept", "application/json").header("Cache-Control",
                "no-store");
    }

    static RequestBody json(JsonNode body) {
        return RequestBody.create(DrpJson.bytes(body), JSON);
    }

    /** Sends and returns a 2xx reply (the caller closes it); anything else throws. */
    Response send(Request.Builder request) {
        return send(request, Set.of());
    }

    /**
     * Like {@link #send(Request.Builder)}, but also returns replies whose status is in {@code alsoAccepted} (a 404
     * that means "absent", a 416 that means "nothing new").
     */
    Response send(Request.Builder request, Set<Integer> alsoAccepted) {
        refuseIfEnded();
        String token = tokens.token();
        Response reply = execute(authorized(request, token));
        if (reply.code() == 401 || reply.code() == 403) {
            DrpApiException refused;
            try (Response failed = reply) {
                refused = errors.fromReply(failed);
            }
            if (refused instanceof DrpLockedException) {
                throw refused; // the token passed; only unlocking the object helps
            }
            if (refused instanceof DrpNotAllowedException notAllowed && tokenWorks(token)) {
                throw notAllowed; // signing in again would not grant the claim; an upload is not sent twice
            }
            if (!tokens.canRenew()) {
                throw end(refusal(refused));
            }
            renewAfterRejection(token);
            reply = execute(authorized(request, tokens.token()));
        }
        if (reply.isSuccessful() || alsoAccepted.contains(reply.code())) {
            return reply;
        }
        try (Response failed = reply) {
            // After a renewal a claim refusal stays "not allowed": the token is fresh.
            throw errors.fromReply(failed);
        }
    }

    /** After a 401/403 with {@code rejected}: a new token with the password, unless the sign-in has ended. */
    void renewAfterRejection(String rejected) {
        refuseIfEnded();
        tokens.renewAfterRejection(rejected); // a refused password ends the sign-in (see signIn)
    }

    /** The saved token was refused where it cannot be retried with a new one (the event socket's upgrade). */
    DrpAuthException endWithRefusedToken(int code) {
        return end(refusal(new DrpApiException(code, "", "", "AUTH", List.of())));
    }

    /** Whether the sign-in has ended: nothing more is sent. */
    boolean signInEnded() {
        return ended != null;
    }

    /** {@code listener} hears once, on the thread that found out, that the sign-in ended (at once if it has). */
    void onSignInEnded(Consumer<DrpAuthException> listener) {
        endListeners.add(listener);
        DrpAuthException already = ended;
        if (already != null && endListeners.remove(listener)) {
            listener.accept(already);
        }
    }

    /** Records the end of the sign-in (the first one counts) and tells the listeners; returns what to throw. */
    private DrpAuthException end(DrpAuthException reason) {
        synchronized (this) {
            if (ended != null) {
                return reason;
            }
            ended = reason;
        }
        LOG.info("The sign-in of {} at {} ended: {}", credentials.username(), url(), reason.getMessage());
        for (Consumer<DrpAuthException> listener : endListeners) {
            if (endListeners.remove(listener)) {
                listener.accept(reason);
            }
        }
        return reason;
    }

    private void refuseIfEnded() {
        DrpAuthException reason = ended;
        if (reason != null) {
            throw new DrpAuthException(reason.code(), reason.type(), reason.messages());
        }
    }

    /**
     * The one place that tells "not allowed" from "signed out" after a 403 naming a claim: a cheap
     * {@code GET /info} with the same token. Its token works unless that is refused for the token itself (a 401,
     * or a 403 that names no claim; a user whose role lacks {@code info get} gets a claim refusal, and that still
     * proves the token).
     */
    private boolean tokenWorks(String token) {
        try (Response probe = execute(authorized(request(api("info").build()), token))) {
            if (probe.code() == 401) {
                return false;
            }
            return probe.code() != 403 || errors.fromReply(probe) instanceof DrpNotAllowedException;
        }
    }

    /** Sends and parses the JSON body of the reply. */
    JsonNode sendForJson(Request.Builder request) {
        try (Response reply = send(request)) {
            return DrpJson.read(reply.body().byteStream());
        } catch (IOException e) {
            throw errors.fromIo(e);
        }
    }

    /** With a saved token a refusal that is not "not allowed" means the sign-in ended: say so, keeping DRP's words. */
    private DrpAuthException refusal(DrpApiException error) {
        List<String> messages = new java.util.ArrayList<>();
        messages.add("The saved sign-in for " + credentials.username() + " at " + url()
                + " has expired or was revoked; sign in again.");
        messages.addAll(error.messages());
        return new DrpAuthException(error.code(), error.type(), messages);
    }

    private static Request authorized(Request.Builder request, String token) {
        return token == null ? request.build() : request.header("Authorization", "Bearer " + token).build();
    }

    /** One exchange; I/O failures become {@link DrpUnreachableException} or the pin's refusal. */
    Response execute(Request request) {
        long start = System.nanoTime();
        try {
            Response reply = http.newCall(request).execute();
            LOG.debug("{} {} -> {} ({} ms)", request.method(), request.url().encodedPath(), reply.code(),
                    (System.nanoTime() - start) / 1_000_000);
            return reply;
        } catch (IOException e) {
            LOG.debug("{} {} -> failed: {}", request.method(), request.url().encodedPath(), e.toString());
            throw errors.fromIo(e);
        }
    }

    /** Password sign-in: {@code GET /users/<name>/token?ttl=<s>} with Basic auth. */
    private TokenKeeper.Issued signIn(Duration ttl) {
        DrpCredentials.Password password = (DrpCredentials.Password) credentials;
        HttpUrl url = api("users", password.username(), "token").addQueryParameter("ttl",
                Long.toString(ttl.toSeconds())).build();
        Instant asked = Instant.now();
        Request request = request(url).header("Authorization", Credentials.basic(password.username(),
                password.password(), StandardCharsets.UTF_8)).build();
        try (Response reply = execute(request)) {
            if (reply.code() == 401 || reply.code() == 403) {
                // Definite: the password (changed, or the user gone) will not get a token however often it is sent.
                throw end(new DrpAuthException(reply.code(), "AUTH", List.of(url() + " refused the user name or "
                        + "password for " + password.username() + "; check them and sign in again.")));
            }
            if (!reply.isSuccessful()) {
                throw errors.fromReply(reply);
            }
            String body = reply.body().string(); // a token reply is small; a misdirected one is a page
            String token;
            try {
                token = DrpJson.read(body).path("Token").asText("");
            } catch (IOException notJson) {
                throw errors.notDrp("GET " + url.encodedPath(), reply.code(), reply.message(), body);
            }
            if (token.isEmpty()) {
                throw new DrpApiException(reply.code(), "users", password.username(), "GET",
                        List.of(url() + " answered the sign-in without a token; is this a dr-provision endpoint?"));
            }
            return new TokenKeeper.Issued(token, asked.plus(ttl));
        } catch (IOException e) {
            throw errors.fromIo(e);
        }
    }

    @Override
    public void close() {
        tokens.close();
    }
}
