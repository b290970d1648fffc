package dev.drpconsole.core.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Tokens in the desktop keyring through libsecret's {@code secret-tool} (GNOME Keyring, KWallet's Secret Service
 * bridge), so no new library is needed. A token goes to the tool on its standard input, never as an argument
 * (arguments are visible to every user in {@code ps}).
 */
final class SecretToolTokenVault implements TokenVault {
    private static final String APPLICATION = "drp-context-console";
    private static final long TIMEOUT_SECONDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String executable;

    private SecretToolTokenVault(String executable) {
        this.executable = executable;
    }

    /**
     * The keyring, when {@code secret-tool} is on the PATH, a D-Bus session bus is announced and a lookup answers
     * within two seconds without an error (a locked-out or absent keyring daemon writes one to stderr).
     */
    static Optional<SecretToolTokenVault> detect(Map<String, String> env) {
        String bus = env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "");
        if (bus.isBlank()) {
            return Optional.empty();
        }
        return findOnPath(env.getOrDefault("PATH", ""), "secret-tool").flatMap(tool -> {
            try {
                Process probe = new ProcessBuilder(tool.toString(), "lookup", "application", APPLICATION, "probe", "1")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                probe.getOutputStream().close();
                boolean answered = probe.waitFor(2, TimeUnit.SECONDS);
                if (!answered) {
                    probe.destroyForcibly();
                    return Optional.empty();
                }
                boolean quiet = probe.getErrorStream().readAllBytes().length == 0;
                // Exit 1 with nothing on stderr is "no such secret": the keyring itself works.
                return quiet && probe.exitValue() <= 1
                        ? Optional.of(new SecretToolTokenVault(tool.toString()))
                        : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        });
    }

    static Optional<Path> findOnPath(String path, String name) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<IssuedToken> read(String profileId) {
        return run(null, "lookup", "application", APPLICATION, "profile", profileId).flatMap(secret -> {
            try {
                JsonNode entry = JSON.readTree(secret);
                Instant expiresAt = entry.hasNonNull("expiresAt") ? Instant.parse(entry.get("expiresAt").asText())
                        : null;
                return Optional.of(new IssuedToken(entry.path("token").asText(), expiresAt));
            } catch (IOException | RuntimeException damaged) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void store(String profileId, IssuedToken token) {
        ObjectNode entry = JSON.createObjectNode().put("token", token.value());
        token.expiry().ifPresent(expiry -> entry.put("expiresAt", expiry.toString()));
        run(entry.toString(), "store", "--label=DRP Context Console sign-in", "application", APPLICATION,
                "profile", profileId);
    }

    @Override
    public void remove(String profileId) {
        run(null, "clear", "application", APPLICATION, "profile", profileId);
    }

    @Override
    public String whereKept() {
        return "the system keyring";
    }

    /** Runs the tool; its output on success (exit 0), empty otherwise. */
    private Optional<String> run(String input, String... args) {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            // Handled once, here: a keyring that stops answering costs a password prompt, not the connection.
            LoggerFactory.getLogger(SecretToolTokenVault.class).warn("secret-tool {} failed: {}", args[0],
                    e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
