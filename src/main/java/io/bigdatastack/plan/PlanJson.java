package io.bigdatastack.plan;

import io.bigdatastack.support.Json;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a {@link Plan} as {@code target/plan/<stack>.json} in the contract documented in docs/plan-file.md. */
public final class PlanJson {

    private PlanJson() {
    }

    public static JsonObject toJson(Plan plan) {
        var root = new JsonObject();
        root.addProperty("project", plan.project());
        root.addProperty("stack", plan.stack());
        var resources = new JsonArray();
        for (var r : plan.resources()) {
            var resource = new JsonObject();
            resource.addProperty("urn", r.urn());
            resource.addProperty("type", r.type());
            resource.addProperty("name", r.name());
            resource.addProperty("custom", r.custom());
            resource.add("parent", r.parent() == null ? JsonNull.INSTANCE : new JsonPrimitive(r.parent()));
            resource.add("provider", r.provider() == null ? JsonNull.INSTANCE : new JsonPrimitive(r.provider()));
            resource.add("inputs", r.inputs());
            var dependencies = new JsonArray();
            r.dependencies().forEach(dependencies::add);
            resource.add("dependencies", dependencies);
            // Which input carries which dependency, as the engine receives it (docs/plan-file.md).
            var propertyDependencies = new JsonObject();
            r.propertyDependencies().forEach((property, urns) -> {
                var list = new JsonArray();
                urns.forEach(list::add);
                propertyDependencies.add(property, list);
            });
            resource.add("propertyDependencies", propertyDependencies);
            var options = new JsonObject();
            options.addProperty("protect", r.options().protect());
            options.addProperty("retainOnDelete", r.options().retainOnDelete());
            options.addProperty("deleteBeforeReplace", r.options().deleteBeforeReplace());
            var ignoreChanges = new JsonArray();
            r.options().ignoreChanges().forEach(ignoreChanges::add);
            options.add("ignoreChanges", ignoreChanges);
            var replaceOnChanges = new JsonArray();
            r.options().replaceOnChanges().forEach(replaceOnChanges::add);
            options.add("replaceOnChanges", replaceOnChanges);
            var aliases = new JsonArray();
            r.options().aliases().forEach(aliases::add);
            options.add("aliases", aliases);
            resource.add("options", options);
            resources.add(resource);
        }
        root.add("resources", resources);
        var outputs = new JsonObject();
        plan.outputs().forEach(outputs::add);
        root.add("outputs", outputs);
        return root;
    }

    public static Path write(Plan plan, Path directory) throws IOException {
        return write(plan.stack(), toJson(plan), directory);
    }

    /** Writes {@code <stack>.json} from a plan document (the contract, possibly with additions such as cost). */
    public static Path write(String stack, JsonObject document, Path directory) throws IOException {
        Files.createDirectories(directory);
        var file = directory.resolve(stack + ".json");
        Files.writeString(file, Json.PRETTY.toJson(document) + "\n");
        return file;
    }
}
