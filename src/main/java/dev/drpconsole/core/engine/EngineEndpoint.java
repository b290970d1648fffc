package dev.drpconsole.core.engine;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the engine is expected to answer, and why that address was chosen.
 *
 * @param host            the engine address, e.g. {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}
 * @param source          in plain words, where the address came from, e.g. "DOCKER_HOST", "docker context 'foo'"
 * @param tlsCertificates directory holding {@code ca.pem}, {@code cert.pem} and {@code key.pem}, or {@code null}
 *                        when the engine is reached without TLS
 */
public record EngineEndpoint(URI host, String source, Path tlsCertificates) {

    public EngineEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
    }

    /** An endpoint reached without TLS (every local socket). */
    public static EngineEndpoint of(URI host, String source) {
        return new EngineEndpoint(host, source, null);
    }

    public Optional<Path> tls() {
        return Optional.ofNullable(tlsCertificates);
    }

    /** Whether this is a local unix socket, whose file can be checked before connecting. */
    public boolean isUnixSocket() {
        return "unix".equals(host.getScheme());
    }

    @Override
    public String toString() {
        return host + " (" + source + ")";
    }
}
