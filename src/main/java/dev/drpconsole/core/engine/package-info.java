/**
 * The container engine (Docker or Podman, both spoken to over the Docker Engine API) as seen by the console.
 *
 * <p>{@link dev.drpconsole.core.engine.EngineLocator} finds the engine the way the docker CLI does,
 * {@link dev.drpconsole.core.engine.DockerEngine} talks to it through docker-java, and everything the rest of the
 * console sees is this package's own interfaces and records, never docker-java model classes.
 *
 * <p><b>Threading.</b> Every call that talks to the engine blocks: run it on an executor, never on the UI thread.
 * Streams (log lines, engine events, build progress) call their listeners on background threads owned by
 * docker-java or by this package; listeners must be quick and thread-safe, and must hand results to the UI
 * through a queue rather than touching UI state. Each stream returns a {@link java.io.Closeable} that stops it.
 * Followed logs and event watches call their listeners under the same lock their {@code close()} takes (that is
 * how "nothing arrives after close" holds), so close waits for a listener call in progress: keep listeners quick
 * and hand work off.
 *
 * <p>Quick calls (info, list, inspect, start, stop, remove, ...) report an engine that accepts but does not answer
 * within a few seconds as {@link dev.drpconsole.core.engine.EngineUnavailableException}; long ones (build, save,
 * load) wait as long as the engine works. A closed engine refuses every call with a plain
 * {@link dev.drpconsole.core.engine.EngineException}.
 *
 * <p><b>Errors.</b> Failures are {@link dev.drpconsole.core.engine.EngineException}s whose messages are plain
 * words meant for users; {@link dev.drpconsole.core.engine.EngineUnavailableException} also carries a fix hint.
 */
package dev.drpconsole.core.engine;
