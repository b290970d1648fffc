package dev.drpconsole.core.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.engine.EngineChoice;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Which engine runs an endpoint's runner containers. The docker-context plugin starts them on the engine of the
 * host DRP runs on, so the console's own engine is the right one only when DRP runs on this machine:
 * <ul>
 * <li>what the user set for the endpoint, when set;</li>
 * <li>for the console's own sandbox, the engine it says it runs them on;</li>
 * <li>for an endpoint on this machine (a loopback address), this machine's engine;</li>
 * <li>otherwise none: nothing is watched until the user says how to reach the server's engine
 * ({@link #suggestion}), rather than showing this machine's containers as if they were the endpoint's.</li>
 * </ul>
 */
public final class RunnerEngines {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private RunnerEngines() {
    }

    /** The runner engine to watch for {@code profile}. */
    public static EngineChoice effective(EndpointProfile profile, Optional<SandboxLogin> sandbox) {
        if (profile.runnerEngine().isPresent()) {
            return profile.runnerEngine().get();
        }
        if (profile.source() == ProfileSource.LOCAL_SANDBOX) {
            return sandbox.flatMap(SandboxLogin::runnerEngine).orElse(EngineChoice.LOCAL);
        }
        return byDefault(profile.firstUrl());
    }

    /** The runner engine of an endpoint nobody said anything about: this machine's when it runs here, else none. */
    public static EngineChoice byDefault(String endpointUrl) {
        return onThisMachine(endpointUrl) ? EngineChoice.LOCAL : EngineChoice.NONE;
    }

    /** What to offer for an endpoint on another machine: its host over ssh, as root (DRP's user on most installs). */
    public static EngineChoice suggestion(String endpointUrl) {
        if (onThisMachine(endpointUrl)) {
            return EngineChoice.LOCAL;
        }
        return new EngineChoice.Ssh(Optional.of("root"), host(endpointUrl), 0, Optional.empty(), Optional.empty());
    }

    /** Whether the endpoint's address is this machine's loopback. */
    public static boolean onThisMachine(String endpointUrl) {
        return LOOPBACK.contains(host(endpointUrl));
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException notAUrl) {
            return "";
        }
    }

    /** Reads the choice endpoints.json keeps: {@code {"engine": text, "sshConfig": file, "certificates": dir}}. */
    static Optional<EngineChoice> read(JsonNode node) {
        if (!node.hasNonNull("engine")) {
            return Optional.empty();
        }
        try {
            EngineChoice choice = EngineChoice.parse(node.get("engine").asText());
            Optional<Path> sshConfig = path(node, "sshConfig");
            Optional<Path> certificates = path(node, "certificates");
            if (choice instanceof EngineChoice.Ssh ssh && sshConfig.isPresent()) {
                choice = ssh.withSshConfig(sshConfig.get());
            } else if (choice instanceof EngineChoice.Tcp tcp && certificates.isPresent()) {
                choice = tcp.withCertificates(certificates.get());
            }
            return Optional.of(choice);
        } catch (IllegalArgumentException e) {
            // An edited file: the endpoint falls back to the default, and the form shows the field empty.
            LoggerFactory.getLogger(RunnerEngines.class).warn("Ignoring a runner engine in endpoints.json: {}",
                    e.getMessage());
            return Optional.empty();
        }
    }

    static void write(EngineChoice choice, ObjectNode node) {
        node.put("engine", choice.text());
        if (choice instanceof EngineChoice.Ssh ssh) {
            ssh.sshConfig().ifPresent(file -> node.put("sshConfig", file.toString()));
        }
        if (choice instanceof EngineChoice.Tcp tcp) {
            tcp.certificatePath().ifPresent(directory -> node.put("certificates", directory.toString()));
        }
    }

    private static Optional<Path> path(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).map(JsonNode::asText).filter(text -> !text.isBlank())
                .map(Path::of);
    }
}
