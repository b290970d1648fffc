package dev.drpconsole.core.drp;

import java.time.Duration;

/**
 * Timing knobs of {@link OkHttpDrpClient}. The defaults suit a desktop talking to an endpoint on the LAN; tests
 * shorten them so fault cases finish fast.
 *
 * @param connectTimeout   how long to wait for a TCP/TLS connection
 * @param readTimeout      how long one read may stall (long downloads report progress instead of timing out)
 * @param tokenTtl         the lifetime asked for when signing in with a password
 * @param renewAt          renew the token when this fraction of its lifetime has passed
 * @param ackTimeout       how long the event socket waits for the server to acknowledge registrations before it
 *                         reports itself connected anyway (a server that never acks must not hang the console)
 * @param reconnectInitial the first pause before reconnecting the event socket; it doubles after each failure
 * @param reconnectMax     the longest pause between reconnect attempts
 */
public record DrpClientOptions(Duration connectTimeout, Duration readTimeout, Duration tokenTtl, double renewAt,
                               Duration ackTimeout, Duration reconnectInitial, Duration reconnectMax) {

    public static final DrpClientOptions DEFAULTS = new DrpClientOptions(Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofHours(1), 2.0 / 3, Duration.ofSeconds(5), Duration.ofMillis(500),
            Duration.ofSeconds(15));

    public DrpClientOptions {
        if (renewAt <= 0 || renewAt >= 1) {
            throw new IllegalArgumentException("renewAt must be between 0 and 1, got " + renewAt);
        }
        if (tokenTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("tokenTtl must be at least one second, got " + tokenTtl);
        }
    }

    public DrpClientOptions withTimeouts(Duration connect, Duration read) {
        return new DrpClientOptions(connect, read, tokenTtl, renewAt, ackTimeout, reconnectInitial, reconnectMax);
    }

    public DrpClientOptions withTokenTtl(Duration ttl, double renewFraction) {
        return new DrpClientOptions(connectTimeout, readTimeout, ttl, renewFraction, ackTimeout, reconnectInitial,
                reconnectMax);
    }

    public DrpClientOptions withAckTimeout(Duration timeout) {
        return new DrpClientOptions(connectTimeout, readTimeout, tokenTtl, renewAt, timeout, reconnectInitial,
                reconnectMax);
    }

    public DrpClientOptions withReconnectBackoff(Duration initial, Duration max) {
        return new DrpClientOptions(connectTimeout, readTimeout, tokenTtl, renewAt, ackTimeout, initial, max);
    }
}
