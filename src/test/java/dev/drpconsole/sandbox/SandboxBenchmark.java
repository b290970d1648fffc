package dev.drpconsole.sandbox;

import dev.drpconsole.bench.BenchResults;
import dev.drpconsole.testsupport.TestCleanup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.objects.WriteOptions;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Sandbox benchmark (issue 3): list and filter latency with 1,000 machines and 10,000 jobs, then 20 runner
 * containers each running the demo workflow at once. Reports figures; asserts nothing. Needs the test environment
 * (run the tests once first). Run: {@code mvn -B -Pbench verify -DskipTests}.
 */
public final class SandboxBenchmark {

    private static final int MACHINES = 1_000;
    private static final int JOBS = 10_000;
    private static final int RUNNERS = 20;

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Files.createTempDirectory("sandbox-bench");
        DockerEngine engine = RunnerImageFixture.openEngine();
        try (SandboxServer server = SandboxServer.start(SandboxConfig.inDataDir(dataDir).withPort(0)
                .withRunnerLabel(TestLabels.KEY, TestLabels.runId()), engine)) {
            List<String> machines = populate(server.objects());
            listLatency(SandboxApi.forServer(server), machines);
            runners(server, engine, dataDir);
        } finally {
            TestCleanup.removeEverythingOfThisRun(engine);
            engine.close();
        }
    }

    private static List<String> populate(ObjectService objects) {
        Instant start = Instant.now();
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < MACHINES; i++) {
            ObjectNode machine = SandboxJson.object();
            machine.put("Name", "bench-" + i);
            uuids.add(objects.create("machines", machine, WriteOptions.server()).path("Uuid").asText());
        }
        Duration machinesTook = Duration.between(start, Instant.now());
        start = Instant.now();
        String[] states = {"finished", "finished", "finished", "failed", "incomplete"};
        for (int i = 0; i < JOBS; i++) {
            ObjectNode job = SandboxJson.object();
            job.put("Uuid", UUID.randomUUID().toString());
            job.put("Machine", uuids.get(i % MACHINES));
            job.put("Task", "task-" + (i % 7));
            job.put("State", states[i % states.length]);
            job.put("StartTime", SandboxJson.time(Instant.now()));
            objects.create("jobs", job, WriteOptions.server());
        }
        Duration jobsTook = Duration.between(start, Instant.now());
        System.out.printf("created %d machines in %d ms (%.2f ms each), %d jobs in %d ms (%.2f ms each)%n", MACHINES,
                machinesTook.toMillis(), machinesTook.toMillis() / (double) MACHINES, JOBS, jobsTook.toMillis(),
                jobsTook.toMillis() / (double) JOBS);
        BenchResults.record("sandbox_create_machine_ms", machinesTook.toMillis() / (double) MACHINES, "ms");
        BenchResults.record("sandbox_create_job_ms", jobsTook.toMillis() / (double) JOBS, "ms");
        return uuids;
    }

    private static void listLatency(SandboxApi api, List<String> machines) {
        String someMachine = machines.get(MACHINES / 2);
        measure(api, "GET", "machines (all 1,000)", "machines", "sandbox_list_machines_all");
        measure(api, "GET", "machines?Name=bench-500", "machines?Name=bench-500", "sandbox_list_machines_by_name");
        measure(api, "GET", "machines/Name:bench-500", "machines/Name:bench-500", "sandbox_get_machine_by_name");
        measure(api, "GET", "machines?limit=50&offset=500&sort=Name", "machines?limit=50&offset=500&sort=Name",
                "sandbox_list_machines_page");
        measure(api, "GET", "jobs (all 10,000)", "jobs", "sandbox_list_jobs_all");
        measure(api, "GET", "jobs?Machine=<uuid> (10 hits)", "jobs?Machine=" + someMachine,
                "sandbox_list_jobs_of_machine");
        measure(api, "GET", "jobs?State=failed&limit=50", "jobs?State=failed&limit=50", "sandbox_list_jobs_failed");
        measure(api, "GET", "jobs?Task=In(task-1,task-2)&State=Ne(finished)",
                "jobs?Task=In(task-1,task-2)&State=Ne(finished)", "sandbox_list_jobs_in_ne");
        measure(api, "HEAD", "HEAD jobs?State=incomplete (count)", "jobs?State=incomplete",
                "sandbox_count_jobs_incomplete");
    }

    /** @param figure the prefix of its figures in the results file */
    private static void measure(SandboxApi api, String method, String label, String path, String figure) {
        for (int i = 0; i < 3; i++) {
            api.send(method, path, null, null);
        }
        List<Long> micros = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            SandboxApi.Reply reply = api.send(method, path, null, null);
            micros.add((System.nanoTime() - start) / 1_000);
            bytes = reply.bytes().length;
        }
        Collections.sort(micros);
        System.out.printf("%-55s median %7.1f ms  p95 %7.1f ms  (%,d bytes)%n", label, micros.get(10) / 1000.0,
                micros.get(18) / 1000.0, bytes);
        BenchResults.record(figure + "_median_ms", micros.get(10) / 1000.0, "ms");
        BenchResults.record(figure + "_p95_ms", micros.get(18) / 1000.0, "ms");
    }

    private static void runners(SandboxServer server, DockerEngine engine, Path work) throws Exception {
        String image = RunnerImageFixture.buildRunnerImage(engine, work);
        SandboxApi api = SandboxApi.forServer(server);
        Drpcli drpcli = new Drpcli(server, work.resolve("tokens"));
        drpcli.run("contents", "create", ContentsTest.bundleDemoPack(drpcli, work).toString()).ok();
        api.post("contexts", "{\"Name\":\"runner\",\"Engine\":\"docker-context\",\"Image\":\"" + image + "\"}");
        List<String> uuids = new ArrayList<>();
        Instant start = Instant.now();
        for (int i = 0; i < RUNNERS; i++) {
            String uuid = api.post("machines", "{\"Name\":\"bench-runner-" + i + "\",\"Workflow\":\"context-demo\"}")
                    .json().path("Uuid").asText();
            api.patch("machines/" + uuid, "[{\"op\":\"replace\",\"path\":\"/Context\",\"value\":\"runner\"}]");
            uuids.add(uuid);
        }
        Duration firstFinished = null;
        int finished = 0;
        while (finished < RUNNERS && Duration.between(start, Instant.now()).toSeconds() < 300) {
            Thread.sleep(200);
            finished = 0;
            for (String uuid : uuids) {
                JsonNode jobs = api.get("jobs?Machine=" + uuid + "&Task=context-demo-example&State=finished").json();
                finished += jobs.size();
            }
            if (finished > 0 && firstFinished == null) {
                firstFinished = Duration.between(start, Instant.now());
            }
        }
        Duration all = Duration.between(start, Instant.now());
        System.out.printf("%d runner containers, demo job (6 s sleep) each: first finished after %d ms, %d/%d "
                + "finished after %d ms%n", RUNNERS, firstFinished == null ? -1 : firstFinished.toMillis(), finished,
                RUNNERS, all.toMillis());
        BenchResults.record("sandbox_runners_first_finished_ms", firstFinished == null ? -1 : firstFinished.toMillis(),
                "ms");
        BenchResults.record("sandbox_runners_finished", finished, "jobs");
        BenchResults.record("sandbox_runners_all_finished_ms", all.toMillis(), "ms");
    }
}
