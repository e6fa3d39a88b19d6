package io.bigdatastack.plan;

import io.bigdatastack.support.ClasspathResources;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which input changes make the provider replace a resource rather than update it, per resource type, read from
 * {@code src/main/resources/plan/replacement-rules.json} (each entry cites its source: the Terraform AWS provider's
 * {@code ForceNew} schema flags the Pulumi AWS provider is bridged from, the Kubernetes and Helm rules of
 * pulumi-kubernetes). {@link PlanDiff} reports a type missing from the file as "replace or update: unknown".
 */
public final class ReplacementRules {

    public static final String RESOURCE = "/plan/replacement-rules.json";

    /**
     * @param replaceOn            input paths (dots into objects) whose change, at or below the path, replaces
     * @param replaceWhenRemoved   input paths whose removal replaces (a CustomizeDiff ForceNewIfChange)
     * @param kubeconfigCluster    a Kubernetes provider: replaced when the kubeconfig's API server changes
     * @param cloudControl         a Cloud Control resource: desiredState changes follow {@code createOnlyProperties}
     * @param createOnlyProperties for Cloud Control, per CloudFormation type name, its create-only top-level properties
     * @param rejectedOn           input paths the pinned provider updates in place but the service's API refuses to
     *                             change (immutable fields it does not know about): the review refuses such a change
     * @param rejectedSource       the documentation of that refusal (URL)
     */
    public record Rule(String type, String source, List<String> replaceOn, List<String> replaceWhenRemoved,
                       boolean kubeconfigCluster, boolean cloudControl, Map<String, List<String>> createOnlyProperties,
                       Optional<String> note, List<String> rejectedOn, Optional<String> rejectedSource) {

        /** The rule path a changed input path falls under, if it forces replacement. */
        public Optional<String> replacingPath(String changedPath) {
            return replaceOn.stream()
                    .filter(rule -> changedPath.equals(rule) || changedPath.startsWith(rule + ".") || rule.startsWith(changedPath + "."))
                    .findFirst();
        }
    }

    private static volatile ReplacementRules loaded;

    private final Map<String, Rule> rules;
    private final JsonObject sources;

    ReplacementRules(Map<String, Rule> rules, JsonObject sources, Map<String, Disruption> disruptions) {
        this.rules = Map.copyOf(rules);
        this.sources = sources;
        this.disruptions = Map.copyOf(disruptions);
    }

    /** The rules shipped with the program (parsed once). */
    public static ReplacementRules shipped() {
        var rules = loaded;
        if (rules == null) {
            rules = parse(JsonParser.parseString(ClasspathResources.read(RESOURCE)).getAsJsonObject());
            loaded = rules;
        }
        return rules;
    }

    static ReplacementRules parse(JsonObject document) {
        var sources = document.getAsJsonObject("sources");
        var rules = new LinkedHashMap<String, Rule>();
        for (var entry : document.getAsJsonObject("types").entrySet()) {
            var body = entry.getValue().getAsJsonObject();
            var source = body.get("source").getAsString();
            if (!source.contains("/") && !sources.has(source)) {
                throw new IllegalStateException(RESOURCE + ": " + entry.getKey() + " cites source '" + source + "', which is not under \"sources\"");
            }
            var createOnly = new LinkedHashMap<String, List<String>>();
            if (body.has("createOnlyProperties")) {
                body.getAsJsonObject("createOnlyProperties").entrySet()
                        .forEach(e -> createOnly.put(e.getKey(), strings(e.getValue())));
            }
            rules.put(entry.getKey(), new Rule(entry.getKey(), source,
                    strings(body.get("replaceOn")),
                    body.has("replaceWhenRemoved") ? strings(body.get("replaceWhenRemoved")) : List.of(),
                    body.has("kubeconfigCluster") && body.get("kubeconfigCluster").getAsBoolean(),
                    body.has("cloudControlDesiredState") && body.get("cloudControlDesiredState").getAsBoolean(),
                    createOnly,
                    body.has("note") ? Optional.of(body.get("note").getAsString()) : Optional.empty(),
                    body.has("rejectedByApiServerOn") ? strings(body.get("rejectedByApiServerOn")) : List.of(),
                    body.has("rejectedSource") ? Optional.of(body.get("rejectedSource").getAsString()) : Optional.empty()));
        }
        var disruptions = new LinkedHashMap<String, Disruption>();
        if (document.has("disruption")) {
            for (var entry : document.getAsJsonObject("disruption").getAsJsonObject("types").entrySet()) {
                var body = entry.getValue().getAsJsonObject();
                var when = body.has("when") ? body.getAsJsonObject("when") : null;
                disruptions.put(entry.getKey(), new Disruption(entry.getKey(),
                        Optional.ofNullable(when).map(w -> w.get("input").getAsString()),
                        Optional.ofNullable(when).map(w -> w.get("contains").getAsString()),
                        body.get("onReplace").getAsString(),
                        body.has("onUpdate") ? Optional.of(body.get("onUpdate").getAsString()) : Optional.empty(),
                        body.has("updatePaths") ? strings(body.get("updatePaths")) : List.of(),
                        body.get("source").getAsString()));
            }
        }
        return new ReplacementRules(rules, sources, disruptions);
    }

    /**
     * What a change of one resource type stops while it runs (the "disrupts running work" verdict).
     *
     * @param whenInput    the input that must hold {@code whenContains} for the entry to apply (e.g. a Cloud Control
     *                     resource's {@code typeName}), if the type alone is not enough
     * @param whenContains the text that input must contain
     * @param onReplace    what stops when the resource is replaced or deleted
     * @param onUpdate     what stops when an input at or under one of {@code updatePaths} is updated in place
     * @param updatePaths  the input paths whose in-place update disrupts
     * @param source       the public documentation of the behaviour (URL)
     */
    public record Disruption(String type, Optional<String> whenInput, Optional<String> whenContains, String onReplace,
                             Optional<String> onUpdate, List<String> updatePaths, String source) {

        /** Whether the entry applies to a resource with these inputs. */
        public boolean appliesTo(JsonObject inputs) {
            if (whenInput.isEmpty()) {
                return true;
            }
            var value = inputs == null ? null : inputs.get(whenInput.get());
            return value != null && value.isJsonPrimitive() && value.getAsString().contains(whenContains.orElse(""));
        }

        /** The changed paths whose in-place update disrupts. */
        public List<String> disruptingUpdates(java.util.Collection<String> changedPaths) {
            return changedPaths.stream().filter(path -> updatePaths.stream()
                    .anyMatch(p -> path.equals(p) || path.startsWith(p + ".") || p.startsWith(path + "."))).toList();
        }
    }

    private final Map<String, Disruption> disruptions;

    /** What a change of this type stops, if anything. */
    public Optional<Disruption> disruption(String type) {
        return Optional.ofNullable(disruptions.get(type));
    }

    /** Every disruption entry by type. */
    public Map<String, Disruption> disruptions() {
        return disruptions;
    }

    private static List<String> strings(JsonElement array) {
        var values = new ArrayList<String>();
        array.getAsJsonArray().forEach(e -> values.add(e.getAsString()));
        return List.copyOf(values);
    }

    public Optional<Rule> rule(String type) {
        return Optional.ofNullable(rules.get(type));
    }

    public boolean covers(String type) {
        return rules.containsKey(type);
    }

    public Map<String, Rule> all() {
        return rules;
    }

    /** The text of a named source ({@code terraform}, {@code kubernetes}, ...). */
    public Optional<String> source(String name) {
        return sources.has(name) ? Optional.of(sources.get(name).getAsString()) : Optional.empty();
    }
}
