package io.bigdatastack.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the program would ask the engine to create, in the shape of the plan-file contract (docs/plan-file.md):
 * resources in registration order with their inputs, dependencies and options, and the stack outputs.
 *
 * @param outputs stack outputs; secret ones hold {@link #SECRET}
 */
public record Plan(String project, String stack, List<Resource> resources, Map<String, JsonElement> outputs) {

    public static final String SECRET = "[secret]";

    /**
     * @param parent               URN of the parent, null for the root stack
     * @param provider             {@code <providerUrn>::<id>} of an explicit provider, null for the default one
     * @param dependencies         every resource this one depends on, explicitly or through its inputs' Outputs
     * @param propertyDependencies for each input, the resources its value came from (the engine's view)
     */
    public record Resource(String urn, String type, String name, boolean custom, String parent, String provider,
                           JsonObject inputs, List<String> dependencies, Map<String, List<String>> propertyDependencies,
                           Options options) {

        /** A string input at a dotted path such as {@code vpcConfig.endpointPublicAccess}, if present. */
        public Optional<JsonElement> input(String dottedPath) {
            JsonElement current = inputs;
            for (var part : dottedPath.split("\\.")) {
                if (current == null || !current.isJsonObject() || !current.getAsJsonObject().has(part)) {
                    return Optional.empty();
                }
                current = current.getAsJsonObject().get(part);
            }
            return Optional.ofNullable(current);
        }

        public String inputString(String dottedPath) {
            return input(dottedPath).map(JsonElement::getAsString)
                    .orElseThrow(() -> new IllegalArgumentException(urn + " has no input " + dottedPath));
        }
    }

    /**
     * The resource options that decide what a change does (Pulumi resource options,
     * https://www.pulumi.com/docs/iac/concepts/options/).
     *
     * @param replaceOnChanges input paths whose change replaces the resource whatever the provider says ({@code "*"}: any)
     * @param aliases          the URNs this resource was known by before (a moved or renamed resource keeps its state)
     */
    public record Options(boolean protect, boolean retainOnDelete, boolean deleteBeforeReplace, List<String> ignoreChanges,
                          List<String> replaceOnChanges, List<String> aliases) {

        /** Options without replaceOnChanges or aliases. */
        public Options(boolean protect, boolean retainOnDelete, boolean deleteBeforeReplace, List<String> ignoreChanges) {
            this(protect, retainOnDelete, deleteBeforeReplace, ignoreChanges, List.of(), List.of());
        }
    }

    public List<Resource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public Resource one(String type) {
        var found = ofType(type);
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + type + ", found " + found.size());
        }
        return found.get(0);
    }

    public Resource named(String name) {
        return find(r -> r.name().equals(name)).orElseThrow(() -> new IllegalArgumentException("no resource named " + name));
    }

    /** The resource of this type and logical name (names repeat across types, e.g. a role and its policy). */
    public Resource named(String type, String name) {
        return find(r -> r.type().equals(type) && r.name().equals(name))
                .orElseThrow(() -> new IllegalArgumentException("no " + type + " named " + name));
    }

    public Optional<Resource> find(Predicate<Resource> predicate) {
        return resources.stream().filter(predicate).findFirst();
    }

    public Optional<Resource> byUrn(String urn) {
        return find(r -> r.urn().equals(urn));
    }
}
