package dev.drpconsole.core.connection;

import dev.drpconsole.core.drp.DrpClient;

/**
 * The endpoint the console is signed in to.
 *
 * @param url     the URL that answered (one of the profile's)
 * @param version the endpoint's DRP version, as it reports it
 */
public record ActiveConnection(EndpointProfile profile, DrpClient client, String url, String version) {

    public boolean insecure() {
        return client.insecure();
    }

    /** Signed in over plain http://: the token (and the password, when one was given) crosses the network in clear. */
    public boolean unencrypted() {
        return url.regionMatches(true, 0, "http://", 0, 7);
    }
}
