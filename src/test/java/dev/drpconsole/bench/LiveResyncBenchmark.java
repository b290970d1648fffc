package dev.drpconsole.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.LiveObjects;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxAccess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * §B.9 on 10,000 machines with 20 KB of Params each: what a resync (the list a live copy makes after a burst of events, in which DRP may have
 * dropped frames) costs in time and bytes, what a count check would cost for comparison, and how long after the last
 * of 1,000 machine changes a live copy equals the endpoint while the sandbox drops frames (a 1-frame buffer).
 * Reports figures; asserts nothing.
 */
public final class LiveResyncBenchmark {
    private static final int MACHINES = 10_000;
    private static final int WRITERS = 10;
    private static final int CHANGES = 1_000;
    private static final int RUNS = 5;
    /** Inventory per machine, as real machines carry (real-drp-differences D.16). */
    private static final int PARAMS_BYTES = 20_000;
    /** The list the Runner machines view resyncs with: without Params. */
    private static final Filter AS_RUNNERS_LIST = Filter.ALL.withoutParams();

    private LiveResyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("live-resync-bench");
        ExecutorService io = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "bench-io");
            thread.setDaemon(true);
            return thread;
        });
        try (SandboxServer sandbox = SandboxServer.start(SandboxConfig.inDataDir(dataDir).withPort(0)
                .withoutRunners().withEventBuffer(1));
             DrpClient client = SandboxAccess.connect(sandbox);
             DrpClient writer = SandboxAccess.connect(sandbox)) {
            RunnersViewBenchmark.populate(sandbox, PARAMS_BYTES);
            listCost(sandbox, client);
            convergence(sandbox, client, writer, io);
        } finally {
            io.shutdownNow();
        }
    }

    private static void listCost(SandboxServer sandbox, DrpClient client) throws Exception {
        long[] list = new long[RUNS];
        long[] count = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            client.list(DrpType.MACHINES, AS_RUNNERS_LIST);
            list[i] = System.nanoTime() - start;
            start = System.nanoTime();
            client.count(DrpType.MACHINES, Filter.ALL);
            count[i] = System.nanoTime() - start;
        }
        HttpResponse<byte[]> whole = SandboxAccess.httpClient(sandbox).send(HttpRequest.newBuilder(
                        URI.create(SandboxAccess.url(sandbox) + "/api/v3/machines?slim=Params"))
                .header("Authorization", SandboxAccess.adminAuthorization(sandbox)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("Resync of %,d machines (GET /machines?slim=Params as the Runners view lists, client and server on this machine): median %d ms,"
                + " %,d bytes%n", MACHINES, TimeUnit.NANOSECONDS.toMillis(median(list)), whole.body().length);
        System.out.printf("A count check for comparison (HEAD /machines): median %.1f ms, no body%n",
                median(count) / 1e6);
        BenchResults.record("live_resync_list_median_ms", TimeUnit.NANOSECONDS.toMillis(median(list)), "ms");
        BenchResults.record("live_resync_list_bytes", whole.body().length, "bytes");
        BenchResults.record("live_resync_count_median_ms", median(count) / 1e6, "ms");
    }

    private static void convergence(SandboxServer sandbox, DrpClient client, DrpClient writer, ExecutorService io)
            throws Exception {
        Map<String, Boolean> runnable = new ConcurrentHashMap<>();
        AtomicInteger resets = new AtomicInteger();
        try (LiveObjects<Machine> live = new LiveObjects<>(client, DrpType.MACHINES, AS_RUNNERS_LIST, m -> true, io)) {
            live.start(new LiveObjects.Listener<>() {
                @Override
                public void reset(List<Machine> all) {
                    runnable.clear();
                    all.forEach(machine -> runnable.put(machine.uuid(), machine.runnable()));
                    resets.incrementAndGet();
                }

                @Override
                public void changed(Machine machine) {
                    runnable.put(machine.uuid(), machine.runnable());
                }

                @Override
                public void removed(String key) {
                    runnable.remove(key);
                }

                @Override
                public void failed(DrpException error) {
                    System.out.println("list failed: " + error.getMessage());
                }
            });
            waitUntil(() -> runnable.size() == MACHINES, 60);
            List<Machine> all = writer.list(DrpType.MACHINES, Filter.ALL);
            long[] millis = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                long dropped = sandbox.droppedEventFrames();
                int resetsBefore = resets.get();
                long lastChange = burst(writer, all.subList(run * CHANGES, (run + 1) * CHANGES));
                waitUntil(() -> matches(sandbox, runnable), 60);
                millis[run] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastChange);
                System.out.printf("Run %d: %,d changes, %,d frames dropped, live copy equal %d ms after the last"
                        + " change, %d resync(s)%n", run + 1, CHANGES, sandbox.droppedEventFrames() - dropped,
                        millis[run], resets.get() - resetsBefore);
                Thread.sleep(3_000); // let the resync gap pass, as between two real bursts
            }
            System.out.printf("Median time from the last change to an equal live copy: %d ms%n", median(millis));
            BenchResults.record("live_resync_converged_median_ms", median(millis), "ms");
        }
    }

    /** {@value #CHANGES} Runnable flips from {@value #WRITERS} writers; returns when the last one was answered. */
    private static long burst(DrpClient writer, List<Machine> machines) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        int share = machines.size() / WRITERS;
        for (int w = 0; w < WRITERS; w++) {
            List<Machine> mine = machines.subList(w * share, (w + 1) * share);
            done.add(writers.submit(() -> mine.forEach(machine -> writer.update(machine,
                    machine.withRunnable(!machine.runnable())))));
        }
        for (Future<?> each : done) {
            each.get();
        }
        writers.shutdown();
        return System.nanoTime();
    }

    private static boolean matches(SandboxServer sandbox, Map<String, Boolean> runnable) {
        for (ObjectNode machine : sandbox.objects().store().list("machines")) {
            if (!Boolean.valueOf(machine.path("Runnable").asBoolean()).equals(runnable.get(machine.path("Uuid")
                    .asText()))) {
                return false;
            }
        }
        return true;
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + seconds + " s");
            }
            Thread.sleep(20);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
