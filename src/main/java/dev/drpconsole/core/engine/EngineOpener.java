package dev.drpconsole.core.engine;

import java.net.URI;

/**
 * Opens the engine an {@link EngineChoice} names. Does no I/O for local sockets and TCP (an absent engine shows on
 * the first call, as with {@link DockerEngine#open}); an ssh engine logs in here ({@link SshTunnel}) and checks that
 * an engine answers at the other end, so ssh's problems are reported now, in plain words.
 */
public final class EngineOpener {

    private EngineOpener() {
    }

    /**
     * @throws NoEngineException          for {@link EngineChoice.None}
     * @throws EngineUnavailableException when the choice cannot be used (no such docker context, unreadable
     *                                    certificates), with a fix hint; for ssh an {@link SshConnectionException}
     *                                    or an {@link SshHostKeyException} (which may offer to trust the key)
     */
    public static ContainerEngine open(EngineChoice choice) {
        if (choice instanceof EngineChoice.Socket socket) {
            return DockerEngine.open(EngineEndpoint.of(socket.address(), "runner engine"));
        }
        if (choice instanceof EngineChoice.DockerContext context) {
            return DockerEngine.open(EngineLocator.forCurrentUser().context(context.name()));
        }
        if (choice instanceof EngineChoice.Tcp tcp) {
            return DockerEngine.open(new EngineEndpoint(URI.create(tcp.text()), "TCP",
                    tcp.certificatePath().orElse(null)));
        }
        if (choice instanceof EngineChoice.Ssh ssh) {
            return SshEngine.open(ssh);
        }
        if (choice instanceof EngineChoice.None) {
            throw new NoEngineException();
        }
        return DockerEngine.locate();
    }
}
