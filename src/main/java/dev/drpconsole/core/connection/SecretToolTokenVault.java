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
 * (arguments are visible to every user in {@code ps}). The tool runs with the environment the vault was opened with
 * (the console's own, or a test's private session bus): that environment names the bus and the keyring.
 */
final class SecretToolTokenVault implements TokenVault {
    private static final String APPLICATION = "drp-context-console";
    private static final long TIMEOUT_SECONDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String executable;
    private final Map<String, String> env;

    private SecretToolTokenVault(String executable, Map<String, String> env) {
        this.executable = executable;
        this.env = Map.copyOf(env);
    }

    /**
     * The keyring, when {@code secret-tool} is on the PATH, a D-Bus session bus is announced and a lookup answers
     * within two seconds without an error (a locked-out or absent keyring daemon writes one to stderr); else why
     * not, in words for the user.
     */
    static SecretToolTokenVault open(Map<String, String> env) throws KeyringUnavailableException {
        String bus = env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "");
        if (bus.isBlank()) {
            throw new KeyringUnavailableException("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
        }
        Path tool = findOnPath(env.getOrDefault("PATH", ""), "secret-tool").orElseThrow(() ->
                new KeyringUnavailableException("secret-tool is not installed (Debian: libsecret-tools)"));
        SecretToolTokenVault vault = new SecretToolTokenVault(tool.toString(), env);
        try {
            Process probe = vault.start(false, "lookup", "application", APPLICATION, "probe", "1");
            probe.getOutputStream().close();
            if (!probe.waitFor(2, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                throw new KeyringUnavailableException("the keyring did not answer within 2 seconds");
            }
            String error = new String(probe.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            // Exit 1 with nothing on stderr is "no such secret": the keyring itself works.
            if (!error.isEmpty() || probe.exitValue() > 1) {
                throw new KeyringUnavailableException(error.isEmpty() ? "secret-tool exited with "
                        + probe.exitValue() : firstLine(error));
            }
            return vault;
        } catch (IOException e) {
            throw new KeyringUnavailableException("secret-tool did not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyringUnavailableException("interrupted while asking the keyring");
        }
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
        try {
            storeOrFail(profileId, token);
        } catch (KeyringUnavailableException e) {
            // Handled once, here: without a stored token the next start asks for the password again.
            LoggerFactory.getLogger(SecretToolTokenVault.class).warn("The keyring did not keep the sign-in: {}",
                    e.getMessage());
        }
    }

    /** Stores the token, or says why the keyring refused it (a locked collection, a daemon gone). */
    void storeOrFail(String profileId, IssuedToken token) throws KeyringUnavailableException {
        ObjectNode entry = JSON.createObjectNode().put("token", token.value());
        token.expiry().ifPresent(expiry -> entry.put("expiresAt", expiry.toString()));
        try {
            Process process = start(false, "store", "--label=DRP Context Console sign-in", "application",
                    APPLICATION, "profile", profileId);
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(entry.toString().getBytes(StandardCharsets.UTF_8));
            }
            // Waits first: a desktop keyring may hold the call on an unlock prompt nobody answers.
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new KeyringUnavailableException("the keyring did not answer within " + TIMEOUT_SECONDS
                        + " seconds");
            }
            String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new KeyringUnavailableException(error.isEmpty() ? "secret-tool exited with "
                        + process.exitValue() : firstLine(error));
            }
        } catch (IOException e) {
            throw new KeyringUnavailableException("secret-tool failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyringUnavailableException("interrupted while asking the keyring");
        }
    }

    @Override
    public void remove(String profileId) {
        run(null, "clear", "application", APPLICATION, "profile", profileId);
    }

    @Override
    public String whereKept() {
        return "the system keyring";
    }

    /**
     * Starts the tool with the vault's environment (that environment, not the JVM's, names the bus). Its stderr is
     * piped for the caller to read (a line or two); {@code quietly} drops it, for calls whose errors mean "not there".
     */
    private Process start(boolean quietly, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(executable));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (quietly) {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** Runs the tool; its output on success (exit 0), empty otherwise. */
    private Optional<String> run(String input, String... args) {
        try {
            Process process = start(true, args);
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
