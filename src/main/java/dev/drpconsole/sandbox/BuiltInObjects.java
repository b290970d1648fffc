package dev.drpconsole.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.auth.AdminPassword;
import dev.drpconsole.sandbox.auth.RoleClaims;
import dev.drpconsole.sandbox.auth.Secrets;
import dev.drpconsole.sandbox.content.CommunityContent;
import dev.drpconsole.sandbox.content.ContentPacks;
import dev.drpconsole.sandbox.model.ObjectKind;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Objects every endpoint has before anyone creates one [v3 code: backend/stack.go BasicContent,
 * backend/dataTracker.go; v3 run]: the read-only layer {@code BasicStore} (the stages {@code none} and
 * {@code local}, the boot environments {@code local} and {@code ignore}, the role {@code superuser}), the writable
 * {@code global} profile and the admin user; then what every real install adds, the community content layer with
 * the {@code complete} stage ({@link CommunityContent}); and the {@code docker-context} plugin provider and plugin
 * the sandbox implements. Created when missing, never overwritten.
 */
final class BuiltInObjects {

    /** The server's read-only layer, as /contents names it and as its objects' Bundle. */
    static final String BASIC_CONTENT = ContentPacks.BASIC_STORE;
    /** What earlier sandboxes called their basic layer; its objects are made again under {@link #BASIC_CONTENT}. */
    private static final String FORMER_BASIC_CONTENT = "sandbox-basic";
    public static final String DOCKER_CONTEXT = "docker-context";

    private BuiltInObjects() {
    }

    /**
     * @param withProvider also the docker-context provider and plugin (else they come with an upload)
     * @param contexts     the plugin generation whose Version the provider reports
     */
    static void ensure(ObjectService objects, ContentPacks packs, boolean withProvider, ContextsFeature contexts) {
        ObjectStore store = objects.store();
        removeFormerBasicContent(objects);
        if (store.get("users", AdminPassword.ADMIN_USER).isEmpty()) {
            ObjectNode admin = SandboxJson.object();
            admin.put("Name", AdminPassword.ADMIN_USER);
            admin.put("Description", "The sandbox's administrator");
            admin.put("Secret", Secrets.text(16));
            admin.putArray("Roles").add(RoleClaims.SUPERUSER);
            store.put("users", filled(objects, "users", admin), "create", "");
        }
        ensureSuperuserRole(objects);
        ensureBasic(objects, "stages", "none", "Noop / Nothing stage", "");
        ensureBasic(objects, "stages", "local", "Stage to boot into the local BootEnv.", "local");
        ensureBasic(objects, "bootenvs", "local", "The boot environment you should use to have known machines boot "
                + "off their local hard drive", "");
        ensureBasic(objects, "bootenvs", "ignore", "The boot environment you should use to have unknown machines boot "
                + "off their local hard drive", "");
        ensureGlobalProfile(objects);
        CommunityContent.ensure(packs);
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

    /** @param bootEnv a stage's BootEnv, "" for none or for a boot environment */
    private static void ensureBasic(ObjectService objects, String prefix, String name, String description,
                                    String bootEnv) {
        if (objects.store().get(prefix, name).isPresent()) {
            return;
        }
        ObjectNode object = SandboxJson.object();
        object.put("Name", name);
        object.put("Description", description);
        object.put("ReadOnly", true);
        object.put("Bundle", BASIC_CONTENT);
        if (!bootEnv.isEmpty()) {
            object.put("BootEnv", bootEnv);
        }
        if ("bootenvs".equals(prefix)) {
            object.putObject("OS").put("Name", name);
            object.put("OnlyUnknown", "ignore".equals(name));
        }
        objects.store().put(prefix, filled(objects, prefix, object), "create", "");
    }

    /** Created writable at start when missing [v3 code: backend/dataTracker.go GlobalProfileName]. */
    private static void ensureGlobalProfile(ObjectService objects) {
        if (objects.store().get("profiles", "global").isPresent()) {
            return;
        }
        ObjectNode global = SandboxJson.object();
        global.put("Name", "global");
        global.put("Description", "Global profile attached automatically to all machines.");
        objects.store().put("profiles", filled(objects, "profiles", global), "create", "");
    }

    private static void removeFormerBasicContent(ObjectService objects) {
        for (ObjectKind kind : objects.kinds().all()) {
            for (ObjectNode object : objects.store().list(kind.prefix())) {
                if (FORMER_BASIC_CONTENT.equals(SandboxJson.string(object, "Bundle"))) {
                    objects.store().remove(kind.prefix(), kind.keyOf(object), "");
                }
            }
        }
    }

    static ObjectNode filled(ObjectService objects, String prefix, ObjectNode object) {
        objects.kinds().get(prefix).fill(object);
        return object;
    }
}
