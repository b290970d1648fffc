package dev.drpconsole.sandbox.events;

/** Receives every published event; it decides itself what it wants. Must not block. */
@FunctionalInterface
public interface EventSubscriber {
    void deliver(Event event);
}
