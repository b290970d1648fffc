/**
 * The sandbox endpoint: a DRP-compatible server that the real drpcli and its agent accept, built from the facts
 * sheet (shared/drp-api-facts.md). UI-free; runs headless ({@code java -jar ... sandbox}) or embedded
 * ({@link dev.drpconsole.sandbox.SandboxServer#start(dev.drpconsole.sandbox.SandboxConfig)}).
 *
 * <p><b>Layout.</b> {@code api} turns HTTPS requests into calls (one dispatcher, DRP error bodies); {@code auth}
 * checks credentials and issues tokens; {@code objects} and {@code store} hold the objects (Jackson trees typed
 * by {@code model}/kinds.json) with per-type rules in {@code machines} and {@code jobs}; {@code events} fans
 * changes out to websockets; {@code files}, {@code content} and {@code params} serve their APIs; {@code runner}
 * is the docker-context engine on {@link dev.drpconsole.core.engine}.
 *
 * <p><b>Threading.</b> Requests run on Jetty's threads. Every write goes through the store's single write lock,
 * so read-check-write rules hold; listeners hear changes under that lock and only queue them. Websocket frames and
 * container work run on their own background threads.
 */
package dev.drpconsole.sandbox;
