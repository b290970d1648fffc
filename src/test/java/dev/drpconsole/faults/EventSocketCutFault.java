package dev.drpconsole.faults;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.drp.MemoryCertificatePins;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault {@code event-socket-cut}: the console reaches the sandbox through a {@link CuttingProxy}, and its connections
 * (the event socket with them) are reset 100 times while another user makes 10,000 changes to runner machines
 * ({@link MachineChanges}, straight to the endpoint): 100 changes per cut, the cut after a random 20 to 59 of them,
 * the rest made while the console is cut off, except the last 20, made as soon as it has reconnected (while it lists
 * again, so their events are held, and after). After each cut, once its 100 changes are made, the console must have
 * seen the socket drop, reconnected by itself, and its live Runner machines list (as that page keeps it:
 * {@link ConsoleMachines}) must equal the endpoint's own list (every key, every field listed but DRP's Partial marker)
 * within 20 s. A cut after which the console did not reconnect did not survive; every machine missing, extra or stale
 * in the list when the 20 s are up counts as lost.
 */
@Tag("sandbox")
class EventSocketCutFault {
    private static final int CUTS = 100;
    private static final int CHANGES = 10_000;
    private static final int CHANGES_PER_CUT = CHANGES / CUTS;
    /** The changes of a cut made once the console is back: while it lists again and after. */
    private static final int TAIL = 20;
    private static final int WRITERS = 4;
    private static final long SETTLE_MILLIS = 20_000;
    private static final String CONTEXT = "fault-runner";

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();

    private final Random random = new Random(Long.getLong("fault.seed", System.nanoTime()));
    private long settledMillis;

    @Test
    void liveListsEqualTheServerAfterEveryCut() throws Exception {
        SandboxServer server = SANDBOX.server();
        FaultTally tally = new FaultTally("event-socket-cut");
        try (DrpClient writer = SandboxAccess.connect(server);
             CuttingProxy proxy = new CuttingProxy(new InetSocketAddress("127.0.0.1", server.url().getPort()));
             ConsoleMachines console = new ConsoleMachines(throughProxy(server, proxy), pinned(server, proxy),
                     Machine::isRunner)) {
            writer.create(DrpContext.of(CONTEXT, "docker-context", "fault/runner:none", "the runners the fault changes"));
            try (MachineChanges changes = new MachineChanges(writer, CONTEXT, WRITERS, random.nextLong())) {
                for (int cut = 1; cut <= CUTS; cut++) {
                    int thisCut = cut;
                    tally.attempt("cut " + cut, () -> cutDuringChanges(thisCut, proxy, console, writer, changes));
                }
                List<String> failed = changes.failures();
                if (!failed.isEmpty()) {
                    throw new AssertionError(failed.size() + " of " + changes.done() + " changes failed: the"
                            + " fault needs them all, e.g. " + failed.get(0));
                }
            }
        }
        System.out.printf("event-socket-cut: %d changes, the console equal to the endpoint %d ms after a cut's last"
                + " change on average%n", CHANGES, settledMillis / CUTS);
        tally.report();
    }

    /** One cut among 100 changes, then the check; returns the machines the list got wrong. */
    private int cutDuringChanges(int cut, CuttingProxy proxy, ConsoleMachines console, DrpClient writer,
                                 MachineChanges changes) throws Exception {
        int before = (cut - 1) * CHANGES_PER_CUT;
        changes.awaitDone(before, 60_000);
        int drops = console.drops();
        int reconnects = console.reconnects();
        int cutAfter = 20 + random.nextInt(CHANGES_PER_CUT - TAIL - 40);
        changes.allow(cutAfter);
        changes.awaitDone(before + cutAfter, 60_000);
        int cutOff = proxy.cut();
        changes.allow(CHANGES_PER_CUT - TAIL - cutAfter); // while the console is cut off
        try {
            awaitReconnect(console, drops, reconnects);
        } finally {
            changes.allow(TAIL); // while it lists again, and after
        }
        if (cutOff == 0) {
            throw new IllegalStateException("no connection was open through the proxy to cut");
        }
        changes.awaitDone(before + CHANGES_PER_CUT, 60_000);
        long lastChange = System.currentTimeMillis();
        long deadline = lastChange + SETTLE_MILLIS;
        ConsoleMachines.Differences differences = null;
        while (System.currentTimeMillis() < deadline) {
            if (console.reconnects() > reconnects && console.connected()) {
                differences = ConsoleMachines.compare(console.shown(), console.onServer(writer));
                if (differences.count() == 0) {
                    settledMillis += System.currentTimeMillis() - lastChange;
                    return 0;
                }
            }
            Thread.sleep(50);
        }
        if (differences == null) {
            throw new AssertionError("the console did not reconnect within " + SETTLE_MILLIS / 1000 + " s");
        }
        System.out.printf("event-socket-cut %d: the live list still differs %d s after the last change: %s%n", cut,
                SETTLE_MILLIS / 1000, differences);
        return differences.count();
    }

    /** Returns once the console's event socket is back; the caller lets the last changes happen then. */
    private static void awaitReconnect(ConsoleMachines console, int drops, int reconnects)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (console.reconnects() == reconnects) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(console.drops() == drops ? "the cut did not drop the console's event socket"
                        : "the console did not reconnect within " + SETTLE_MILLIS / 1000 + " s");
            }
            Thread.sleep(5);
        }
    }

    private static DrpEndpoint throughProxy(SandboxServer server, CuttingProxy proxy) {
        DrpEndpoint direct = SandboxAccess.endpoint(server);
        return new DrpEndpoint(List.of("https://127.0.0.1:" + proxy.port()), direct.credentials(), false);
    }

    /** The sandbox's certificate pinned for the proxy's address, where the console meets it. */
    private static MemoryCertificatePins pinned(SandboxServer server, CuttingProxy proxy) {
        MemoryCertificatePins pins = new MemoryCertificatePins();
        pins.pin("127.0.0.1:" + proxy.port(), server.certificate().sha256Fingerprint());
        return pins;
    }
}
