package dev.drpconsole.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ResponseItem;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns docker-java and transport failures into this package's typed exceptions with plain-words messages,
 * so no caller ever has to show a stack trace or a raw "Status 404: {...}" body.
 */
final class EngineErrorTranslator {

    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status \\d+: ");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Podman 4 answers these conflicts with 500 where Docker answers 409; its body names them in "cause". (A name in
     * use; a running container removed without force.)
     */
    private static final Set<String> PODMAN_CONFLICT_CAUSES = Set.of("that name is already in use",
            "container state improper");
    /** Podman's causes (libpod's define.ErrNoSuchCtr, ErrNoSuchImage) for a 500 about an object gone meanwhile. */
    private static final Set<String> PODMAN_GONE_CAUSES = Set.of("no such container", "no such image");

    private final EngineEndpoint endpoint;

    EngineErrorTranslator(EngineEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    EngineException translate(Throwable failure) {
        if (failure instanceof EngineException engineException) {
            return engineException;
        }
        if (failure instanceof NotFoundException notFound) {
            return new EngineObjectNotFoundException(engineMessage(notFound), notFound);
        }
        if (failure instanceof DockerException answered) {
            if (answered.getHttpStatus() == 500 && PODMAN_GONE_CAUSES.contains(String.valueOf(bodyField(answered,
                    "cause")))) {
                // Podman answers a look at a container removed meanwhile with 500 "no such container", not 404.
                return new EngineObjectNotFoundException(engineMessage(answered), answered);
            }
            return new EngineException(engineMessage(answered), statusCode(answered), answered);
        }
        if (failure instanceof DockerClientException clientSide) {
            // Raised on our side, e.g. a build context that cannot be read: not the engine's absence.
            return new EngineException(clientSide.getMessage(), 0, clientSide);
        }
        IOException io = ioCause(failure);
        if (io != null) {
            return unavailable(describe(io), fixHintFor(io), failure);
        }
        return new EngineException("Unexpected engine failure: " + failure, 0, failure);
    }

    /** For an engine that accepted the connection but never answered. */
    EngineUnavailableException noAnswerWithin(Duration deadline, Throwable cause) {
        return unavailable("it accepted the connection but did not answer within " + deadline.toSeconds() + " s",
                "The engine may be stuck or overloaded: restart it", cause);
    }

    private EngineUnavailableException unavailable(String why, String fixHint, Throwable cause) {
        // Over ssh the socket is the tunnel's, in a temporary directory: the user knows the engine by its ssh address.
        String reason = isOverSsh() ? "No engine answers at " + endpoint.source() + " (" + why + ")"
                : "No " + productGuess() + " engine answers at " + endpoint.host() + " (" + why + ")";
        return new EngineUnavailableException(reason, fixHint, cause);
    }

    private static String describe(IOException io) {
        String message = String.valueOf(io.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("no such file")) {
            return "socket not found";
        }
        if (lower.contains("connection refused")) {
            return "connection refused";
        }
        if (lower.contains("permission denied")) {
            return "permission denied";
        }
        // httpclient5 words a cut mid-stream by where it fell: "Premature end…", "Truncated chunk…",
        // "CRLF expected at end of chunk", "Bad chunk header…".
        if (lower.contains("premature end") || lower.contains("chunk") || lower.contains("connection reset")
                || lower.contains("broken pipe")) {
            return "the connection was cut";
        }
        if (io instanceof SocketTimeoutException || lower.contains("timed out") || lower.contains("timeout")) {
            return "no answer in time";
        }
        if (io instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        if (io instanceof SSLException) {
            return "TLS handshake failed: " + message;
        }
        return message;
    }

    private String fixHintFor(IOException io) {
        if (isOverSsh()) {
            return "The ssh connection may have dropped: the next call connects again. If that fails too, check"
                    + " the engine on that host";
        }
        String lower = String.valueOf(io.getMessage()).toLowerCase(Locale.ROOT);
        if (lower.contains("permission denied")) {
            return isPodman()
                    ? "Use your rootless Podman socket ($XDG_RUNTIME_DIR/podman/podman.sock), or run the console as root"
                    : "Add your user to the docker group: sudo usermod -aG docker $USER, then log in again";
        }
        if (io instanceof SSLException) {
            return "Check the TLS certificates in " + endpoint.tls().map(Object::toString).orElse("~/.docker");
        }
        if (!endpoint.isUnixSocket()) {
            return "Check that the engine runs on that host and that its port is reachable, or set DOCKER_HOST";
        }
        return isPodman()
                ? "Start it with: podman system service --time=0 " + endpoint.host() + " &"
                : "Start it with: sudo dockerd & (or set DOCKER_HOST to a running engine)";
    }

    /** The endpoint of an {@link SshTunnel}, whose source is the ssh address (see {@link SshEngine}). */
    private boolean isOverSsh() {
        return endpoint.source().startsWith("ssh://");
    }

    private boolean isPodman() {
        return endpoint.host().toString().contains("podman") || endpoint.source().contains("Podman");
    }

    private String productGuess() {
        return isPodman() ? "Podman" : "Docker";
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** The engine's own words for an error reported inside a stream (build or load output); null when it gave none. */
    static String engineMessage(ResponseItem item) {
        return item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                ? item.getErrorDetail().getMessage() : item.getError();
    }

    /** The engine's status, with Podman's 500-for-a-conflict read as the 409 Docker sends. */
    static int statusCode(DockerException answered) {
        String cause = String.valueOf(bodyField(answered, "cause"));
        if (answered.getHttpStatus() == 500 && PODMAN_CONFLICT_CAUSES.contains(cause)) {
            return 409;
        }
        return answered.getHttpStatus();
    }

    private static String body(DockerException answered) {
        return STATUS_PREFIX.matcher(String.valueOf(answered.getMessage())).replaceFirst("").trim();
    }

    private static String bodyField(DockerException answered, String field) {
        try {
            JsonNode value = JSON.readTree(body(answered)).path(field);
            return value.isTextual() ? value.asText() : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    /** The engine's own words: its error bodies are {"message":"..."} behind docker-java's "Status N: " prefix. */
    static String engineMessage(DockerException answered) {
        String message = bodyField(answered, "message");
        return message != null ? message : body(answered);
    }
}
