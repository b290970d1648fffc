package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.bench.BenchResults;
import dev.drpconsole.bench.RunnersViewBenchmark;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.objects.WriteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What listing machines costs when they carry inventory in their Params, as real ones do (10-100s of KB each):
 * 10,000 machines with {@value #PARAMS_BYTES} bytes of Params each (the first argument changes it), listed in full
 * (what the Runner machines view and the Jobs view's machine names asked for before) and without Params
 * ({@code slim=Params}, what they ask for now): bytes on the wire, and time through the client (HTTPS, JSON parse,
 * Machine objects). Reports figures; asserts nothing. Run: {@code mvn -B -Pbench verify -DskipTests}.
 */
public final class SlimListBenchmark {
    private static final int MACHINES = 10_000;
    private static final int PARAMS_BYTES = 20_000;

    private SlimListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int paramsBytes = args.length > 0 ? Integer.parseInt(args[0]) : PARAMS_BYTES;
        Path dataDir = Files.createTempDirectory("slim-list-bench");
        try (SandboxFixture sandbox = SandboxFixture.start(dataDir); OkHttpDrpClient client = sandbox.connect()) {
            populate(sandbox.server.objects(), paramsBytes);
            measure(sandbox, client, "in full (before)", "slim_list_full", Filter.ALL, "machines");
            measure(sandbox, client, "without Params (slim=Params, now)", "slim_list_without_params",
                    Filter.ALL.withoutParams(), "machines?slim=Params");
        }
    }

    private static void populate(ObjectService objects, int paramsBytes) {
        long start = System.nanoTime();
        for (int i = 0; i < MACHINES; i++) {
            ObjectNode machine = DrpJson.object();
            machine.put("Name", "bench-" + i).put("Description", "rack " + (i % 100));
            machine.putObject("Meta").put(Machine.BASE_CONTEXT, "runner");
            RunnersViewBenchmark.addInventory(machine, paramsBytes);
            objects.create("machines", machine, WriteOptions.server());
        }
        System.out.printf("created %,d runner machines with about %,d bytes of Params each in %d ms%n", MACHINES,
                paramsBytes, DrpClientBenchmark.millisSince(start));
    }

    /** @param figure the prefix of its figures in the results file */
    private static void measure(SandboxFixture sandbox, OkHttpDrpClient client, String which, String figure,
                                Filter filter, String path) {
        long bytes = sandbox.send("GET", path, null, null).body().length(); // DRP's JSON is ASCII here
        List<Long> millis = new ArrayList<>();
        int listed = 0;
        for (int run = 0; run < 4; run++) {
            long start = System.nanoTime();
            listed = client.list(DrpType.MACHINES, filter).size();
            millis.add(DrpClientBenchmark.millisSince(start));
        }
        System.out.printf("list %,d machines %s: %,d bytes (%.1f MB) on the wire; through the client first %d ms, "
                + "then median %d ms%n", listed, which, bytes, bytes / 1e6, millis.get(0),
                DrpClientBenchmark.median(millis.subList(1, millis.size())));
        BenchResults.record(figure + "_bytes", bytes, "bytes");
        BenchResults.record(figure + "_first_ms", millis.get(0), "ms");
        BenchResults.record(figure + "_median_ms", DrpClientBenchmark.median(millis.subList(1, millis.size())), "ms");
    }
}
