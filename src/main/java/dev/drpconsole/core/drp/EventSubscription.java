package dev.drpconsole.core.drp;

/** A live subscription; closing it stops the events (and deregisters the filter when no one else holds it). */
public interface EventSubscription extends AutoCloseable {

    @Override
    void close();
}
