package dev.drpconsole.core.drp;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the bearer token of one client. With a password it signs in at once, renews in the background when
 * {@code renewAt} of the lifetime has passed, and renews on demand after the server rejected the token. With a
 * token alone there is nothing to renew. The token is never logged.
 */
final class TokenKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenKeeper.class);

    /** A token and when it stops working. */
    record Issued(String token, Instant expires) {
        @Override
        public String toString() {
            return "Issued[****, " + expires + "]";
        }
    }

    private final DrpCredentials credentials;
    private final Supplier<Issued> signIn;
    private final Duration ttl;
    private final double renewAt;
    private final ScheduledExecutorService timer;
    private Issued current;
    private ScheduledFuture<?> renewal;
    private boolean closed;

    /** @param signIn fetches a new token with the password (blocking; throws DrpException) */
    TokenKeeper(DrpCredentials credentials, Supplier<Issued> signIn, Duration ttl, double renewAt) {
        this.credentials = credentials;
        this.signIn = signIn;
        this.ttl = ttl;
        this.renewAt = renewAt;
        if (credentials instanceof DrpCredentials.Token saved) {
            current = new Issued(saved.token(), null);
            timer = null;
        } else {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "drp-token-renewal");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    boolean canRenew() {
        return credentials instanceof DrpCredentials.Password;
    }

    synchronized String token() {
        return current == null ? null : current.token();
    }

    /** When the current token expires; empty for a saved token (its lifetime is not known here). */
    synchronized Optional<Instant> expires() {
        return current == null ? Optional.empty() : Optional.ofNullable(current.expires());
    }

    /** Fetches the first token (password sign-in); a no-op for a saved token. */
    void start() {
        if (canRenew()) {
            renew();
        }
    }

    /** After a 401/403 with {@code rejected}: renews unless another thread already did. */
    synchronized void renewAfterRejection(String rejected) {
        if (current != null && !current.token().equals(rejected)) {
            return;
        }
        renew();
    }

    private synchronized void renew() {
        if (closed) {
            throw new DrpException("This connection was closed; sign in again.");
        }
        current = signIn.get();
        schedule(Duration.ofMillis((long) (ttl.toMillis() * renewAt)));
    }

    private void schedule(Duration delay) {
        if (renewal != null) {
            renewal.cancel(false);
        }
        renewal = timer.schedule(this::renewInBackground, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void renewInBackground() {
        try {
            renew();
            LOG.debug("Renewed the API token; it now expires at {}", current.expires());
        } catch (DrpAuthException e) {
            // The password no longer works: the next call fails with the same error where it is handled.
            LOG.warn("Could not renew the API token: {}", e.getMessage());
        } catch (DrpException e) {
            LOG.info("Could not renew the API token yet ({}); trying again shortly", e.getMessage());
            synchronized (this) {
                if (!closed) {
                    schedule(Duration.ofMillis(Math.max(1000, Math.min(30_000,
                            (long) (ttl.toMillis() * (1 - renewAt) / 4)))));
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
