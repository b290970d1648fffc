package dev.drpconsole.core.connection;

/**
 * Starts the console's own local endpoint, the sandbox, or returns the one already running: what the core knows of
 * it. The sandbox is a peer of the console, not a part of it: the composition root wires it in through this
 * interface, so nothing in core or ui depends on the sandbox's code. Blocks; call it from a background thread.
 */
@FunctionalInterface
public interface SandboxStarter {

    /**
     * @return how to reach and sign in to it (URL, admin user and password, certificate fingerprint)
     * @throws SandboxUnavailableException it cannot start, with the reason in plain words
     */
    SandboxLogin start() throws SandboxUnavailableException;
}
