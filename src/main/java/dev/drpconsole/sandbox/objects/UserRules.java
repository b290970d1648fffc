package dev.drpconsole.sandbox.objects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.auth.Secrets;

/** Users get a random Secret (their tokens die when it changes); password hashes are never shown. */
public final class UserRules implements ObjectRules {

    @Override
    public void beforeCreate(ObjectNode created, WriteOptions options) {
        if (SandboxJson.string(created, "Secret").isEmpty()) {
            created.put("Secret", Secrets.text(16));
        }
    }

    @Override
    public void beforeUpdate(ObjectNode before, ObjectNode after, WriteOptions options) {
        if (SandboxJson.string(after, "Secret").isEmpty()) {
            after.set("Secret", before.get("Secret"));
        }
        if (!after.has("PasswordHash") && before.has("PasswordHash")) {
            after.set("PasswordHash", before.get("PasswordHash"));
        }
    }

    @Override
    public ObjectNode presented(ObjectNode stored) {
        if (!stored.has("PasswordHash")) {
            return stored;
        }
        ObjectNode shown = stored.deepCopy();
        shown.remove("PasswordHash");
        return shown;
    }
}
