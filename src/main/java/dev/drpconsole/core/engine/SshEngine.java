package dev.drpconsole.core.engine;

import java.net.URI;

/**
 * A Docker-API engine reached over ssh: a {@link DockerEngine} on the local socket of an {@link SshTunnel}, whose
 * endpoint names the ssh address (e.g. "ssh://root@drp1:2222/run/podman/podman.sock") and which closes the tunnel
 * with itself.
 */
final class SshEngine extends ForwardingEngine {

    private final SshTunnel tunnel;

    private SshEngine(DockerEngine engine, SshTunnel tunnel) {
        super(engine);
        this.tunnel = tunnel;
    }

    /** Opens the tunnel, see {@link SshTunnel#open}, which throws when ssh or the remote engine is unreachable. */
    static SshEngine open(EngineChoice.Ssh choice) {
        SshTunnel tunnel = SshTunnel.open(choice);
        try {
            return new SshEngine(DockerEngine.open(EngineEndpoint.of(URI.create("unix://" + tunnel.socket()),
                    choice.text())), tunnel);
        } catch (RuntimeException e) {
            tunnel.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            tunnel.close();
        }
    }
}
