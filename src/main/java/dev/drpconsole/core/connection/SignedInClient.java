package dev.drpconsole.core.connection;

import dev.drpconsole.core.drp.DrpClient;
import java.util.function.Supplier;

/**
 * A client that has signed in, and a way to read the token it uses now (it renews its token over time; the one
 * current when the connection ends is the one worth keeping).
 */
public record SignedInClient(DrpClient client, Supplier<IssuedToken> currentToken) {
}
