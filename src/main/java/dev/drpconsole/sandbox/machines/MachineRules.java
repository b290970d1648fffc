package dev.drpconsole.sandbox.machines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.auth.Secrets;
import dev.drpconsole.sandbox.objects.ObjectRules;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.objects.WriteOptions;
import dev.drpconsole.sandbox.store.Preferences;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Machines (§3.2): a new machine gets a random Uuid and Secret, the {@code change-stage-v2} feature flag, DRP's
 * defaults for the fields a Go client sends empty (an empty Workflow, Stage and BootEnv from the prefs
 * {@code defaultWorkflow}, {@code defaultStage}, {@code defaultBootEnv}, as the v3 server's backend/machines.go
 * {@code OnCreate} does), and {@code Context = Meta.BaseContext}. Workflow, stage and
 * task-list changes are handled by {@link TaskListRules}.
 */
public final class MachineRules implements ObjectRules {

    /** DRP's machine name rule (models/utils.go validMachineName). */
    private static final Pattern VALID_NAME = Pattern.compile("^(\\p{L}|\\p{N})+([- _.]+|\\p{N}+|\\p{L}+)+$");
    private static final String FEATURE_FLAGS = "feature-flags";

    private final TaskListRules taskLists;
    private final Preferences preferences;
    private final ObjectService objects;

    public MachineRules(TaskListRules taskLists, Preferences preferences, ObjectService objects) {
        this.taskLists = taskLists;
        this.preferences = preferences;
        this.objects = objects;
    }

    /** The prefs' defaults, as the v3 server's backend/machines.go {@code OnCreate} applies them. */
    @Override
    public void beforeDefaults(ObjectNode machine) {
        defaultWhenEmpty(machine, "Workflow", preferences.get(Preferences.DEFAULT_WORKFLOW));
        defaultWhenEmpty(machine, "Stage", preferences.get(Preferences.DEFAULT_STAGE));
        defaultWhenEmpty(machine, "BootEnv", preferences.get(Preferences.DEFAULT_BOOT_ENV));
    }

    @Override
    public void beforeCreate(ObjectNode machine, WriteOptions options) {
        String uuid = SandboxJson.string(machine, "Uuid");
        if (uuid.isEmpty()) {
            uuid = UUID.randomUUID().toString();
        } else if (!isUuid(uuid)) {
            throw ApiException.validation("machines", uuid, "Invalid UUID: " + uuid);
        }
        machine.put("Uuid", uuid.toLowerCase());
        if (SandboxJson.string(machine, "Secret").isEmpty()) {
            machine.put("Secret", Secrets.text(16));
        }
        defaultWhenEmpty(machine, "Arch", "amd64");
        defaultWhenEmpty(machine, "Pool", "default");
        defaultWhenEmpty(machine, "PoolStatus", "Free");
        // A new machine is always runnable on a real endpoint, whatever the client sent (Go sends false).
        machine.put("Runnable", true);
        machine.put("CurrentJob", "");
        addFeatureFlag(machine, "change-stage-v2");
        checkName(machine);
        if (SandboxJson.string(machine, "Context").isEmpty()) {
            machine.put("Context", baseContext(machine));
        }
        taskLists.onCreate(machine);
    }

    @Override
    public void beforeUpdate(ObjectNode before, ObjectNode after, WriteOptions options) {
        if (SandboxJson.string(after, "Secret").isEmpty()) {
            after.set("Secret", before.get("Secret"));
        }
        addFeatureFlag(after, "change-stage-v2");
        checkName(after);
        taskLists.onUpdate(before, after, options);
    }

    /**
     * A deleted machine's current job is no longer current, so {@code jobs?Current=true} lists no job of a machine
     * that is gone [v3 code: backend/machines.go AfterDelete; v3 run: a jobs event follows].
     */
    @Override
    public void afterDelete(ObjectNode removed, WriteOptions options) {
        objects.find("jobs", SandboxJson.string(removed, "CurrentJob"))
                .filter(job -> job.path("Current").asBoolean())
                .ifPresent(job -> {
                    ObjectNode ended = job.deepCopy();
                    ended.put("Current", false);
                    objects.save("jobs", job, ended);
                });
    }

    /** The context a machine returns to when its task list is replaced: {@code Meta.BaseContext}, or "". */
    public static String baseContext(ObjectNode machine) {
        return SandboxJson.string(machine.path("Meta"), "BaseContext");
    }

    private static void checkName(ObjectNode machine) {
        String name = SandboxJson.string(machine, "Name");
        if (!VALID_NAME.matcher(name).matches()) {
            throw ApiException.validation("machines", SandboxJson.string(machine, "Uuid"),
                    SandboxJson.string(machine, "Uuid") + ": Invalid Name `" + name + "`");
        }
    }

    private static void defaultWhenEmpty(ObjectNode machine, String field, String value) {
        if (SandboxJson.string(machine, field).isEmpty()) {
            machine.put(field, value);
        }
    }

    private static void addFeatureFlag(ObjectNode machine, String flag) {
        ObjectNode meta = machine.path("Meta").isObject() ? (ObjectNode) machine.get("Meta") : machine.putObject("Meta");
        Set<String> flags = new LinkedHashSet<>();
        for (String existing : SandboxJson.string(meta, FEATURE_FLAGS).split(",")) {
            if (!existing.isBlank()) {
                flags.add(existing.trim());
            }
        }
        flags.add(flag);
        meta.put(FEATURE_FLAGS, String.join(",", flags));
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
