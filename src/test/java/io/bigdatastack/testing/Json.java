package io.bigdatastack.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bigdatastack.plan.Plan;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reading plan inputs in tests. */
public final class Json {

    private Json() {
    }

    public static List<String> strings(Plan.Resource resource, String path) {
        return resource.input(path).orElseThrow(() -> new AssertionError(resource.urn() + " has no " + path))
                .getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList();
    }

    public static Map<String, String> stringMap(Plan.Resource resource, String path) {
        return resource.input(path).orElseThrow(() -> new AssertionError(resource.urn() + " has no " + path))
                .getAsJsonObject().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAsString()));
    }

    /** A JSON document held in a string input (IAM policies), parsed. */
    public static JsonObject document(Plan.Resource resource, String path) {
        return JsonParser.parseString(resource.inputString(path)).getAsJsonObject();
    }
}
