package dev.drpconsole.core.drp;

import java.util.List;

/**
 * Where and how to connect.
 *
 * @param urls     one or more base URLs ({@code https://host:8092}); the client uses the first that answers
 * @param insecure skip certificate checks entirely (the UI shows a red badge); otherwise certificates are pinned
 */
public record DrpEndpoint(List<String> urls, DrpCredentials credentials, boolean insecure) {

    public DrpEndpoint {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an endpoint needs at least one URL");
        }
        urls = List.copyOf(urls);
    }

    public String firstUrl() {
        return urls.get(0);
    }
}
