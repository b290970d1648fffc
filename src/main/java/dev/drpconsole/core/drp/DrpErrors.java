package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import okhttp3.Response;
import okio.BufferedSource;

/** Turns failed calls into the typed exceptions of {@link DrpClient}, worded for the people who read them. */
final class DrpErrors {
    /** Error bodies are small; a misdirected request may get a whole web page, of which this much is enough. */
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final String url;

    DrpErrors(String url) {
        this.url = url;
    }

    /** A non-2xx reply: DRP's {@code {Model, Key, Type, Messages, Code}} when the body is one, else plain words. */
    DrpApiException fromReply(Response reply) {
        String body = bodyText(reply);
        int code = reply.code();
        Optional<JsonNode> error = drpError(body);
        String type = error.map(e -> e.path("Type").asText("")).orElse("");
        List<String> messages = new ArrayList<>();
        error.ifPresent(e -> e.path("Messages").forEach(m -> messages.add(m.asText())));
        if (code == 403 && "AUTH".equals(type) && DrpNotAllowedException.namesAClaim(messages)) {
            // Whether the token still works is for DrpHttp to find out: it turns this into "signed out" if not.
            return new DrpNotAllowedException(code, error.get().path("Model").asText(""),
                    error.get().path("Key").asText(""), messages);
        }
        if (DrpLockedException.isLockRefusal(code, messages)) {
            return new DrpLockedException(code, error.get().path("Model").asText(""),
                    error.get().path("Key").asText(""), type, messages);
        }
        if (code == 401 || code == 403) {
            return new DrpAuthException(code, type, messages.isEmpty()
                    ? List.of(url + " refused the sign-in (HTTP " + code + ")") : messages);
        }
        if (error.isPresent()) {
            if (messages.isEmpty()) {
                messages.add("HTTP " + code + " " + reply.message());
            }
            return new DrpApiException(code, error.get().path("Model").asText(""), error.get().path("Key")
                    .asText(""), type, messages);
        }
        String what = reply.request().method() + " " + reply.request().url().encodedPath();
        if (!body.isBlank()) {
            return notDrp(what, code, reply.message(), body);
        }
        messages.add(url + " answered " + what + " with HTTP " + code + " " + reply.message() + " and no details.");
        return new DrpApiException(code, "", "", "", messages);
    }

    /**
     * A reply DRP would never give (a web server's page, a proxy's text): says so, quotes what the reply says once,
     * and what to check.
     *
     * @param what the request, e.g. "GET /api/v3/info"
     */
    DrpApiException notDrp(String what, int code, String status, String body) {
        String said = excerpt(body, code + " " + status);
        return new DrpApiException(code, "", "", "", List.of(url + " does not answer like a DRP endpoint: " + what
                + " got HTTP " + code + " " + status + " and a reply that is not DRP's"
                + (said.isEmpty() ? "" : " (it says \"" + said + "\")")
                + ". Check the address and port (DRP uses 8092)."));
    }

    private static Optional<JsonNode> drpError(String body) {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = DrpJson.read(body);
            return node.isObject() && node.has("Messages") ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String bodyText(Response reply) {
        try {
            BufferedSource source = reply.body().source();
            source.request(MAX_ERROR_BODY);
            return source.getBuffer().readString(Math.min(source.getBuffer().size(), MAX_ERROR_BODY),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // The status alone still says what went wrong.
        }
    }

    /**
     * The text of an HTML or plain-text body, tags dropped, cut short. A page's title and heading usually say the
     * same ("404 Not Found" twice on nginx's page), and often what the status line already said: a piece of text is
     * left out when an earlier one, or {@code alreadySaid}, already contains it.
     */
    private static String excerpt(String body, String alreadySaid) {
        String stripped = body.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", "\n").replaceAll("(?s)<!--.*?-->", "\n");
        List<String> said = new ArrayList<>(List.of(alreadySaid.toLowerCase(Locale.ROOT)));
        List<String> pieces = new ArrayList<>();
        for (String piece : stripped.split("<[^>]*>")) {
            String text = piece.replaceAll("\\s+", " ").trim();
            String lower = text.toLowerCase(Locale.ROOT);
            if (!text.isEmpty() && said.stream().noneMatch(earlier -> earlier.contains(lower))) {
                said.add(lower);
                pieces.add(text);
            }
        }
        String text = String.join(" — ", pieces);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** No usable answer: refused, timed out, unknown host, dropped, or a TLS failure other than the pin. */
    DrpException fromIo(IOException e) {
        Optional<UntrustedCertificateException> untrusted = untrusted(e);
        if (untrusted.isPresent()) {
            return untrusted.get();
        }
        String check = "Is dr-provision running at " + url + "? Check the address and port (DRP uses 8092).";
        if (e instanceof UnknownHostException) {
            return new DrpUnreachableException("The host name in " + url + " cannot be found.",
                    "Check the address for typos, or use the endpoint's IP address.", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new DrpUnreachableException("Nothing answers at " + url + " (connection refused).", check, e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new DrpUnreachableException(url + " did not answer in time.", check
                    + " A busy endpoint or a firewall that drops traffic also causes this.", e);
        }
        if (e instanceof SSLException) {
            return new DrpUnreachableException("The secure connection to " + url + " failed: " + e.getMessage(),
                    "Check that the address starts with https:// and names the API port (8092).", e);
        }
        return new DrpUnreachableException("The connection to " + url + " dropped: " + e.getMessage(), check, e);
    }

    /** The handshake failed because of the pin: JSSE wraps our refusal one or more levels deep. */
    static Optional<UntrustedCertificateException> untrusted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PinningTrustManager.Refused refused) {
                return Optional.of(refused.untrusted());
            }
            if (cause instanceof UntrustedCertificateException untrusted) {
                return Optional.of(untrusted);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
