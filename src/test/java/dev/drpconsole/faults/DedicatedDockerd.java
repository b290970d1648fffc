package dev.drpconsole.faults;

import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Docker engine of the fault suite's own, to restart and kill at will: a second {@code dockerd} (root), with its own
 * data root, exec root (and so its own supervised containerd), pidfile and socket in a private directory under /tmp,
 * its own network bridge and no iptables rules, so that it never touches the engine the other tests share (not
 * {@code --bridge=none}: a dockerd started so deletes the interface docker0, the shared engine's bridge). With live
 * restore off (the default), stopping it stops its containers; restarting it starts those with a restart policy
 * again.
 * {@link #close()} removes its containers, stops it, unmounts what it mounted and deletes the directory.
 */
final class DedicatedDockerd implements AutoCloseable {
    private static final long READY_SECONDS = 60;

    private final Path dir;
    private final Path socket;
    private final Path pidFile;
    private final Path log;
    private final String namespace = "drpfault-" + TestLabels.runId();
    /** Its bridge: "drpf" and this run's id, within the 15 characters of an interface name. */
    private final String bridge = "drpf" + TestLabels.runId().substring(4);
    private Process dockerd;

    private DedicatedDockerd(Path dir) {
        this.dir = dir;
        this.socket = dir.resolve("docker.sock");
        this.pidFile = dir.resolve("dockerd.pid");
        this.log = dir.resolve("dockerd.log");
    }

    /** Starts it and waits until it answers, then loads the base image into it. */
    static DedicatedDockerd start() throws Exception {
        DedicatedDockerd engine = new DedicatedDockerd(Files.createTempDirectory(Path.of("/tmp"), "drpfault-dockerd-"));
        try {
            engine.createBridge();
            engine.launch();
            engine.loadBaseImage();
            return engine;
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
    }

    /** Where it answers, e.g. unix:///tmp/drpfault-dockerd-123/docker.sock. */
    URI host() {
        return URI.create("unix://" + socket);
    }

    /**
     * Restarts it: SIGTERM (a clean stop, as a service manager does: containers are stopped first) or SIGKILL (a
     * crash: its containerd goes with it, the containers' shims stay and are cleaned up by the next start), then
     * starts it again and waits until it answers.
     */
    void restart(boolean kill) throws Exception {
        stopDaemon(kill);
        launch();
    }

    /** Runs the docker CLI against this engine; returns its output, failing on a non-zero exit. */
    String docker(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host().toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private void launch() throws Exception {
        removeStaleContainerdPid();
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("exec"));
        dockerd = new ProcessBuilder("dockerd", "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", pidFile.toString(),
                "-H", host().toString(), "--bridge=" + bridge, "--iptables=false", "--ip6tables=false",
                "--ip-forward=false", "--ip-masq=false",
                "--containerd-namespace", namespace, "--containerd-plugins-namespace", namespace + "-plugins")
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (!answers()) {
            if (!dockerd.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("The dedicated dockerd " + (dockerd.isAlive() ? "did not answer within "
                        + READY_SECONDS + " s" : "exited (" + dockerd.exitValue() + ")") + ": " + tail());
            }
            Thread.sleep(100);
        }
    }

    /** A bridge of its own for its default network (its containers need none: they only print). */
    private void createBridge() throws Exception {
        run(List.of("ip", "link", "add", bridge, "type", "bridge"));
        run(List.of("ip", "addr", "add", "10.213.213.1/24", "dev", bridge));
    }

    private boolean answers() {
        try {
            Process ping = new ProcessBuilder("docker", "-H", host().toString(), "version", "--format",
                    "{{.Server.Version}}").redirectErrorStream(true).start();
            ping.getInputStream().readAllBytes();
            return ping.waitFor(10, TimeUnit.SECONDS) && ping.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The supervised containerd dies with a killed dockerd (its parent-death signal) but leaves its pidfile, and
     * PID 1 here does not reap it: the next dockerd would wait for that "running" containerd and give up.
     */
    private void removeStaleContainerdPid() throws IOException {
        Path containerdPid = dir.resolve("exec/containerd/containerd.pid");
        if (!Files.exists(containerdPid)) {
            return;
        }
        String pid = Files.readString(containerdPid).strip();
        Path status = Path.of("/proc", pid, "status");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // Its parent-death signal may still be on its way: give it a moment to go.
        while (live(status) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!live(status)) {
            Files.deleteIfExists(containerdPid);
        }
    }

    private static boolean live(Path status) {
        try {
            return Files.exists(status) && Files.readAllLines(status).stream()
                    .anyMatch(line -> line.matches("State:\\s+[^ZX].*"));
        } catch (IOException goneMeanwhile) {
            return false;
        }
    }

    private void stopDaemon(boolean kill) throws InterruptedException {
        if (dockerd == null || !dockerd.isAlive()) {
            return;
        }
        if (kill) {
            dockerd.destroyForcibly();
        } else {
            dockerd.destroy();
        }
        if (!dockerd.waitFor(30, TimeUnit.SECONDS)) {
            dockerd.destroyForcibly();
            dockerd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void loadBaseImage() throws Exception {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path tar = Path.of(cache == null || cache.isBlank() ? System.getProperty("user.home") + "/.cache" : cache,
                "drp-context-console", "base-bookworm.tar.gz");
        if (Files.isRegularFile(tar)) {
            docker("load", "-i", tar.toString());
        } else {
            run(List.of("sh", "-c", "docker -H '" + TestEnv.get().dockerHost() + "' save '" + TestEnv.get().baseImage()
                    + "' | docker -H '" + host() + "' load"));
        }
    }

    /**
     * Removes every container (all are this suite's), stops the daemon, kills shims a crash left, unmounts what is
     * still mounted under the directory (dockerd bind-mounts its data root) and deletes the directory.
     */
    @Override
    public void close() {
        try {
            if (dockerd != null && dockerd.isAlive()) {
                String ids = docker("ps", "-aq").strip();
                if (!ids.isEmpty()) {
                    List<String> remove = new ArrayList<>(List.of("rm", "-f"));
                    remove.addAll(List.of(ids.split("\\s+")));
                    docker(remove.toArray(String[]::new));
                }
            }
        } catch (Exception | AssertionError e) {
            System.err.println("[engine-restarted] could not remove the dedicated engine's containers: " + e);
        }
        try {
            stopDaemon(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
                .map(line -> line.contains("containerd-shim") && line.contains("-namespace " + namespace + " "))
                .orElse(false)).forEach(ProcessHandle::destroyForcibly);
        unmountAll();
        deleteDirectory();
        try {
            if (Files.exists(Path.of("/sys/class/net", bridge))) {
                run(List.of("ip", "link", "delete", bridge));
            }
        } catch (Exception | AssertionError e) {
            System.err.println("[engine-restarted] could not delete the bridge " + bridge + ": " + e);
        }
    }

    private void unmountAll() {
        try {
            List<String> mounts = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> line.split(" ")[4]).filter(point -> point.startsWith(dir.toString()))
                    .sorted(Comparator.comparing(String::length).reversed()).toList();
            for (String point : mounts) {
                run(List.of("umount", "-l", point));
            }
        } catch (Exception | AssertionError e) {
            System.err.println("[engine-restarted] could not unmount under " + dir + ": " + e);
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("[engine-restarted] could not delete " + dir + ": " + e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log).stream().filter(line -> !line.contains("module=grpc")
                    && !(line.contains("level=info") || line.contains("level=warning"))).toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
