package dev.drpconsole.sandbox.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A machine and its params as the sandbox server would hand them over, plus one-line render helpers. */
final class Renders {

    static final String UUID = "3f1c2a9e-5b7d-4e21-9c33-0a1b2c3d4e5f";

    private Renders() {
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("Name", "example.lab.local");
        machine.put("Uuid", UUID);
        machine.put("Address", "10.0.0.21");
        machine.put("Arch", "amd64");
        machine.put("Context", "runner");
        machine.put("CurrentTask", 2);
        machine.put("Runnable", true);
        machine.put("Profiles", List.of("context-demo-example"));
        machine.put("Params", Map.of("context-demo/color", "orange"));
        machine.put("Meta", Map.of("color", "green"));
        return machine;
    }

    static StaticTemplateData data(Map<String, Object> params) {
        return data(params, Map.of());
    }

    static StaticTemplateData data(Map<String, Object> params, Map<String, String> templates) {
        return new StaticTemplateData(machine(), params, "https://10.0.0.2:8092", "http://10.0.0.2:8091",
                "token-1h", "token-3y", "context-demo-example", templates);
    }

    static String render(String source) {
        return render(source, Map.of());
    }

    static String render(String source, Map<String, Object> params) {
        return GoTemplate.parse("test.tmpl", source).render(data(params));
    }
}
