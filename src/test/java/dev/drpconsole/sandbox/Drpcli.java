package dev.drpconsole.sandbox;

import dev.drpconsole.testsupport.TestEnv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real drpcli (provisioned by src/test/env/prepare.sh), pinned to one sandbox: RS_ENDPOINT (else it also
 * tries 127.0.0.1:8092), RS_KEY, and a token cache of its own.
 */
final class Drpcli {

    private final SandboxServer server;
    private final Path tokenCache;

    Drpcli(SandboxServer server, Path tokenCache) {
        this.server = server;
        this.tokenCache = tokenCache;
    }

    Result run(String... arguments) {
        return run(60, arguments);
    }

    Result run(int timeoutSeconds, String... arguments) {
        return run(Map.of(), timeoutSeconds, arguments);
    }

    /** Runs drpcli in a working directory (contents bundle reads the current directory). */
    Result runIn(Path directory, String... arguments) {
        return run(Map.of(), 60, directory, arguments);
    }

    /** Runs drpcli as a machine agent would: with a machine token instead of the admin's key. */
    Result runAsMachine(String token, String uuid, String context, int timeoutSeconds, String... arguments) {
        return run(Map.of("RS_TOKEN", token, "RS_UUID", uuid, "RS_CONTEXT", context, "RS_KEY", ""), timeoutSeconds,
                arguments);
    }

    private Result run(Map<String, String> overrides, int timeoutSeconds, String... arguments) {
        return run(overrides, timeoutSeconds, null, arguments);
    }

    private Result run(Map<String, String> overrides, int timeoutSeconds, Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(TestEnv.get().drpcli().toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        environment(builder.environment());
        overrides.forEach((key, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        try {
            Path out = Files.createTempFile("drpcli", ".out");
            Path err = Files.createTempFile("drpcli", ".err");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("drpcli " + String.join(" ", arguments) + " took over " + timeoutSeconds
                        + " s");
            }
            Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
        } catch (IOException e) {
            throw new AssertionError("Cannot run drpcli: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** Starts a long-running drpcli (e.g. events watch) writing its output to a file. */
    Process start(Path output, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(TestEnv.get().drpcli().toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        environment(builder.environment());
        return builder.start();
    }

    private void environment(Map<String, String> environment) {
        environment.put("RS_ENDPOINT", server.url().toString());
        environment.put("RS_KEY", "rocketskates:" + server.adminPassword().password());
        environment.put("RS_TOKEN_CACHE", tokenCache.toString());
        environment.put("RS_NO_COLOR", "true");
        environment.remove("RS_ENDPOINTS");
        environment.remove("RS_TOKEN");
    }

    /** What a drpcli run printed and how it ended. */
    record Result(int exitCode, String out, String err) {

        Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("drpcli failed (" + exitCode + "): " + err + out);
            }
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + out + err;
        }
    }
}
