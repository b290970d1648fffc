package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.sandbox.events.Event;
import dev.drpconsole.sandbox.events.EventBus;

/** {@code POST /api/v3/events}: a client injects an event (drpcli events post); 204. */
public final class EventsEndpoint implements ApiSection {

    private final EventBus bus;

    public EventsEndpoint(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void handle(ApiExchange exchange) {
        if (exchange.size() != 1 || !"POST".equals(exchange.method())) {
            throw ApiRoutes.noRoute(exchange);
        }
        JsonNode body = exchange.jsonBody("events", "");
        bus.publish(Event.fromJson(body, exchange.principal().id()));
        exchange.replyEmpty(204);
    }
}
