package dev.drpconsole.sandbox.template;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template's top-level dot: the sandbox's stand-in for DRP's {@code RenderData} (its fields
 * {@code .Machine}, {@code .Env}, {@code .Stage}, {@code .Task} and methods {@code .Param}, {@code .ApiURL}, ...),
 * backed by the server's {@link TemplateData}.
 */
final class RenderRoot {

    /** A DRP object seen from a template: its JSON fields, plus the Go methods the sandbox knows for its kind. */
    record Model(String kind, Map<String, Object> fields) {
    }

    private static final String ROOT_MEMBERS = ".Machine, .Env, .Stage, .Task, .Param, .ParamExists, "
            + ".ParamExpand, .CallTemplate, .ApiURL, .ProvisionerURL, .ProvisionerAddress, .GenerateToken, "
            + ".GenerateInfiniteToken";

    /** The evaluator's services that a few methods need: rendering another template or a param value. */
    interface Renderer {
        String renderTemplate(String id, Object dot);

        String renderParamValue(String paramName, String source);
    }

    private final TemplateData data;
    private final Renderer renderer;

    RenderRoot(TemplateData data, Renderer renderer) {
        this.data = data;
        this.renderer = renderer;
    }

    /** {@code .name arg...} on the root. */
    Object member(String name, List<Object> args) {
        return switch (name) {
            case "Machine" -> noArgs(name, args, machine());
            case "Env" -> noArgs(name, args, model("Env", data.bootEnv(), "boot environment"));
            case "Stage" -> noArgs(name, args, model("Stage", data.stage(), "stage"));
            case "Task" -> noArgs(name, args, new Model("Task", Map.of("Name", data.taskName())));
            case "ApiURL" -> noArgs(name, args, data.apiUrl());
            case "ProvisionerURL" -> noArgs(name, args, data.provisionerUrl());
            case "ProvisionerAddress" -> noArgs(name, args, URI.create(data.provisionerUrl()).getHost());
            case "GenerateToken" -> noArgs(name, args, data.generateToken());
            case "GenerateInfiniteToken" -> noArgs(name, args, data.generateInfiniteToken());
            case "Param" -> param(stringArg(name, args, 1, 0));
            case "ParamExists" -> data.param(stringArg(name, args, 1, 0)).isPresent();
            case "ParamExpand" -> expand(stringArg(name, args, 1, 0));
            case "CallTemplate" -> renderer.renderTemplate(stringArg(name, args, 2, 0), args.get(1));
            default -> throw new ExecError("can't evaluate field " + name + " of the render data: the sandbox "
                    + "renderer supports " + ROOT_MEMBERS);
        };
    }

    /** {@code .name arg...} on a Machine, Stage, BootEnv or Task. */
    Object member(Model model, String name, List<Object> args) {
        if (model.kind().equals("Machine")) {
            Optional<Object> computed = machineMethod(model, name, args);
            if (computed.isPresent()) {
                return computed.get();
            }
        }
        if (!model.fields().containsKey(name)) {
            throw new ExecError("can't evaluate field " + name + " in type *" + model.kind()
                    + (model.kind().equals("Task") ? " (the sandbox only provides .Task.Name)" : ""));
        }
        return noArgs(name, args, GoValues.fromStructField(model.fields().get(name)));
    }

    private Optional<Object> machineMethod(Model machine, String name, List<Object> args) {
        String uuid = String.valueOf(machine.fields().getOrDefault("Uuid", ""));
        Object value = switch (name) {
            case "UUID" -> uuid.isEmpty() ? String.valueOf(machine.fields().get("Name")) : uuid;
            case "ShortName" -> String.valueOf(machine.fields().get("Name")).split("\\.", 2)[0];
            case "HexAddress" -> hexAddress(String.valueOf(machine.fields().getOrDefault("Address", "")));
            case "Path" -> "machines/" + uuid;
            case "Url" -> data.provisionerUrl() + "/machines/" + uuid;
            case "HasProfile" -> {
                String profile = stringArg(name, args, 1, 0);
                yield machine.fields().get("Profiles") instanceof List<?> profiles && profiles.contains(profile);
            }
            default -> null;
        };
        if (value != null && !name.equals("HasProfile")) {
            noArgs(name, args, value);
        }
        return Optional.ofNullable(value);
    }

    private Model machine() {
        Map<String, Object> machine = data.machine();
        if (machine == null) {
            throw new ExecError("this render has no machine, so .Machine is nil");
        }
        return new Model("Machine", machine);
    }

    private static Model model(String kind, Optional<Map<String, Object>> fields, String what) {
        return new Model(kind, fields.orElseThrow(() ->
                new ExecError("the sandbox server provided no " + what + " for this render, so ." + kind + " is nil")));
    }

    private Object param(String name) {
        return GoValues.fromJson(data.param(name).orElseThrow(() -> new ExecError(
                "no such machine parameter \"" + name + "\" (not set on the machine, its profiles or the global "
                        + "profile, and the param has no default); guard it with .ParamExists")));
    }

    /** {@code .ParamExpand}: the param's value with every string in it rendered as a template. */
    private Object expand(String name) {
        return expandValue(name, param(name));
    }

    private Object expandValue(String name, Object value) {
        if (value instanceof String s) {
            return renderer.renderParamValue(name, s);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(expandValue(name, item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, expandValue(name, v)));
            return out;
        }
        return value;
    }

    /** DRP's {@code Hexaddr}: an IPv4 address as eight upper-case hex digits (PXE config file names). */
    private static String hexAddress(String address) {
        String[] octets = address.split("\\.");
        if (octets.length != 4) {
            return "";
        }
        StringBuilder hex = new StringBuilder();
        for (String octet : octets) {
            hex.append(String.format("%02X", Integer.parseInt(octet)));
        }
        return hex.toString();
    }

    private static Object noArgs(String name, List<Object> args, Object value) {
        if (!args.isEmpty()) {
            throw new ExecError(name + " is not a method but has arguments");
        }
        return value;
    }

    static String stringArg(String name, List<Object> args, int want, int index) {
        if (args.size() != want) {
            throw new ExecError("wrong number of args for " + name + ": want " + want + " got " + args.size());
        }
        if (!(args.get(index) instanceof String s)) {
            throw new ExecError("wrong type for value in " + name + "; expected string; got "
                    + GoValues.typeName(args.get(index)));
        }
        return s;
    }
}
