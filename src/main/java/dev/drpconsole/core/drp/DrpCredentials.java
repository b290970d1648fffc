package dev.drpconsole.core.drp;

/**
 * How the client signs in. With a password the client fetches a token at once and renews it before it expires
 * and after a 401; the password stays in memory only. With a token alone, an expired token ends the session
 * with a {@link DrpAuthException}.
 */
public sealed interface DrpCredentials {

    String username();

    record Password(String username, String password) implements DrpCredentials {
        @Override
        public String toString() {
            return "Password[" + username + ", ****]";
        }
    }

    record Token(String username, String token) implements DrpCredentials {
        @Override
        public String toString() {
            return "Token[" + username + ", ****]";
        }
    }
}
