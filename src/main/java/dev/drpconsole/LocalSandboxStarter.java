package dev.drpconsole;

import dev.drpconsole.core.connection.SandboxLogin;
import dev.drpconsole.core.connection.SandboxStarter;
import dev.drpconsole.core.connection.SandboxUnavailableException;
import dev.drpconsole.sandbox.LocalSandbox;
import dev.drpconsole.sandbox.SandboxStartException;

/**
 * Where the console meets its sandbox: the one place (beside the composition root) that knows both, so core and ui
 * see only {@link SandboxStarter} and {@link SandboxLogin}.
 */
public final class LocalSandboxStarter implements SandboxStarter {
    private final LocalSandbox sandbox;

    public LocalSandboxStarter(LocalSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public SandboxLogin start() throws SandboxUnavailableException {
        try {
            LocalSandbox.Running running = sandbox.start();
            return new SandboxLogin(running.url().toString().replaceAll("/+$", ""), running.adminUser(),
                    running.adminPassword(), running.passwordFile(), running.certificateSha256(),
                    running.onDrpPort(), running.runnerEngine());
        } catch (SandboxStartException e) {
            throw new SandboxUnavailableException(e.getMessage(), e);
        }
    }
}
