package io.bigdatastack.insight;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.bigdatastack.plan.Plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Plan} by hand, with URNs formed the way Pulumi forms them
 * ({@code urn:pulumi:<stack>::<project>::<ancestor types>$<type>::<name>}): for shapes that are not this program
 * (the reference CDK app priced in the README) and for tests of plans with components not merged yet.
 */
public final class SyntheticPlan {

    private final String project;
    private final String stack;
    private final String stackUrn;
    private final List<Spec> specs = new ArrayList<>();
    private final Map<String, String> qualifiedTypes = new HashMap<>();

    public SyntheticPlan(String project, String stack) {
        this.project = project;
        this.stack = stack;
        this.stackUrn = "urn:pulumi:" + stack + "::" + project + "::pulumi:pulumi:Stack::" + project + "-" + stack;
        specs.add(new Spec(stackUrn, "pulumi:pulumi:Stack", project + "-" + stack, false, null));
    }

    /** One resource being described; setters return {@code this}. */
    public static final class Spec {
        private final String urn;
        private final String type;
        private final String name;
        private final boolean custom;
        private final String parent;
        private JsonObject inputs = new JsonObject();
        private final List<String> dependencies = new ArrayList<>();
        private String provider;

        private Spec(String urn, String type, String name, boolean custom, String parent) {
            this.urn = urn;
            this.type = type;
            this.name = name;
            this.custom = custom;
            this.parent = parent;
        }

        public String urn() {
            return urn;
        }

        /** Inputs as JSON text, e.g. {@code {"cidrBlock": "10.0.0.0/16"}}. */
        public Spec inputs(String json) {
            this.inputs = JsonParser.parseString(json).getAsJsonObject();
            return this;
        }

        public Spec dependsOn(Spec... others) {
            for (var other : others) {
                dependencies.add(other.urn);
            }
            return this;
        }

        /** An explicit provider, recorded as {@code <urn>::<id>} like the engine does. */
        public Spec provider(Spec provider) {
            this.provider = provider.urn + "::00000000-0000-0000-0000-000000000000";
            return this;
        }

        Plan.Resource toResource() {
            return new Plan.Resource(urn, type, name, custom, parent, provider, inputs,
                    dependencies.stream().distinct().sorted().toList(), java.util.Map.of(), new Plan.Options(false, false, false, List.of()));
        }
    }

    /** A component ({@code bigdata:<module>:<Type>}) under {@code parent}, or under the stack when null. */
    public Spec component(Spec parent, String type, String name) {
        return add(parent, type, name, false);
    }

    /** A custom resource under {@code parent}, or under the stack when null. */
    public Spec resource(Spec parent, String type, String name) {
        return add(parent, type, name, true);
    }

    /** An explicit provider, at the stack's level. */
    public Spec provider(String pkg, String name) {
        return add(null, "pulumi:providers:" + pkg, name, true);
    }

    private Spec add(Spec parent, String type, String name, boolean custom) {
        // The engine qualifies a child's type with its ancestors' types, the stack's included (as `plan` records them).
        var parentQualified = parent == null ? "pulumi:pulumi:Stack" : qualifiedTypes.get(parent.urn);
        var qualified = parentQualified + "$" + type;
        var urn = "urn:pulumi:" + stack + "::" + project + "::" + qualified + "::" + name;
        qualifiedTypes.put(urn, qualified);
        var spec = new Spec(urn, type, name, custom, parent == null ? stackUrn : parent.urn);
        specs.add(spec);
        return spec;
    }

    public Plan build() {
        return new Plan(project, stack, specs.stream().map(Spec::toResource).toList(), new LinkedHashMap<>());
    }
}
