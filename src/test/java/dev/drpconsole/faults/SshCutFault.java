package dev.drpconsole.faults;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerSpec;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import dev.drpconsole.ui.containers.ContainerRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault {@code ssh-cut}: the ssh connection to the runner engine is killed {@value #CUTS} times while the Containers
 * view follows a runner's log. The runner engine is the shared Docker engine reached the docker CLI's way through the
 * test sshd ({@code ssh://USER@127.0.0.1:PORT}): the console's {@code SshTunnel} holds one OpenSSH control master
 * and carries each engine connection over a {@code docker system dial-stdio} session on it. The cuts take turns:
 * SIGKILL of the control master (every session with it), of this tunnel's dial-stdio clients (the follow's own
 * session), and of the sshd session process serving the master (the server's side; never the sshd listener).
 *
 * <p>A cut survives when the followed log goes on by itself (no Retry, no new selection) and the view was told no
 * failure. Lost is every line shown twice, every line the engine has ({@code docker logs}, from the first shown line
 * on) that the view lacks, and every shown line the engine does not have.
 */
@Tag("engine")
@Tag("sandbox")
@Tag("display")
class SshCutFault {
    private static final int CUTS = 20;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final TestEnv ENV = TestEnv.get();

    @TempDir
    Path work;

    private int lostReported;

    @Test
    void theFollowedLogGoesOnAfterEachCut() throws Exception {
        FaultTally tally = new FaultTally("ssh-cut");
        EngineChoice.Ssh choice = ((EngineChoice.Ssh) EngineChoice.parse("ssh://" + ENV.sshUser() + "@"
                + ENV.sshHost() + ":" + ENV.sshPort())).withSshConfig(ENV.sshConfig());
        try (ContainerEngine shared = DockerEngine.open(EngineEndpoint.of(ENV.dockerHost(), "the shared engine"));
                FollowedRunnerLog view = FollowedRunnerLog.withRunnerMachine(work.resolve("sandbox"));
                EngineHandle overSsh = EngineHandle.of(choice)) {
            try {
                shared.containers().run(ContainerSpec.of(ENV.baseImage()).withName(view.containerName())
                        .withLabels(TestLabels.forThisRun()).withInitProcess(true)
                        .withCommand("bash", "-c", FollowedRunnerLog.NUMBERED_LINES));
                view.show(overSsh);
                ContainerRow runner = view.awaitRunnerRunning(PATIENCE);
                view.follow(runner);
                view.awaitShown("boot-1 line-20", PATIENCE);
                Path controlSocket = Path.of(overSsh.get().endpoint().host().getPath()).resolveSibling("c");

                for (int cut = 1; cut <= CUTS; cut++) {
                    Cut kind = Cut.values()[(cut - 1) % Cut.values().length];
                    String label = kind.words + " " + cut;
                    long started = System.nanoTime();
                    tally.attempt(label, () -> {
                        int before = view.shown().size();
                        int killed = kind.kill(choice, controlSocket);
                        if (killed == 0) {
                            throw new AssertionError("nothing to kill: no " + kind.words);
                        }
                        FollowedRunnerLog.waitFor("the follow goes on after the cut", PATIENCE,
                                () -> view.shown().size() >= before + 20);
                        return lostSoFar(view);
                    });
                    System.out.printf("[ssh-cut] %s: %.1f s, %d lines shown%n", label,
                            (System.nanoTime() - started) / 1e9, view.shown().size());
                }
                try {
                    tally.lost(lostSoFar(view), "lines lost at the end");
                } catch (AssertionError | Exception e) {
                    tally.lost(1, "the final comparison failed: " + e.getMessage());
                }
            } finally {
                TestCleanup.removeEverythingOfThisRun(shared);
            }
        }
        tally.report();
    }

    /** Compares the shown log with the engine's (asked directly, not over ssh); returns what was lost since. */
    private int lostSoFar(FollowedRunnerLog view) throws Exception {
        List<String> engineLines = run("docker", "-H", ENV.dockerHost().toString(), "logs", view.containerName())
                .lines().toList();
        view.awaitShown(FollowedRunnerLog.last(engineLines), PATIENCE);
        if (!view.failures().isEmpty()) {
            throw new AssertionError("the follow failed instead of resuming: " + view.failures());
        }
        FollowedRunnerLog.Lost lost = FollowedRunnerLog.compare(view.shown(), engineLines);
        int now = lost.count() - lostReported;
        if (now > 0) {
            System.out.println("[ssh-cut] lost " + lost.summary());
        }
        lostReported = lost.count();
        return Math.max(0, now);
    }

    /** The ways the connection is cut, by turns; each kills only processes of this run's tunnel. */
    private enum Cut {
        MASTER("ssh control master") {
            @Override
            int kill(EngineChoice.Ssh choice, Path controlSocket) throws Exception {
                return killAll(Set.of(masterPid(choice, controlSocket)));
            }
        },
        DIAL_STDIO("dial-stdio sessions") {
            @Override
            int kill(EngineChoice.Ssh choice, Path controlSocket) {
                return killAll(ProcessHandle.current().descendants().filter(process -> process.info().commandLine()
                        .map(line -> line.contains("dial-stdio") && line.contains(controlSocket.toString()))
                        .orElse(false)).map(ProcessHandle::pid).collect(Collectors.toSet()));
            }
        },
        SSHD_SESSION("sshd session") {
            @Override
            int kill(EngineChoice.Ssh choice, Path controlSocket) throws Exception {
                return killAll(sshdSessionPids(masterPid(choice, controlSocket)));
            }
        };

        final String words;

        Cut(String words) {
            this.words = words;
        }

        abstract int kill(EngineChoice.Ssh choice, Path controlSocket) throws Exception;
    }

    private static int killAll(Set<Long> pids) {
        int killed = 0;
        for (long pid : pids) {
            if (ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false)) {
                killed++;
            }
        }
        return killed;
    }

    /** The master's pid, as its control socket tells it ({@code ssh -O check}). */
    private static long masterPid(EngineChoice.Ssh choice, Path controlSocket) throws Exception {
        String answer = run("ssh", "-F", ENV.sshConfig().toString(), "-p", Integer.toString(choice.port()),
                "-S", controlSocket.toString(), "-O", "check", choice.destination());
        Matcher pid = Pattern.compile("Master running \\(pid=(\\d+)\\)").matcher(answer);
        if (!pid.find()) {
            throw new AssertionError("no master: " + answer);
        }
        return Long.parseLong(pid.group(1));
    }

    /**
     * The sshd processes serving the master's TCP connection (the server's end of it, found with {@code ss}), never
     * the sshd that listens (its pidfile's).
     */
    private static Set<Long> sshdSessionPids(long masterPid) throws Exception {
        List<String> sockets = run("ss", "-tnpH").lines().toList();
        String masterPort = sockets.stream().filter(line -> line.contains("pid=" + masterPid + ","))
                .map(line -> line.trim().split("\\s+")[3]).filter(local -> local.startsWith(ENV.sshHost() + ":"))
                .map(local -> local.substring(local.lastIndexOf(':') + 1)).findFirst()
                .orElseThrow(() -> new AssertionError("the master " + masterPid + " has no connection"));
        long listener = Long.parseLong(Files.readString(ENV.sshConfig().resolveSibling("sshd.pid")).strip());
        Pattern pid = Pattern.compile("pid=(\\d+),");
        return sockets.stream().filter(line -> {
            String[] fields = line.trim().split("\\s+");
            return fields.length > 4 && fields[3].endsWith(":" + ENV.sshPort())
                    && fields[4].equals(ENV.sshHost() + ":" + masterPort) && line.contains("\"sshd\"");
        }).flatMap(line -> pid.matcher(line).results().map(match -> Long.parseLong(match.group(1))))
                .filter(found -> found != listener).collect(Collectors.toSet());
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
