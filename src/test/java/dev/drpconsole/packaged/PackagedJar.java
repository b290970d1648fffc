package dev.drpconsole.packaged;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.testsupport.TestEnv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged {@code target/drp-context-console.jar}, run as a user runs it: its sandbox and its commands. */
final class PackagedJar {

    private PackagedJar() {
    }

    /** A command's exit status and what it printed. */
    record Result(int exit, String out, String err) {
        String text() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** The jar's sandbox, running. */
    record Sandbox(Process process, String url) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** {@code java -jar … sandbox} on a free port, its runners on {@code engine}; returns once it is ready. */
    static Sandbox sandbox(Path dir, String password, URI engine) throws IOException {
        List<String> command = new ArrayList<>(readmeCommand());
        command.addAll(List.of("sandbox", "--port", "0", "--data", dir.resolve("sandbox").toString(), "--password",
                password, "--engine", engine.toString()));
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("sandbox.err").toFile()).start();
        BufferedReader ready = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = ready.readLine();
        assertTrue(line != null && line.startsWith("sandbox ready: https://127.0.0.1:"),
                "the packaged sandbox did not start: " + line + "\n" + Files.readString(dir.resolve("sandbox.err")));
        return new Sandbox(process, line.substring("sandbox ready: ".length()).strip());
    }

    /**
     * The README's start command, {@code java @target/drp-context-console.options -jar
     * target/drp-context-console.jar}: the JVM options and class-data archive the jar ships with.
     */
    static List<String> readmeCommand() {
        Path options = jar().resolveSibling("drp-context-console.options");
        assertTrue(Files.isRegularFile(options), options + " is not built: mvn package makes it beside the jar");
        return List.of(java(), "@" + options, "-jar", jar().toString());
    }

    /** The README's command with ARGUMENTS, no RS_* variables and the test's Docker as this machine's engine. */
    static Result run(Path dir, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(readmeCommand());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(key -> key.startsWith("RS_"));
        builder.environment().put("DOCKER_HOST", TestEnv.get().dockerHost().toString());
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the command did not end within 5 minutes");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("packaged.jar", "target/drp-context-console.jar"));
        assertTrue(Files.isRegularFile(jar), jar + " is not built: run mvn -B verify (it packages before this test)");
        return jar;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
