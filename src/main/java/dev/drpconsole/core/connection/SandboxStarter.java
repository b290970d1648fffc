package dev.drpconsole.core.connection;

import dev.drpconsole.sandbox.LocalSandbox;
import dev.drpconsole.sandbox.SandboxStartException;

/** Starts the console's own sandbox (or returns the running one); {@code LocalSandbox::start} in the app. Blocks. */
@FunctionalInterface
public interface SandboxStarter {

    LocalSandbox.Running start() throws SandboxStartException;
}
