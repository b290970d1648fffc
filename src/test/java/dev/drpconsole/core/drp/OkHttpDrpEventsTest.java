package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event socket and LiveObjects against the real sandbox endpoint, including outages and a restart. */
@Tag("sandbox")
class OkHttpDrpEventsTest {
    private static final DrpClientOptions FAST_RECONNECT = DrpClientOptions.DEFAULTS
            .withReconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(1));

    @TempDir
    static Path dataDir;
    static SandboxFixture sandbox;
    static OkHttpDrpClient client;
    static final ExecutorService io = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxFixture.start(dataDir);
        client = sandbox.connect();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
        io.shutdownNow();
    }

    private static DrpEvent next(LinkedBlockingQueue<DrpEvent> events) throws InterruptedException {
        DrpEvent event = events.poll(5, TimeUnit.SECONDS);
        assertTrue(event != null, "no event within 5 s");
        return event;
    }

    @Test
    void machineChangesArriveInOrderWithTheirObjects() throws Exception {
        LinkedBlockingQueue<DrpEvent> events = new LinkedBlockingQueue<>();
        try (EventSubscription subscription = client.events().subscribe("machines.*.*", events::add)) {
            subscription.registered().toCompletableFuture().get(5, TimeUnit.SECONDS);
            Machine created = client.create(Machine.runner("evented", "", "one"));
            client.update(created, created.withDescription("two"));
            client.delete(DrpType.MACHINES, created.uuid());
            DrpEvent create = next(events);
            assertEquals("create", create.action());
            assertEquals(created.uuid(), create.key());
            assertEquals("one", create.object(DrpType.MACHINES).orElseThrow().description());
            DrpEvent update = next(events);
            assertEquals("update", update.action());
            assertEquals("two", update.object(DrpType.MACHINES).orElseThrow().description());
            assertTrue(next(events).isDelete());
        }
        assertTrue(client.events().isConnected());
    }

    @Test
    void eventsAreRoutedByFilterAndASharedFilterStaysUntilItsLastHolderCloses() throws Exception {
        LinkedBlockingQueue<DrpEvent> first = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<DrpEvent> second = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<DrpEvent> creates = new LinkedBlockingQueue<>();
        EventSubscription one = client.events().subscribe("contexts.*.*", first::add);
        EventSubscription two = client.events().subscribe("contexts.*.*", second::add);
        EventSubscription onlyCreates = client.events().subscribe("contexts.create.routed-b", creates::add);
        for (EventSubscription s : List.of(one, two, onlyCreates)) {
            s.registered().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        client.create(DrpContext.of("routed-a", "e", "i", ""));
        assertEquals("routed-a", next(first).key());
        assertEquals("routed-a", next(second).key());

        one.close();
        client.create(DrpContext.of("routed-b", "e", "i", ""));
        assertEquals("routed-b", next(second).key(), "the other holder still gets events");
        assertEquals("routed-b", next(creates).key());
        assertNull(first.poll(300, TimeUnit.MILLISECONDS), "a closed subscription gets nothing");
        assertTrue(creates.isEmpty(), "routed-a did not match the narrower filter");
        two.close();
        onlyCreates.close();
    }

    @Test
    void liveObjectsResetThenFollowChanges() throws Exception {
        client.create(DrpContext.of("live-before", "live-engine", "i", ""));
        LiveCopy<DrpContext> copy = new LiveCopy<>();
        try (LiveObjects<DrpContext> live = new LiveObjects<>(client, DrpType.CONTEXTS, Filter.where("Engine",
                "live-engine"), context -> context.engine().equals("live-engine"), io)) {
            live.start(copy);
            LiveCopy.await("the first list arrived", () -> copy.resets.get() >= 1);
            assertTrue(copy.objects.containsKey("live-before"));
            DrpContext added = client.create(DrpContext.of("live-after", "live-engine", "i", ""));
            client.update(added, added.withImage("changed"));
            client.delete(DrpType.CONTEXTS, "live-before");
            LiveCopy.await("the changes arrived", () -> !copy.objects.containsKey("live-before")
                    && "changed".equals(imageOf(copy, "live-after")));
            client.update(client.get(DrpType.CONTEXTS, "live-after").orElseThrow(), client.get(DrpType.CONTEXTS,
                    "live-after").orElseThrow().withEngine("elsewhere"));
            LiveCopy.await("an object that stopped matching left", () -> copy.objects.isEmpty());
        }
    }

    @Test
    void onAFreshSocketTheFirstListRunsOnce() throws Exception {
        try (OkHttpDrpClient fresh = sandbox.connect()) {
            LinkedBlockingQueue<String> stream = new LinkedBlockingQueue<>();
            LiveCopy<Machine> copy = new LiveCopy<>();
            try (LiveObjects<Machine> live = new LiveObjects<>(fresh, DrpType.MACHINES, Filter.ALL, m -> true, io)) {
                fresh.events().addListener(listener(stream));
                live.start(copy);
                assertEquals("connected false", stream.poll(5, TimeUnit.SECONDS));
                LiveCopy.await("the first list arrived", () -> copy.resets.get() >= 1);
                // A second list would start at the announcement just seen; give it time to land.
                Thread.sleep(300);
                assertEquals(1, copy.resets.get(), "a list after the acknowledgement is not repeated");
            }
        }
    }

    private static String imageOf(LiveCopy<DrpContext> copy, String name) {
        DrpContext context = copy.objects.get(name);
        return context == null ? null : context.image();
    }

    @Test
    void afterANetworkOutageLiveObjectsCatchUpWithChangesMadeMeanwhile() throws Exception {
        Machine kept = client.create(Machine.runner("outage-kept", "", "before"));
        Machine doomed = client.create(Machine.runner("outage-doomed", "", "before"));
        try (CuttableTcpProxy proxy = new CuttableTcpProxy(sandbox.server.port());
             OkHttpDrpClient viaProxy = connectThrough(proxy)) {
            LiveCopy<Machine> copy = new LiveCopy<>();
            LinkedBlockingQueue<String> stream = new LinkedBlockingQueue<>();
            viaProxy.events().addListener(listener(stream));
            try (LiveObjects<Machine> live = new LiveObjects<>(viaProxy, DrpType.MACHINES, Filter.ALL, m -> true,
                    io)) {
                live.start(copy);
                LiveCopy.await("listed", () -> copy.objects.containsKey(doomed.uuid()));
                assertEquals("connected false", stream.poll(5, TimeUnit.SECONDS));

                proxy.cut();
                assertTrue(stream.poll(5, TimeUnit.SECONDS).startsWith("disconnected"));
                client.update(kept, kept.withDescription("changed during the outage"));
                client.delete(DrpType.MACHINES, doomed.uuid());
                Machine born = client.create(Machine.runner("outage-born", "", "new"));
                proxy.restore();

                assertEquals("connected true", stream.poll(10, TimeUnit.SECONDS));
                LiveCopy.await("resynced", () -> copy.objects.containsKey(born.uuid())
                        && !copy.objects.containsKey(doomed.uuid()));
                assertEquals(descriptions(client.list(DrpType.MACHINES, Filter.ALL)), descriptions(copy.objects
                        .values()));
            }
        }
    }

    @Test
    void afterTheEndpointRestartsOnTheSamePortLiveObjectsResync(@TempDir Path ownDir) throws Exception {
        SandboxFixture own = SandboxFixture.start(ownDir);
        int port = own.server.port();
        OkHttpDrpClient ownClient = OkHttpDrpClient.connect(own.endpoint(), own.pinned(), FAST_RECONNECT);
        Machine kept = ownClient.create(Machine.runner("restart-kept", "", "before"));
        LiveCopy<Machine> copy = new LiveCopy<>();
        LinkedBlockingQueue<String> stream = new LinkedBlockingQueue<>();
        ownClient.events().addListener(listener(stream));
        try (LiveObjects<Machine> live = new LiveObjects<>(ownClient, DrpType.MACHINES, Filter.ALL, m -> true, io)) {
            live.start(copy);
            assertEquals("connected false", stream.poll(5, TimeUnit.SECONDS));
            LiveCopy.await("listed", () -> copy.objects.containsKey(kept.uuid()));

            own.close();
            assertTrue(stream.poll(5, TimeUnit.SECONDS).startsWith("disconnected"));
            own = SandboxFixture.start(ownDir, port);
            // Changed straight after the restart, most likely before the client is back.
            own.send("PATCH", "machines/" + kept.uuid(), "application/json",
                    "[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"after restart\"}]".getBytes());
            own.send("POST", "machines", "application/json", "{\"Name\":\"restart-born\"}".getBytes());

            assertEquals("connected true", stream.poll(10, TimeUnit.SECONDS));
            LiveCopy.await("resynced", () -> copy.objects.size() == 2
                    && "after restart".equals(copy.objects.get(kept.uuid()).description()));
            assertEquals(descriptions(ownClient.list(DrpType.MACHINES, Filter.ALL)),
                    descriptions(copy.objects.values()));
        } finally {
            ownClient.close();
            own.close();
        }
    }

    private static OkHttpDrpClient connectThrough(CuttableTcpProxy proxy) {
        MemoryCertificatePins pins = new MemoryCertificatePins();
        pins.pin("127.0.0.1:" + proxy.port(), sandbox.fingerprint());
        return OkHttpDrpClient.connect(new DrpEndpoint(List.of("https://127.0.0.1:" + proxy.port()),
                sandbox.endpoint().credentials(), false), pins, FAST_RECONNECT);
    }

    private static EventStreamListener listener(LinkedBlockingQueue<String> stream) {
        return new EventStreamListener() {
            @Override
            public void connected(boolean reconnect) {
                stream.add("connected " + reconnect);
            }

            @Override
            public void disconnected(String reason) {
                stream.add("disconnected " + reason);
            }
        };
    }

    private static Map<String, String> descriptions(java.util.Collection<Machine> machines) {
        return machines.stream().collect(Collectors.toMap(Machine::uuid, Machine::description));
    }
}
