package dev.drpconsole.core.drp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A live subscription; closing it stops the events (and deregisters the filter when no one else holds it). */
public interface EventSubscription extends AutoCloseable {

    /**
     * Completes once events for this filter flow: with true when the server acknowledged the registration (at once
     * if it already had for another holder); with false when the acknowledgement timed out, or when the socket
     * failed or is waiting to reconnect (its {@link EventStreamListener#connected} then says when to catch up).
     * Never fails. Lets a holder of live state list only after its events are sure to arrive, so nothing slips
     * between the list and the first event.
     */
    default CompletionStage<Boolean> registered() {
        return CompletableFuture.completedFuture(false);
    }

    @Override
    void close();
}
