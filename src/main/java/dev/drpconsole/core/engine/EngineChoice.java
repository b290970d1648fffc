package dev.drpconsole.core.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which container engine plays a role for the console: the <em>build engine</em> (where the wizard builds the
 * runner image: this machine's) or an endpoint's <em>runner engine</em> (where that endpoint's docker-context
 * plugin runs its {@code drp-runner-<uuid>} containers, usually on the DRP server itself). Written as one line of
 * text, the same in endpoints.json, on the command line ({@code setup --runner-engine}) and in the GUI's form:
 * <ul>
 * <li>{@code local}: this machine's engine, found as the docker CLI finds it ({@link EngineLocator});</li>
 * <li>{@code unix:///path/to/engine.sock}: a socket on this machine (the local sandbox names the one it uses);</li>
 * <li>{@code context:NAME}: a docker CLI context by name;</li>
 * <li>{@code ssh://user@host[:port]}: the docker CLI's way, {@code docker system dial-stdio} on the remote, or
 * {@code ssh://user@host[:port]/path/to/podman.sock}: Podman's way, the remote socket forwarded; both through the
 * system's OpenSSH client, so that {@code ~/.ssh/config}, the agent and known_hosts apply;</li>
 * <li>{@code tcp://host:port}: with TLS client certificates when a certificate directory is given (the
 * {@code DOCKER_CERT_PATH} layout: ca.pem, cert.pem, key.pem);</li>
 * <li>{@code none}: "I only have DRP API access": nothing watches the runner containers.</li>
 * </ul>
 * A choice holds no secret (keys stay with ssh, certificates in their files).
 */
public sealed interface EngineChoice {

    /** The line of text this choice is written as; {@link #parse} reads it back. */
    String text();

    /** In plain words, for a status bar or a page header, e.g. "Podman over ssh to root@drp1". */
    String describe();

    /** This machine's engine, found as the docker CLI finds it. */
    record Local() implements EngineChoice {
        @Override
        public String text() {
            return "local";
        }

        @Override
        public String describe() {
            return "this machine's engine";
        }
    }

    /** A socket on this machine, e.g. the one the local sandbox's runners use. */
    record Socket(URI address) implements EngineChoice {
        public Socket {
            Objects.requireNonNull(address, "address");
            if (!"unix".equals(address.getScheme()) || address.getPath() == null || address.getPath().isEmpty()) {
                throw new IllegalArgumentException("a socket is written unix:///path/to/engine.sock");
            }
        }

        @Override
        public String text() {
            return address.toString();
        }

        @Override
        public String describe() {
            return "the engine at " + address.getPath() + " on this machine";
        }
    }

    /** A docker CLI context by name ({@code docker context ls}). */
    record DockerContext(String name) implements EngineChoice {
        public DockerContext {
            if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("a docker context is written context:NAME, e.g. context:drp1");
            }
        }

        @Override
        public String text() {
            return "context:" + name;
        }

        @Override
        public String describe() {
            return "docker context '" + name + "'";
        }
    }

    /**
     * An engine reached through the system's OpenSSH client.
     *
     * @param user       the remote user, or empty for ssh's own default (the config's User, else the local user)
     * @param host       a host name, address or {@code ~/.ssh/config} alias
     * @param port       the ssh port, or 0 for ssh's own default
     * @param socketPath Podman's way: the remote engine socket to forward; empty for the docker CLI's way
     *                   ({@code docker system dial-stdio} on the remote)
     * @param sshConfig  an OpenSSH client config handed to {@code ssh -F}, or empty for the user's own
     */
    record Ssh(Optional<String> user, String host, int port, Optional<String> socketPath, Optional<Path> sshConfig)
            implements EngineChoice {
        public Ssh {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(socketPath, "socketPath");
            Objects.requireNonNull(sshConfig, "sshConfig");
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("an ssh engine is written ssh://user@host[:port][/path/to/socket]");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("the ssh port must be from 1 to 65535");
            }
        }

        /** The same engine, reached with an OpenSSH client config of its own ({@code ssh -F FILE}). */
        public Ssh withSshConfig(Path config) {
            return new Ssh(user, host, port, socketPath, Optional.ofNullable(config));
        }

        /** {@code user@host} or {@code host}, as ssh takes it. */
        public String destination() {
            return user.map(name -> name + "@").orElse("") + host;
        }

        @Override
        public String text() {
            return "ssh://" + destination() + (port > 0 ? ":" + port : "") + socketPath.orElse("");
        }

        @Override
        public String describe() {
            return socketPath.isPresent()
                    ? "the engine socket " + socketPath.get() + " on " + host + " over ssh"
                    : "the docker engine on " + host + " over ssh";
        }
    }

    /**
     * An engine's TCP port.
     *
     * @param address          {@code tcp://host:port}
     * @param certificatePath  a directory with ca.pem, cert.pem and key.pem (TLS with a client certificate), or empty
     *                         for plain TCP (which the engine's owner has to have chosen: anyone reaching the port
     *                         controls the engine)
     */
    record Tcp(URI address, Optional<Path> certificatePath) implements EngineChoice {
        public Tcp {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(certificatePath, "certificatePath");
            if (!"tcp".equals(address.getScheme()) || address.getHost() == null || address.getPort() <= 0) {
                throw new IllegalArgumentException("a TCP engine is written tcp://host:port, e.g. tcp://drp1:2376");
            }
        }

        /** The same engine with the TLS client certificates in {@code directory}. */
        public Tcp withCertificates(Path directory) {
            return new Tcp(address, Optional.ofNullable(directory));
        }

        @Override
        public String text() {
            return address.toString();
        }

        @Override
        public String describe() {
            return "the engine at " + address.getHost() + ":" + address.getPort()
                    + (certificatePath.isPresent() ? " (TLS)" : " (plain TCP)");
        }
    }

    /** No engine: the user has DRP API access only, and nothing watches the runner containers. */
    record None() implements EngineChoice {
        @Override
        public String text() {
            return "none";
        }

        @Override
        public String describe() {
            return "no engine (DRP API access only)";
        }
    }

    EngineChoice LOCAL = new Local();
    EngineChoice NONE = new None();

    /** What the command line and the form say they take. */
    String FORMS = "local, none, context:NAME, ssh://user@host[:port][/path/to/socket], tcp://host:port or "
            + "unix:///path/to/socket";

    /**
     * Reads a choice written as {@link #text()} does.
     *
     * @throws IllegalArgumentException with a message for the user when the text is none of the forms
     */
    static EngineChoice parse(String text) {
        String value = text == null ? "" : text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.equals("local") || lower.isEmpty()) {
            return LOCAL;
        }
        if (lower.equals("none")) {
            return NONE;
        }
        if (lower.startsWith("context:")) {
            return new DockerContext(value.substring("context:".length()).strip());
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + value + "' is not an engine address; use " + FORMS);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "unix" -> new Socket(uri);
            case "tcp" -> new Tcp(uri, Optional.empty());
            case "ssh" -> ssh(uri, value);
            default -> throw new IllegalArgumentException("'" + value + "' is not an engine address; use " + FORMS);
        };
    }

    private static Ssh ssh(URI uri, String value) {
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + value + "' names no host; write ssh://user@host[:port]");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("'" + value + "' has a ? or #, which an ssh engine address cannot");
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/") ? null
                : uri.getPath();
        return new Ssh(Optional.ofNullable(uri.getUserInfo()).filter(user -> !user.isEmpty()), uri.getHost(),
                Math.max(uri.getPort(), 0), Optional.ofNullable(path), Optional.empty());
    }
}
