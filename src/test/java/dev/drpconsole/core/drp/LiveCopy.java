package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** What a view would keep from {@link LiveObjects}: the objects by key, and how often it was reset. */
final class LiveCopy<T extends DrpObject> implements LiveObjects.Listener<T> {
    final Map<String, T> objects = new ConcurrentHashMap<>();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicInteger changes = new AtomicInteger();
    volatile DrpException failure;

    @Override
    public void reset(List<T> all) {
        objects.clear();
        all.forEach(object -> objects.put(object.key(), object));
        resets.incrementAndGet();
    }

    @Override
    public void changed(T object) {
        objects.put(object.key(), object);
        changes.incrementAndGet();
    }

    @Override
    public void removed(String key) {
        objects.remove(key);
        changes.incrementAndGet();
    }

    @Override
    public void failed(DrpException error) {
        failure = error; // a resync follows the reconnect; most tests look at the final state
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
