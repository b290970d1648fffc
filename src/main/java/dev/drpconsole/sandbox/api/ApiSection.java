package dev.drpconsole.sandbox.api;

/** Serves one part of the API, e.g. the files or the contents endpoints. */
@FunctionalInterface
public interface ApiSection {
    void handle(ApiExchange exchange);
}
