package dev.drpconsole.sandbox.api;

import dev.drpconsole.sandbox.auth.Principal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many API requests the sandbox has served, per caller ({@link Principal#id()}: {@code user:rocketskates},
 * {@code runner:<uuid>}), so a test or benchmark can see the load a client puts on an endpoint, e.g. none while
 * nothing runs. Websocket frames are not requests. A refused request (a dead token, a wrong password; the event
 * socket's upgrade included) counts as {@code refused:<caller it claimed to be>}, e.g. {@code refused:user:fred}, so a
 * test sees a client that keeps knocking with credentials that no longer work; one with no claim is not counted.
 */
public final class RequestCounts {
    private final Map<String, LongAdder> byCaller = new ConcurrentHashMap<>();

    void served(Principal caller) {
        byCaller.computeIfAbsent(caller.id(), id -> new LongAdder()).increment();
    }

    void refused(Principal claimed) {
        byCaller.computeIfAbsent("refused:" + claimed.id(), id -> new LongAdder()).increment();
    }

    /** The requests served (and refused, as {@code refused:<id>}) so far, per caller id, in caller order. */
    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byCaller.forEach((caller, count) -> counts.put(caller, count.sum()));
        return counts;
    }
}
