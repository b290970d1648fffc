package dev.drpconsole.sandbox.events;

import dev.drpconsole.sandbox.auth.Principal;
import dev.drpconsole.sandbox.auth.RequestPrincipal;
import dev.drpconsole.sandbox.store.ObjectChange;
import dev.drpconsole.sandbox.store.ObjectChangeListener;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fans events out to subscribers: every store change (as create/update/save/delete carrying the object) and
 * every event a client posts. Delivery is synchronous and in order; subscribers queue what they want. A change
 * made while an API request is served, the server's own follow-on changes included, names that request's caller
 * as its principal ({@link RequestPrincipal}).
 */
public final class EventBus implements ObjectChangeListener {

    private final List<EventSubscriber> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(EventSubscriber subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(EventSubscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public void publish(Event event) {
        for (EventSubscriber subscriber : subscribers) {
            subscriber.deliver(event);
        }
    }

    @Override
    public void changed(ObjectChange change) {
        boolean carriesOriginal = "update".equals(change.action()) || "save".equals(change.action());
        String principal = change.principal().isEmpty()
                ? RequestPrincipal.current().map(Principal::id).orElse("") : change.principal();
        publish(new Event(Instant.now(), change.prefix(), change.action(), change.key(), principal,
                change.object(), carriesOriginal ? change.original() : null));
    }
}
