package dev.drpconsole.bench;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.ContainerSpec;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineOpener;
import dev.drpconsole.core.engine.LogLine;
import dev.drpconsole.core.engine.LogListener;
import dev.drpconsole.core.engine.LogOptions;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.io.Closeable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What reaching an engine over ssh costs, against the same engine's local socket: Docker through
 * {@code docker system dial-stdio} (the docker CLI's way) and Podman through its forwarded socket (Podman's way),
 * both over the test sshd on 127.0.0.1 that prepare.sh provisions, so the figures are ssh's own overhead with no
 * network in between. Per engine: opening it (for ssh: logging in the master and one ping), listing the containers
 * {@value #LISTS} times (docker-java keeps the connection, so this is the per-request cost), and the time from
 * following a running container's log to its first line, {@value #FOLLOWS} times, {@value #PAUSE_MILLIS} ms apart
 * like a user opening one log after another (every follow takes a connection of its own: for dial-stdio a session
 * and the docker CLI on the remote, which the tunnel starts one ahead). Prints medians and the ratio to the local
 * socket; asserts nothing. Run: {@code mvn -B -o -Pbench verify -DskipTests}, or only this one with
 * {@code mvn -B -o -Pbench test-compile exec:exec@ssh-engine-benchmark}.
 */
public final class SshEngineBenchmark {
    private static final int LISTS = 50;
    private static final int FOLLOWS = 10;
    private static final int PAUSE_MILLIS = 500;

    private SshEngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestEnv env = TestEnv.get();
        String ssh = "ssh://" + env.sshUser() + "@" + env.sshHost() + ":" + env.sshPort();
        System.out.println("ssh engine benchmark: sshd at " + env.sshHost() + ":" + env.sshPort() + ", "
                + LISTS + " lists, " + FOLLOWS + " follows " + PAUSE_MILLIS + " ms apart per engine, medians");
        compare("Docker", env.dockerHost(), ssh, env);
        compare("Podman", env.podmanHost(), ssh + env.podmanHost().getPath(), env);
    }

    private static void compare(String product, URI localHost, String sshAddress, TestEnv env) throws Exception {
        EngineChoice.Ssh choice = ((EngineChoice.Ssh) EngineChoice.parse(sshAddress)).withSshConfig(env.sshConfig());
        try (DockerEngine local = DockerEngine.open(EngineEndpoint.of(localHost, "test-env.properties"))) {
            String id = local.containers().run(ContainerSpec.of(env.baseImage()).withLabels(TestLabels.forThisRun())
                    .withInitProcess(true).withCommand("bash", "-c", "seq 1 100; exec sleep 120"));
            try {
                Figures direct = measure(local, id, 0);
                long openStart = System.nanoTime();
                try (ContainerEngine overSsh = EngineOpener.open(choice)) {
                    Figures tunnelled = measure(overSsh, id, System.nanoTime() - openStart);
                    print(product + " local socket", direct, direct);
                    print(product + " " + choice.text(), tunnelled, direct);
                    record("engine_" + product.toLowerCase(java.util.Locale.ROOT) + "_local", direct);
                    record("engine_" + product.toLowerCase(java.util.Locale.ROOT) + "_ssh", tunnelled);
                }
            } finally {
                TestCleanup.removeEverythingOfThisRun(local);
            }
        }
    }

    /** @param openNanos how long opening the engine took (0 for a local socket, which opens without I/O) */
    private static Figures measure(ContainerEngine engine, String id, long openNanos) throws Exception {
        long firstCallStart = System.nanoTime();
        engine.info();
        long firstCall = System.nanoTime() - firstCallStart;
        List<Long> lists = new ArrayList<>();
        for (int run = 0; run < LISTS; run++) {
            long start = System.nanoTime();
            engine.containers().list(ContainerQuery.all());
            lists.add(System.nanoTime() - start);
        }
        List<Long> firstLines = new ArrayList<>();
        for (int run = 0; run < FOLLOWS; run++) {
            Thread.sleep(PAUSE_MILLIS);
            CountDownLatch firstLine = new CountDownLatch(1);
            long start = System.nanoTime();
            try (Closeable follow = engine.containers().followLogs(id, LogOptions.everything(), new LogListener() {
                @Override
                public void onLine(LogLine line) {
                    firstLine.countDown();
                }
            })) {
                if (!firstLine.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no log line within 30 s from " + engine.endpoint());
                }
                firstLines.add(System.nanoTime() - start);
            }
        }
        return new Figures(openNanos, firstCall, median(lists), median(firstLines));
    }

    private static void print(String what, Figures figures, Figures local) {
        System.out.printf("  %-58s open %6.1f ms, first call (info) %6.1f ms, list %6.2f ms (x%.1f),"
                        + " first log line %6.1f ms (x%.1f)%n", what, figures.open / 1e6, figures.firstCall / 1e6,
                figures.list / 1e6, (double) figures.list / local.list, figures.firstLine / 1e6,
                (double) figures.firstLine / local.firstLine);
    }

    private static void record(String engine, Figures figures) {
        BenchResults.record(engine + "_open_ms", figures.open / 1e6, "ms");
        BenchResults.record(engine + "_first_call_ms", figures.firstCall / 1e6, "ms");
        BenchResults.record(engine + "_list_median_ms", figures.list / 1e6, "ms");
        BenchResults.record(engine + "_first_log_line_median_ms", figures.firstLine / 1e6, "ms");
    }

    private record Figures(long open, long firstCall, long list, long firstLine) {
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
