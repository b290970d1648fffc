package dev.drpconsole.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.auth.AdminPassword;
import dev.drpconsole.sandbox.auth.RoleClaims;
import dev.drpconsole.sandbox.auth.Secrets;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Objects every endpoint has before anyone creates one: the admin user, the stages {@code none} and
 * {@code complete} and the boot environment {@code local} that new machines and workflows refer to (DRP ships
 * them in its basic content), and the {@code docker-context} plugin provider and plugin the sandbox implements.
 * Created when missing, never overwritten.
 */
final class BuiltInObjects {

    static final String BASIC_CONTENT = "sandbox-basic";
    public static final String DOCKER_CONTEXT = "docker-context";

    private BuiltInObjects() {
    }

    /**
     * @param withProvider also the docker-context provider and plugin (else they come with an upload)
     * @param contexts     the plugin generation whose Version the provider reports
     */
    static void ensure(ObjectService objects, boolean withProvider, ContextsFeature contexts) {
        ObjectStore store = objects.store();
        if (store.get("users", AdminPassword.ADMIN_USER).isEmpty()) {
            ObjectNode admin = SandboxJson.object();
            admin.put("Name", AdminPassword.ADMIN_USER);
            admin.put("Description", "The sandbox's administrator");
            admin.put("Secret", Secrets.text(16));
            admin.putArray("Roles").add(RoleClaims.SUPERUSER);
            store.put("users", filled(objects, "users", admin), "create", "");
        }
        ensureSuperuserRole(objects);
        ensureBasic(objects, "stages", "none", "The stage of a machine with nothing to do");
        ensureBasic(objects, "stages", "complete", "The last stage of a workflow");
        ensureBasic(objects, "bootenvs", "local", "Boot from the local disk");
        if (withProvider) {
            ensureDockerContextPlugin(objects, contexts);
        }
    }

    /** The provider definition always matches this build; the plugin is created once and then left alone. */
    static void ensureDockerContextPlugin(ObjectService objects, ContextsFeature contexts) {
        ObjectNode provider = dockerContextProvider();
        // The version tells a client which plugin generation it has, and so where it keeps images.
        provider.put("Version", contexts.version());
        ((ObjectNode) provider.path("Meta")).put("Version", contexts.version());
        ObjectStore store = objects.store();
        if (!store.get("plugin_providers", DOCKER_CONTEXT).map(provider::equals).orElse(false)) {
            store.put("plugin_providers", filled(objects, "plugin_providers", provider), "save", "");
        }
        if (store.get("plugins", DOCKER_CONTEXT).isEmpty()) {
            ObjectNode plugin = SandboxJson.object();
            plugin.put("Name", DOCKER_CONTEXT);
            plugin.put("Provider", DOCKER_CONTEXT);
            plugin.put("Description", "Runs docker-context contexts on the local container engine");
            store.put("plugins", filled(objects, "plugins", plugin), "create", "");
        }
    }

    static ObjectNode dockerContextProvider() {
        try (InputStream in = BuiltInObjects.class.getResourceAsStream("docker-context-provider.json")) {
            return (ObjectNode) SandboxJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The docker-context provider definition is missing", e);
        }
    }

    /** DRP's default role, "just the superuser claim" {*, *, *}, which the admin holds (P:doc/arch/auth.rst). */
    private static void ensureSuperuserRole(ObjectService objects) {
        if (objects.store().get("roles", RoleClaims.SUPERUSER).isPresent()) {
            return;
        }
        ObjectNode role = SandboxJson.object();
        role.put("Name", RoleClaims.SUPERUSER);
        role.put("Description", "Everything: the claim {*, *, *}");
        role.put("ReadOnly", true);
        role.put("Bundle", BASIC_CONTENT);
        role.putArray("Claims").addObject().put("scope", "*").put("action", "*").put("specific", "*");
        objects.store().put("roles", filled(objects, "roles", role), "create", "");
    }

    private static void ensureBasic(ObjectService objects, String prefix, String name, String description) {
        if (objects.store().get(prefix, name).isPresent()) {
            return;
        }
        ObjectNode object = SandboxJson.object();
        object.put("Name", name);
        object.put("Description", description);
        object.put("ReadOnly", true);
        object.put("Bundle", BASIC_CONTENT);
        objects.store().put(prefix, filled(objects, prefix, object), "create", "");
    }

    static ObjectNode filled(ObjectService objects, String prefix, ObjectNode object) {
        objects.kinds().get(prefix).fill(object);
        return object;
    }
}
