package dev.drpconsole.core.drp;

import java.util.List;

/**
 * 403 {@code Messages: ["Locked"]}: the object (a machine with {@code Locked: true}) refuses changes and deletion
 * until a change unlocks it (DRP v3.13.6 backend/requestTracker.go {@code Locked}; models/machine.go: "changes to
 * the Machine by users are not allowed, except for unlocking the machine"). The token is fine: the client neither
 * renews nor retries. The message is the sentence a user reads.
 */
public class DrpLockedException extends DrpApiException {

    public DrpLockedException(int code, String model, String key, String type, List<String> messages) {
        super("It is locked: DRP refuses changes to it, and deleting it, until it is unlocked. Unlock it (Runner"
                + " machines: Unlock, or drpcli " + model + " update " + key + " '{\"Locked\":false}') and try again.",
                code, model, key, type, messages);
    }

    /** Whether a 403 is DRP's lock refusal rather than a refused sign-in or a missing claim. */
    static boolean isLockRefusal(int code, List<String> messages) {
        return code == 403 && messages.equals(List.of("Locked"));
    }
}
