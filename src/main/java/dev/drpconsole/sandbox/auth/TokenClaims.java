package dev.drpconsole.sandbox.auth;

import java.time.Instant;

/**
 * What a verified token says.
 *
 * @param principal         who it was issued to
 * @param expiresAt         when it stops working
 * @param secretFingerprint fingerprint of the principal's {@code Secret} at issue time: changing the secret
 *                          invalidates every token issued before, as on a real endpoint
 */
public record TokenClaims(Principal principal, Instant expiresAt, String secretFingerprint) {
}
