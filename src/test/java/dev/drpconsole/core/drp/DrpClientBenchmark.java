package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.bench.BenchResults;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.objects.WriteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * DRP client benchmark: list 10,000 machines through the client, filter them client-side, and the delay from a
 * change to a LiveObjects listener. Goals: load &lt; 1 s, filter &lt; 100 ms, event p95 &lt; 100 ms. Reports
 * figures; asserts nothing. Run: {@code mvn -B -Pbench verify -DskipTests}.
 */
public final class DrpClientBenchmark {
    private static final int MACHINES = 10_000;
    private static final int UPDATES = 500;

    private DrpClientBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("drp-client-bench");
        ExecutorService io = Executors.newCachedThreadPool();
        try (SandboxFixture sandbox = SandboxFixture.start(dataDir); OkHttpDrpClient client = sandbox.connect()) {
            populate(sandbox.server.objects());
            List<Machine> machines = listAll(client);
            filter(machines);
            eventLatency(client, machines, io);
        } finally {
            io.shutdownNow();
        }
    }

    private static void populate(ObjectService objects) {
        long start = System.nanoTime();
        for (int i = 0; i < MACHINES; i++) {
            ObjectNode machine = DrpJson.object();
            machine.put("Name", "bench-" + i).put("Description", i % 10 == 0 ? "rack-7 runner" : "plain");
            objects.create("machines", machine, WriteOptions.server());
        }
        System.out.printf("created %,d machines in the sandbox in %d ms%n", MACHINES, millisSince(start));
    }

    private static List<Machine> listAll(OkHttpDrpClient client) {
        List<Long> millis = new ArrayList<>();
        List<Machine> machines = List.of();
        for (int run = 0; run < 6; run++) {
            long start = System.nanoTime();
            machines = client.list(DrpType.MACHINES, Filter.ALL);
            millis.add(millisSince(start));
        }
        System.out.printf("list all %,d machines through the client (HTTPS, JSON parse, Machine objects): first %d ms, "
                + "then median %d ms (goal < 1000 ms)%n", machines.size(), millis.get(0), median(millis.subList(1,
                millis.size())));
        BenchResults.record("drp_client_list_first_ms", millis.get(0), "ms", "<1000");
        BenchResults.record("drp_client_list_median_ms", median(millis.subList(1, millis.size())), "ms", "<1000");
        return machines;
    }

    private static void filter(List<Machine> machines) {
        List<Long> micros = new ArrayList<>();
        int hits = 0;
        for (int run = 0; run < 20; run++) {
            long start = System.nanoTime();
            String needle = "rack-7";
            hits = (int) machines.stream().filter(m -> m.name().toLowerCase(Locale.ROOT).contains(needle)
                    || m.description().toLowerCase(Locale.ROOT).contains(needle)).count();
            micros.add((System.nanoTime() - start) / 1_000);
        }
        System.out.printf("client-side filter of %,d machines by substring (name or description contains): first "
                + "%.1f ms, then median %.1f ms, %d hits (goal < 100 ms)%n", machines.size(), micros.get(0) / 1000.0,
                median(micros.subList(1, micros.size())) / 1000.0, hits);
        BenchResults.record("drp_client_filter_median_ms", median(micros.subList(1, micros.size())) / 1000.0, "ms",
                "<100");
    }

    private static void eventLatency(OkHttpDrpClient client, List<Machine> machines, ExecutorService io)
            throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> returnedAt = new ConcurrentHashMap<>();
        List<Long> fromSend = Collections.synchronizedList(new ArrayList<>());
        List<Long> fromReply = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch listed = new CountDownLatch(1);
        CountDownLatch[] heard = {new CountDownLatch(1)};
        LiveObjects.Listener<Machine> listener = new LiveObjects.Listener<>() {
            @Override
            public void reset(List<Machine> all) {
                listed.countDown();
            }

            @Override
            public void changed(Machine machine) {
                long now = System.nanoTime();
                Long sent = sentAt.remove(machine.uuid());
                if (sent != null) {
                    fromSend.add((now - sent) / 1_000);
                    Long returned = returnedAt.remove(machine.uuid());
                    fromReply.add(returned == null ? 0 : Math.max(0, (now - returned) / 1_000));
                    heard[0].countDown();
                }
            }

            @Override
            public void removed(String key) {
                // The benchmark removes nothing.
            }

            @Override
            public void failed(DrpException error) {
                System.out.println("list failed: " + error.getMessage());
            }
        };
        try (LiveObjects<Machine> live = new LiveObjects<>(client, DrpType.MACHINES, Filter.ALL, m -> true, io)) {
            long start = System.nanoTime();
            live.start(listener);
            listed.await(30, TimeUnit.SECONDS);
            long liveStartMs = millisSince(start);
            System.out.printf("LiveObjects start (subscribe, register, list %,d machines): %d ms%n", machines.size(),
                    liveStartMs);
            BenchResults.record("drp_client_live_start_ms", liveStartMs, "ms");
            for (int i = 0; i < UPDATES; i++) {
                Machine machine = machines.get(i * (MACHINES / UPDATES));
                heard[0] = new CountDownLatch(1);
                sentAt.put(machine.uuid(), System.nanoTime());
                Machine updated = client.update(machine, machine.withDescription("update " + i));
                returnedAt.put(updated.uuid(), System.nanoTime());
                heard[0].await(5, TimeUnit.SECONDS);
            }
        }
        System.out.printf("event latency over %d machine updates, PATCH sent -> LiveObjects listener: p50 %.1f ms, "
                + "p95 %.1f ms, max %.1f ms (goal p95 < 100 ms)%n", fromSend.size(), percentile(fromSend, 50) / 1000.0,
                percentile(fromSend, 95) / 1000.0, percentile(fromSend, 100) / 1000.0);
        System.out.printf("  of which after the PATCH reply arrived: p50 %.1f ms, p95 %.1f ms%n",
                percentile(fromReply, 50) / 1000.0, percentile(fromReply, 95) / 1000.0);
        BenchResults.record("drp_client_event_p50_ms", percentile(fromSend, 50) / 1000.0, "ms");
        BenchResults.record("drp_client_event_p95_ms", percentile(fromSend, 95) / 1000.0, "ms", "<100");
        BenchResults.record("drp_client_event_max_ms", percentile(fromSend, 100) / 1000.0, "ms");
    }

    static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static long median(List<Long> values) {
        return percentile(values, 50);
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
