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
 *
 * <p><b>Errors.</b> Failures are {@link dev.drpconsole.core.engine.EngineException}s whose messages are plain
 * words meant for users; {@link dev.drpconsole.core.engine.EngineUnavailableException} also carries a fix hint.
 */
package dev.drpconsole.core.engine;
