package dev.drpconsole.faults;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.CertificatePins;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.EventStreamListener;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.LiveObjects;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.ui.common.LiveList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The console's live machine list, built as its pages build theirs: its own client (the console's defaults: backoff,
 * timeouts), a {@link LiveObjects} over the shared event socket listing {@code machines} without Params (as the
 * Runner machines page does), into a {@link LiveList} whose changes land on one "FX" thread (a single-thread
 * executor standing in for the toolkit's thread). It counts the event socket's drops and reconnects, and compares
 * what the list shows with the server's own list, field by field.
 */
final class ConsoleMachines implements AutoCloseable {
    /** The list the live copy resyncs with: what the Runner machines page lists. */
    static final Filter LISTED = Filter.ALL.withoutParams();

    private final DrpClient client;
    private final Predicate<Machine> keep;
    private final ExecutorService fxThread = Executors.newSingleThreadExecutor(task -> daemon(task, "fault-fx"));
    private final ExecutorService io = Executors.newCachedThreadPool(task -> daemon(task, "fault-console-io"));
    private final LiveList<Machine> list = new LiveList<>(fxThread);
    private final LiveObjects<Machine> live;
    private final AutoCloseable streamListener;
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger reconnects = new AtomicInteger();

    /** @param keep the machines the page shows (e.g. {@code Machine::isRunner}) */
    ConsoleMachines(DrpEndpoint endpoint, CertificatePins pins, Predicate<Machine> keep) {
        this.client = OkHttpDrpClient.connect(endpoint, pins);
        this.keep = keep;
        streamListener = client.events().addListener(new EventStreamListener() {
            @Override
            public void connected(boolean reconnect) {
                if (reconnect) {
                    reconnects.incrementAndGet();
                }
            }

            @Override
            public void disconnected(String reason) {
                drops.incrementAndGet();
            }
        });
        live = new LiveObjects<>(client, DrpType.MACHINES, LISTED, keep, io);
        live.start(list);
    }

    /** How often the event socket dropped (as its listeners heard). */
    int drops() {
        return drops.get();
    }

    /** How often it came back by itself (and re-registered its filters). */
    int reconnects() {
        return reconnects.get();
    }

    boolean connected() {
        return client.events().isConnected();
    }

    /** What the list shows now, by key, read on its own thread. */
    Map<String, ObjectNode> shown() throws InterruptedException {
        try {
            return fxThread.submit(() -> {
                Map<String, ObjectNode> shown = new TreeMap<>();
                list.items().forEach(machine -> shown.put(machine.key(), compared(machine)));
                return shown;
            }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the live list", e.getCause());
        }
    }

    /** The server's list of what the page shows, fetched by another client (e.g. the writer's). */
    Map<String, ObjectNode> onServer(DrpClient other) {
        Map<String, ObjectNode> server = new TreeMap<>();
        other.list(DrpType.MACHINES, LISTED).stream().filter(keep)
                .forEach(machine -> server.put(machine.key(), compared(machine)));
        return server;
    }

    /**
     * A machine as compared: every field as listed, without DRP's Partial marker, which a slim list carries and an
     * event does not: that differs by route, not by staleness (as RunnersConvergenceTest compares).
     */
    private static ObjectNode compared(Machine machine) {
        ObjectNode json = machine.json();
        json.remove("Partial");
        return json;
    }

    /** How the shown list differs from the server's: missing, extra and stale keys (empty when equal). */
    static Differences compare(Map<String, ObjectNode> shown, Map<String, ObjectNode> server) {
        List<String> missing = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        server.forEach((key, object) -> {
            ObjectNode mine = shown.get(key);
            if (mine == null) {
                missing.add(key);
            } else if (!Objects.equals(mine, object)) {
                stale.add(key + " " + fieldsDiffering(mine, object));
            }
        });
        List<String> extra = shown.keySet().stream().filter(key -> !server.containsKey(key)).toList();
        return new Differences(missing, extra, stale);
    }

    /** The fields whose values differ, as "Field: shown → server". */
    private static List<String> fieldsDiffering(ObjectNode shown, ObjectNode server) {
        Set<String> fields = new TreeSet<>();
        shown.fieldNames().forEachRemaining(fields::add);
        server.fieldNames().forEachRemaining(fields::add);
        return fields.stream().filter(field -> !Objects.equals(shown.get(field), server.get(field)))
                .map(field -> field + ": " + shown.get(field) + " -> " + server.get(field)).toList();
    }

    /** What a compare found. */
    record Differences(List<String> missing, List<String> extra, List<String> stale) {
        int count() {
            return missing.size() + extra.size() + stale.size();
        }

        @Override
        public String toString() {
            return missing.size() + " missing, " + extra.size() + " extra, " + stale.size() + " stale"
                    + (stale.isEmpty() ? "" : " (e.g. " + stale.get(0) + ")");
        }
    }

    @Override
    public void close() throws Exception {
        live.close();
        streamListener.close();
        client.close();
        io.shutdownNow();
        fxThread.shutdownNow();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
