package dev.drpconsole.core.engine;

import java.net.URI;

/**
 * What the engine says about itself, plus how it was found.
 *
 * @param product    Docker or Podman
 * @param version    the engine's own version, e.g. "20.10.24+dfsg1" or "4.3.1"
 * @param apiVersion the Docker Engine API version it speaks, e.g. "1.41"
 * @param os         e.g. "linux"
 * @param arch       e.g. "amd64"
 * @param host       the address it answered at
 * @param source     why that address was used, see {@link EngineEndpoint#source()}
 */
public record EngineInfo(
        EngineProduct product, String version, String apiVersion, String os, String arch, URI host, String source) {

    /**
     * Where the engine is, in the user's terms: the ssh address of an engine reached over ssh (its local socket is
     * the console's own tunnel), the socket's path on this machine, else the engine's address.
     */
    public String where() {
        if (source.startsWith("ssh://")) {
            return source;
        }
        return "unix".equals(host.getScheme()) ? host.getPath() : host.toString();
    }
}
