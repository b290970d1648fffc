package dev.drpconsole.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change to a stored object, as DRP's events name it.
 *
 * @param prefix    object type, e.g. "machines"
 * @param key       the object's key
 * @param action    "create", "update" (a client's PUT or PATCH), "save" (a change the server made by itself) or
 *                  "delete"
 * @param object    the object after the change (for delete: as it was)
 * @param original  the object before the change; null for create
 * @param principal who caused it, e.g. "user:rocketskates" or "runner:&lt;uuid&gt;"; "" for the server itself
 */
public record ObjectChange(
        String prefix, String key, String action, ObjectNode object, ObjectNode original, String principal) {
}
