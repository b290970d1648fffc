package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.model.IndexDefinition;
import dev.drpconsole.sandbox.model.ObjectKind;
import dev.drpconsole.sandbox.model.ObjectKinds;
import java.util.List;
import java.util.stream.Stream;

/**
 * What types exist: {@code GET /objects} (the type prefixes) and {@code GET /indexes[/<prefix>[/<field>]]} (their
 * indexes, DRP's models.Index).
 */
public final class CatalogEndpoints {

    private final ObjectKinds kinds;

    public CatalogEndpoints(ObjectKinds kinds) {
        this.kinds = kinds;
    }

    public ApiSection objects() {
        return exchange -> {
            ArrayNode prefixes = SandboxJson.array();
            // The prefs are objects of the store too, served at /prefs [v3 run: "preferences" is listed].
            Stream.concat(kinds.all().stream().map(ObjectKind::prefix), Stream.of("preferences"))
                    .filter(prefix -> !"plugin_providers".equals(prefix)).sorted().forEach(prefixes::add);
            exchange.replyJson(200, prefixes);
        };
    }

    public ApiSection indexes() {
        return exchange -> {
            if (exchange.size() == 1) {
                ObjectNode all = SandboxJson.object();
                kinds.all().forEach(kind -> all.set(kind.prefix(), indexesOf(kind)));
                exchange.replyJson(200, all);
                return;
            }
            ObjectKind kind = kinds.find(exchange.segment(1)).orElseThrow(() -> ApiRoutes.noRoute(exchange));
            if (exchange.size() == 2) {
                exchange.replyJson(200, indexesOf(kind));
            } else {
                exchange.replyJson(200, kind.index(exchange.segment(2)).map(IndexDefinition::describe)
                        .orElseGet(SandboxJson::object));
            }
        };
    }

    private static ObjectNode indexesOf(ObjectKind kind) {
        ObjectNode indexes = SandboxJson.object();
        List.copyOf(kind.indexes().values()).forEach(index -> indexes.set(index.name(), index.describe()));
        return indexes;
    }
}
