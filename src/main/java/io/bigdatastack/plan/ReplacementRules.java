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
     */
    public record Rule(String type, String source, List<String> replaceOn, List<String> replaceWhenRemoved,
                       boolean kubeconfigCluster, boolean cloudControl, Map<String, List<String>> createOnlyProperties,
                       Optional<String> note) {

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

    ReplacementRules(Map<String, Rule> rules, JsonObject sources) {
        this.rules = Map.copyOf(rules);
        this.sources = sources;
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
                    body.has("note") ? Optional.of(body.get("note").getAsString()) : Optional.empty()));
        }
        return new ReplacementRules(rules, sources);
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
