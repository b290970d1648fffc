package dev.drpconsole.sandbox.api;

import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.auth.AuthFailure;
import dev.drpconsole.sandbox.auth.Authenticator;
import dev.drpconsole.sandbox.auth.Secrets;
import dev.drpconsole.sandbox.events.EventSocket;
import dev.drpconsole.sandbox.tls.SandboxCertificate;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS side of the sandbox: Javalin on Jetty 11 with one TLS connector bound to 127.0.0.1 only, the API
 * dispatcher on {@code /api/v3/*}, the event websocket on {@code /api/v3/ws}, and DRP-shaped error replies.
 */
public final class HttpsListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpsListener.class);
    public static final String HOST = "127.0.0.1";
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final Javalin app;
    private final ServerConnector connector;

    private HttpsListener(Javalin app, ServerConnector connector) {
        this.app = app;
        this.connector = connector;
    }

    /**
     * Starts listening.
     *
     * @throws io.javalin.util.JavalinBindException when the port is taken
     */
    public static HttpsListener start(int port, SandboxCertificate certificate, ApiRoutes routes,
                                      Authenticator authenticator, EventSocket events) {
        ServerConnector[] connector = new ServerConnector[1];
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = 64L * 1024 * 1024;
            config.jetty.modifyWebSocketServletFactory(factory -> factory.setIdleTimeout(Duration.ofHours(24)));
            config.jetty.addConnector((server, httpConfiguration) -> {
                connector[0] = tlsConnector(server, httpConfiguration, certificate, port);
                return connector[0];
            });
        });
        app.wsBeforeUpgrade("/api/v3/ws", routes::authenticate);
        app.ws("/api/v3/ws", events.handlers());
        for (HandlerType method : METHODS) {
            app.addHttpHandler(method, "/api/v3/*", routes);
            app.addHttpHandler(method, "/*", context -> {
                throw new ApiException(404, "API ERROR", "", context.path(), "No route");
            });
        }
        app.exception(ApiException.class, (failure, context) -> replyError(context, failure));
        app.exception(AuthFailure.class, (failure, context) -> replyAuthFailure(context, failure));
        app.exception(Exception.class, (failure, context) -> {
            LOG.error("Unexpected failure serving {} {}", context.method(), context.path(), failure);
            replyError(context, new ApiException(500, "API ERROR", "", context.path(),
                    "Internal error: " + failure));
        });
        app.start();
        return new HttpsListener(app, connector[0]);
    }

    private static ServerConnector tlsConnector(org.eclipse.jetty.server.Server server,
                                                HttpConfiguration httpConfiguration, SandboxCertificate certificate,
                                                int port) {
        char[] password = Secrets.text(24).toCharArray();
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(certificate.keyStore(password));
        tls.setKeyStorePassword(new String(password));
        tls.setSniRequired(false);
        HttpConfiguration https = new HttpConfiguration(httpConfiguration);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // Clients reach the sandbox by IP (https://127.0.0.1:port); the certificate names it, but no SNI is sent.
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(HOST);
        connector.setPort(port);
        connector.setIdleTimeout(Duration.ofMinutes(10).toMillis());
        return connector;
    }

    private static void replyError(Context context, ApiException failure) {
        context.status(failure.code());
        context.contentType(ApiExchange.JSON);
        if (!"HEAD".equals(context.method().name())) {
            context.result(SandboxJson.bytes(failure.toJson()));
        } else {
            context.result(new byte[0]);
        }
    }

    private static void replyAuthFailure(Context context, AuthFailure failure) {
        if (failure.status() == 401) {
            context.header("WWW-Authenticate", "dr-provision");
        }
        context.status(failure.status());
        context.contentType(ApiExchange.JSON);
        byte[] body = failure.body().filter(ignored -> !"HEAD".equals(context.method().name()))
                .map(error -> SandboxJson.bytes(error.toJson())).orElse(new byte[0]);
        context.result(body);
    }

    /** The port actually bound (the one asked for, or the one picked for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        app.stop();
    }
}
