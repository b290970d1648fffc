package dev.drpconsole.core.connection;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A DRP endpoint base URL as users type it, checked and normalized: {@code https://} or {@code http://}, a host,
 * and a port (DRP's 8092 when none is given). The console adds {@code /api/v3} itself, so no path is allowed.
 */
public record EndpointUrl(String scheme, String host, int port) {
    public static final int DRP_PORT = 8092;

    /**
     * @throws IllegalArgumentException with a message in plain words saying what to change
     */
    public static EndpointUrl parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Enter the endpoint's address, e.g. https://drp.example.com:8092");
        }
        int schemeEnd = trimmed.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : trimmed.substring(0, schemeEnd).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("Start the address with https:// (or http://), e.g. https://"
                    + (schemeEnd < 0 ? trimmed : "drp.example.com:" + DRP_PORT));
        }
        if (trimmed.substring(schemeEnd + 3).isBlank()) {
            throw new IllegalArgumentException("Add a host name after " + scheme + "://");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("That is not an address: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            // java.net.URI leaves the host empty for "host:abc" as well as for a missing host.
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
            throw new IllegalArgumentException(authority.contains(":") && !authority.startsWith(":")
                    ? "The port must be a number from 1 to 65535"
                    : "Add a host name after " + scheme + "://");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Leave out the path: the console adds /api/v3 itself");
        }
        int port = uri.getPort() < 0 ? DRP_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("The port must be a number from 1 to 65535");
        }
        return new EndpointUrl(scheme, uri.getHost(), port);
    }

    /** {@code host:port}, the key certificates are pinned under. */
    public String hostPort() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
