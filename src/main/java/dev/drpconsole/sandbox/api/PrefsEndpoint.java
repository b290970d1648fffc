package dev.drpconsole.sandbox.api;

import dev.drpconsole.sandbox.store.Preferences;

/**
 * {@code GET /api/v3/prefs} lists the preferences; {@code POST /api/v3/prefs} with a JSON object of strings sets
 * some and answers 201 with all of them, as {@code drpcli prefs set K V} expects (v3 frontend/prefs.go).
 */
public final class PrefsEndpoint implements ApiSection {

    private final Preferences preferences;

    public PrefsEndpoint(Preferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public void handle(ApiExchange exchange) {
        if (exchange.size() != 1) {
            throw ApiRoutes.noRoute(exchange);
        }
        switch (exchange.method()) {
            case "GET", "HEAD" -> exchange.replyJson(200, preferences.all());
            case "POST" -> {
                preferences.set(exchange.jsonBody("prefs", ""));
                exchange.replyJson(201, preferences.all());
            }
            default -> throw ApiRoutes.methodNotAllowed(exchange);
        }
    }
}
