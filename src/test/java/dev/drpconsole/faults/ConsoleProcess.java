package dev.drpconsole.faults;

import dev.drpconsole.testsupport.TestEnv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged console ({@code target/drp-context-console.jar}) run as its own process with the README's command,
 * {@code java @target/drp-context-console.options -jar target/drp-context-console.jar ARGS}: what ships is what is
 * killed. Its standard output is read as it comes, each line with the time it arrived, so a caller can wait for a
 * step's header and kill the console a chosen moment into that step.
 */
final class ConsoleProcess {
    /** One line of standard output and when it arrived, in ms since the process started. */
    record Line(long atMs, String text) {
    }

    /** A process the console started, with its command line as it was while the console ran. */
    record Child(ProcessHandle handle, String commandLine) {
    }

    private final Process process;
    private final long startedNanos;
    private final List<Line> lines = new ArrayList<>();
    private final Path errors;

    private ConsoleProcess(Process process, long startedNanos, Path errors) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.errors = errors;
        Thread reader = new Thread(this::read, "console-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the jar with {@code arguments}: no RS_* variables, the test's Docker as this machine's engine, and
     * {@code xdgConfig} as XDG_CONFIG_HOME so nothing reaches the user's own settings folder.
     */
    static ConsoleProcess start(Path xdgConfig, Path errors, List<String> arguments) {
        List<String> command = new ArrayList<>(readmeCommand());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("RS_"));
        builder.environment().put("DOCKER_HOST", TestEnv.get().dockerHost().toString());
        builder.environment().put("XDG_CONFIG_HOME", xdgConfig.toString());
        try {
            long started = System.nanoTime();
            return new ConsoleProcess(builder.start(), started, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /** {@code java @target/drp-context-console.options -jar target/drp-context-console.jar}. */
    static List<String> readmeCommand() {
        Path jar = Path.of(System.getProperty("packaged.jar", "target/drp-context-console.jar")).toAbsolutePath();
        Path options = jar.resolveSibling("drp-context-console.options");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(options)) {
            throw new IllegalStateException(jar + " or its .options file is not built: the faults profile runs"
                    + " after package; alone, run mvn -B -o -q package -DskipTests -Dprepare.skip first");
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + options, "-jar",
                jar.toString());
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String text;
            while ((text = out.readLine()) != null) {
                synchronized (lines) {
                    lines.add(new Line(sinceStartMs(), text));
                    lines.notifyAll();
                }
            }
        } catch (IOException killed) {
            // The process is gone: what it printed is what there is.
        } finally {
            synchronized (lines) {
                lines.add(new Line(sinceStartMs(), null));
                lines.notifyAll();
            }
        }
    }

    long sinceStartMs() {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Waits for a line matching {@code wanted}; empty when the output ended or {@code timeoutMs} passed first. */
    Optional<Line> awaitLine(Predicate<String> wanted, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    Line line = lines.get(seen);
                    if (line.text() == null) {
                        return Optional.empty();
                    }
                    if (wanted.test(line.text())) {
                        return Optional.of(line);
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return Optional.empty();
                }
                lines.wait(left);
            }
        }
    }

    /** Waits for the process to end; its exit status, or -1 when it still ran after {@code timeoutMs} (then killed). */
    int awaitExit(long timeoutMs) throws InterruptedException {
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        awaitLine(text -> false, 5_000); // the reader's end of output
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGKILL (what {@link Process#destroyForcibly} sends on Linux) to the console's JVM only, as the OOM killer or a
     * {@code kill -9} would: the processes it started (a {@code drpcli contents bundle}) are not signalled and are
     * reparented to init. Returns them, as they were just before the kill, for the caller to see whether they end.
     */
    List<Child> killForcibly() throws InterruptedException {
        List<Child> children = process.descendants().map(child -> new Child(child, child.info().commandLine()
                .orElse("?"))).toList();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        awaitLine(text -> false, 5_000);
        return children;
    }

    /** SIGTERM, as a user's Ctrl+C or a service stop; SIGKILL when it has not ended after 20 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** What it printed on standard error so far. */
    String errors() {
        try {
            return Files.readString(errors);
        } catch (IOException e) {
            return "(" + errors + " unreadable: " + e.getMessage() + ")";
        }
    }

    /** Everything it printed on standard output so far. */
    String output() {
        StringBuilder text = new StringBuilder();
        synchronized (lines) {
            lines.stream().filter(line -> line.text() != null).forEach(line -> text.append(line.text()).append('\n'));
        }
        return text.toString();
    }

    /** Its standard output and standard error, for a failure message. */
    String transcript() {
        return "--- stdout\n" + output() + "--- stderr\n" + errors();
    }
}
