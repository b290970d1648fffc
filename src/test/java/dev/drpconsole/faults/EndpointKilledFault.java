package dev.drpconsole.faults;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault {@code endpoint-killed}: the sandbox endpoint, running as its own process, is SIGKILLed 10 times, each time
 * while 1,000 writes (machines created and changed, profiles, params set on shared profiles, files uploaded and
 * written over; {@link WriteMix}) run from 24 threads, at a random moment between the 200th and the 800th answer.
 * It is started again on the same port with the same data dir. Then:
 * <ul>
 *   <li>every write the endpoint acknowledged (a 2xx with what was sent) is there with what was sent, and so is
 *   everything acknowledged in earlier rounds; a write that got no answer left either the old or the new value,
 *   never something else (each one that did not is counted lost too);</li>
 *   <li>every file the round wrote reads whole (all its bytes, the sum the endpoint names), and at the end every
 *   stored file does; the restarted endpoint left no half-written file in its data dir (an upload's part, a
 *   temporary object file);</li>
 *   <li>the console, connected through the kill with its own client and a live machine list as its pages keep one,
 *   saw its event socket drop, reconnected by itself, and its list equals the endpoint's again (within 45 s).</li>
 * </ul>
 * A round survived when the endpoint came back and the console caught up; what was lost is counted per write.
 */
@Tag("sandbox")
class EndpointKilledFault {
    private static final int TRIES = 10;
    private static final int WRITES = 1_000;
    private static final int THREADS = 24;
    private static final long RECOVERY_MILLIS = 45_000;

    @TempDir
    Path work;

    private final Random random = new Random(Long.getLong("fault.seed", System.nanoTime()));
    private final Map<String, String> expected = new TreeMap<>();
    private Map<String, String> uuids = new HashMap<>();

