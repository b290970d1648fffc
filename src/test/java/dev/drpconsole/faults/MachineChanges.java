package dev.drpconsole.faults;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another user changing machines through their own client, straight to the endpoint: runner machines created (25 %),
 * changed (55 %: Description, Runnable, or made no runner and a runner again, which takes them off and back onto the
 * Runner machines page) and deleted (20 %). Several threads, each with machines of its own (no two change one
 * machine), make exactly as many changes as {@link #allow} grants, so a fault can stop the changes, compare, and go
 * on.
 */
final class MachineChanges implements AutoCloseable {
    private static final int MIN_MACHINES_EACH = 10;

    private final DrpClient client;
    private final String context;
    private final Semaphore allowed = new Semaphore(0);
    private final AtomicInteger done = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    MachineChanges(DrpClient client, String context, int threadCount, long seed) {
        this.client = client;
        this.context = context;
        for (int i = 0; i < threadCount; i++) {
            int writer = i;
            Thread thread = new Thread(() -> run(writer, new Random(seed + writer)), "fault-machine-changes-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Lets {@code count} more changes happen. */
    void allow(int count) {
        allowed.release(count);
    }

    /** Waits until {@code total} changes have been made since the start. */
    void awaitDone(int total, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (done.get() < total) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("only " + done.get() + " of " + total + " changes made in "
                        + timeoutMillis / 1000 + " s");
            }
            Thread.sleep(2);
        }
    }

    int done() {
        return done.get();
    }

    /** Changes the endpoint refused or that failed (each still counted as done). */
    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }

    private void run(int writer, Random random) {
        List<Machine> mine = new ArrayList<>();
        int made = 0;
        while (true) {
            try {
                allowed.acquire();
            } catch (InterruptedException e) {
                return;
            }
            try {
                made++;
                change(mine, random, "fault-w" + writer + "-" + made);
            } catch (RuntimeException e) {
                synchronized (this) {
                    failures.add(e.toString());
                }
            } finally {
                done.incrementAndGet();
            }
        }
    }

    private void change(List<Machine> mine, Random random, String fresh) {
        int roll = random.nextInt(100);
        if (mine.size() < MIN_MACHINES_EACH || roll < 25) {
            mine.add(client.create(Machine.runner(fresh, context, "created as " + fresh)));
            return;
        }
        int index = random.nextInt(mine.size());
        Machine machine = mine.get(index);
        if (roll >= 80) {
            client.delete(DrpType.MACHINES, machine.uuid());
            mine.remove(index);
            return;
        }
        Machine changed = switch (random.nextInt(3)) {
            case 0 -> machine.withRunnable(!machine.runnable());
            case 1 -> machine.withBaseContext(machine.isRunner() ? "" : context);
            default -> machine.withDescription("changed by " + fresh);
        };
        mine.set(index, client.update(machine, changed));
    }
}
