package dev.drpconsole.core.drp;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Sets up an OkHttp client's TLS for one endpoint URL: pinned (trust on first use) or insecure. */
final class ClientTls {

    private ClientTls() {
    }

    /** {@code host:port} as pins are kept (IPv6 hosts in brackets). */
    static String hostPort(HttpUrl url) {
        String host = url.host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + url.port();
    }

    /**
     * Host name verification is switched off in both modes: a self-signed DRP certificate rarely names the host the
     * user typed, and with pinning the fingerprint already proves the endpoint's identity.
     */
    static void configure(OkHttpClient.Builder builder, HttpUrl base, boolean insecure, CertificatePins pins) {
        if (!base.isHttps()) {
            return;
        }
        X509TrustManager trust = insecure ? new TrustAllManager() : new PinningTrustManager(hostPort(base), pins);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            builder.sslSocketFactory(context.getSocketFactory(), trust);
            builder.hostnameVerifier((host, session) -> true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JDK has a TLS context", e);
        }
    }
}