    @Test
    void everyAcknowledgedWriteOutlivesAKilledEndpointAndTheConsoleCatchesUp() throws Exception {
        FaultTally tally = new FaultTally("endpoint-killed");
        ExecutorService writers = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "fault-writer");
            thread.setDaemon(true);
            return thread;
        });
        String password = "fault-" + Long.toHexString(random.nextLong());
        try (SandboxProcess sandbox = SandboxProcess.start(work.resolve("data"), password);
             ConsoleMachines console = new ConsoleMachines(sandbox.endpoint(), sandbox.pins(), machine -> true);
             DrpClient reader = OkHttpDrpClient.connect(sandbox.endpoint(), sandbox.pins())) {
            new WriteMix(calls(sandbox), random).createSharedProfiles();
            for (int round = 1; round <= TRIES; round++) {
                int thisRound = round;
                tally.attempt("kill " + round, () -> killDuringWrites(thisRound, sandbox, console, reader, writers));
            }
            List<String> unreadable = everyStoredFileReads(calls(sandbox), writers);
            tally.lost(unreadable.size(), "at the end, files not as acknowledged: " + unreadable.subList(0,
                    Math.min(3, unreadable.size())));
        } finally {
            writers.shutdownNow();
        }
        tally.report();
    }

    /** One round: writes, a kill in their midst, a restart, and the checks; returns the writes lost. */
    private int killDuringWrites(int round, SandboxProcess sandbox, ConsoleMachines console, DrpClient reader,
                                 ExecutorService writers) throws Exception {
        long start = System.nanoTime();
        List<WriteMix.Write> writes = new WriteMix(calls(sandbox), random).round(round, WRITES, expected, uuids);
        int killAt = 200 + random.nextInt(600);
        CountDownLatch answered = new CountDownLatch(killAt);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (WriteMix.Write write : writes) {
            outcomes.add(writers.submit(() -> {
                try {
                    return write.send().call();
                } catch (IOException gone) {
                    return false; // no answer: not acknowledged
                } finally {
                    answered.countDown();
                }
            }));
        }
        int dropsBefore = console.drops();
        int reconnectsBefore = console.reconnects();
        if (!answered.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (killAt - answered.getCount()) + " writes answered in 120 s");
        }
        sandbox.kill();
        long killed = System.nanoTime();
        List<Boolean> acknowledged = new ArrayList<>();
        for (Future<Boolean> outcome : outcomes) {
            acknowledged.add(outcome.get(60, TimeUnit.SECONDS));
        }
        long acks = acknowledged.stream().filter(ack -> ack).count();
        if (acks < killAt / 2) {
            throw new IllegalStateException("only " + acks + " of the first " + killAt
                    + " writes were acknowledged: the endpoint refused writes before the kill");
        }
        sandbox.restart();
        long restarted = System.nanoTime();
        List<String> lost = checkWrites(calls(sandbox), writes, acknowledged, writers);
        long checked = System.nanoTime();
        List<Path> halfFiles = halfFilesIn(work.resolve("data"));
        if (!halfFiles.isEmpty()) {
            throw new AssertionError("the restarted endpoint kept " + halfFiles.size() + " half-written files, e.g. "
                    + work.relativize(halfFiles.get(0)));
        }
        awaitConsole(console, reader, dropsBefore, reconnectsBefore);
        System.out.printf("endpoint-killed round %d: killed after %d answers (%d ms), %d of %d writes acknowledged,"
                + " back in %d ms, checked in %d ms, console equal %d ms after the restart; %d lost%s%n", round,
                killAt, millis(killed - start), acks, writes.size(), millis(restarted - killed),
                millis(checked - restarted), millis(System.nanoTime() - restarted), lost.size(),
                lost.isEmpty() ? "" : " " + lost.subList(0, Math.min(3, lost.size())));
        return lost.size();
    }

    /**
     * Reads back every key the round wrote (acknowledged: exactly what was sent; not: the old or the new value)
     * and every object key acknowledged in earlier rounds; takes what is there into the model.
     */
    private List<String> checkWrites(EndpointCalls calls, List<WriteMix.Write> writes, List<Boolean> acknowledged,
                                     ExecutorService readers) throws Exception {
        StoredState state = StoredState.read(calls);
        Map<String, Optional<String>> values = state.values(writes.stream().map(WriteMix.Write::key).toList(),
                readers);
        List<String> lost = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        for (int i = 0; i < writes.size(); i++) {
            WriteMix.Write write = writes.get(i);
            touched.add(write.key());
            Optional<String> there = values.get(write.key());
            boolean asSent = there.filter(write.after()::equals).isPresent();
            boolean asBefore = Objects.equals(there.orElse(null), write.before());
            if (acknowledged.get(i) && !asSent) {
                lost.add(write.key() + " acknowledged, but " + there.map(value -> "is " + value).orElse("is gone"));
            } else if (!acknowledged.get(i) && !asSent && !asBefore) {
                lost.add(write.key() + " unacknowledged, left " + there.orElse("nothing") + " instead of its old"
                        + " or new value");
            }
            there.ifPresentOrElse(value -> expected.put(write.key(), value), () -> expected.remove(write.key()));
        }
        for (Map.Entry<String, String> earlier : expected.entrySet()) {
            String key = earlier.getKey();
            if (!touched.contains(key) && !key.startsWith("files/")
                    && !earlier.getValue().equals(state.objects().get(key))) {
                lost.add(key + " kept through an earlier kill, now " + state.objects().get(key));
            }
        }
        uuids = state.uuids();
        return lost;
    }

    /** The console saw the drop, came back by itself, and shows what the endpoint has. */
    private static void awaitConsole(ConsoleMachines console, DrpClient reader, int dropsBefore,
                                     int reconnectsBefore) throws InterruptedException {
        long deadline = System.currentTimeMillis() + RECOVERY_MILLIS;
        ConsoleMachines.Differences differences = null;
        while (System.currentTimeMillis() < deadline) {
            if (console.reconnects() > reconnectsBefore && console.connected()) {
                differences = ConsoleMachines.compare(console.shown(), console.onServer(reader));
                if (differences.count() == 0) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        if (console.drops() == dropsBefore) {
            throw new AssertionError("the console's event socket never dropped while the endpoint was down");
        }
        throw new AssertionError(differences == null ? "the console did not reconnect within "
                + RECOVERY_MILLIS / 1000 + " s" : "the console's machine list differs from the endpoint's after "
                + RECOVERY_MILLIS / 1000 + " s: " + differences);
    }

    /** Every file the files API lists reads whole, and every one the model holds is there as acknowledged. */
    private List<String> everyStoredFileReads(EndpointCalls calls, ExecutorService readers) throws Exception {
        StoredState state = StoredState.read(calls);
        List<String> wrong = new ArrayList<>();
        Set<String> listed = new HashSet<>(state.filePaths());
        Map<String, Optional<String>> values = state.values(listed.stream().map(path -> "files/" + path).toList(),
                readers);
        for (String path : listed) {
            Optional<String> there = values.get("files/" + path);
            if (there.isEmpty() || !there.get().equals(expected.get("files/" + path))) {
                wrong.add(path + " reads as " + there.orElse("nothing"));
            }
        }
        expected.keySet().stream().filter(key -> key.startsWith("files/"))
                .filter(key -> !listed.contains(key.substring("files/".length())))
                .forEach(key -> wrong.add(key + " is not listed"));
        System.out.printf("endpoint-killed: %d stored files read back at the end%n", listed.size());
        return wrong;
    }

    /**
     * Upload parts and temporary object files a kill left and the restart did not remove: half files nobody will
     * finish, which take disk space and keep their folder from being removed.
     */
    private static List<Path> halfFilesIn(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(".") && (name.endsWith(".part") || name.contains(".tmp-"));
            }).toList();
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static EndpointCalls calls(SandboxProcess sandbox) throws IOException {
        return new EndpointCalls(sandbox.httpClient(), sandbox.url(), sandbox.authorization());
    }
}
