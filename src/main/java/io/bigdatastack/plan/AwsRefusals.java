package io.bigdatastack.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Changes the pinned providers plan as updates but AWS (or the Kubernetes API server) refuses, so {@code pulumi up}
 * would fail part-way and leave a half-applied stack. Found by comparing the running value (the earlier plan) with the
 * planned one; each names the configuration key it comes from, the rule, its documentation and the way to do it instead.
 */
public final class AwsRefusals {

    static final String CLUSTER = "aws:eks/cluster:Cluster";
    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String VPC = "aws:ec2/vpc:Vpc";
    static final String STUDIO = "aws:emr/studio:Studio";

    static final String UPDATE_CLUSTER_DOC = "https://docs.aws.amazon.com/eks/latest/userguide/update-cluster.html";
    static final String NETWORK_DOC = "https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html";
    static final String UPDATE_STUDIO_DOC = "https://docs.aws.amazon.com/emr/latest/APIReference/API_UpdateStudio.html";

    private static final String PROJECT_KEY = "big-data-stack:";

    private AwsRefusals() {
    }

    static List<PlanDiff.Refusal> find(JsonObject earlier, JsonObject now, PlanDiff.Result result, ReplacementRules rules) {
        var before = byUrn(earlier);
        var after = byUrn(now);
        var changes = new HashMap<String, PlanDiff.Change>();
        result.changes().forEach(c -> changes.put(c.urn(), c));
        var refusals = new ArrayList<PlanDiff.Refusal>();
        for (var change : result.changes()) {
            if (change.action() != PlanDiff.Action.UPDATE) {
                continue; // created, replaced, deleted or unchanged: nothing is changed in place
            }
            var old = before.get(change.urn());
            var now_ = after.get(change.urn());
            if (old == null || now_ == null) {
                continue;
            }
            switch (change.type()) {
                case CLUSTER -> {
                    kubernetesVersion(change, old, now_).ifPresent(refusals::add);
                    availabilityZones(change, old, before, now_, after).ifPresent(refusals::add);
                    otherVpc(change, now_, after, changes).ifPresent(refusals::add);
                }
                case STUDIO -> studioSubnets(change, old, now_).ifPresent(refusals::add);
                default -> {
                }
            }
            rules.rule(change.type()).ifPresent(rule -> {
                for (var input : change.changedInputs()) {
                    if (rule.rejectedOn().stream().anyMatch(p -> input.path().equals(p) || input.path().startsWith(p + "."))) {
                        refusals.add(new PlanDiff.Refusal("the program (" + change.type() + ")", change.name(),
                                input.path() + " changes from " + input.before() + " to " + input.after()
                                        + "; the pinned provider plans this as an update",
                                "the API server refuses to change " + input.path() + " of an existing object (it is immutable)",
                                rule.rejectedSource().orElse(""),
                                "create an object under a new metadata.name with the new value, move its users to it, then remove the old one"));
                    }
                }
            });
        }
        return List.copyOf(refusals);
    }

    /** EKS moves the control plane one minor version up at a time and never down. */
    private static Optional<PlanDiff.Refusal> kubernetesVersion(PlanDiff.Change change, JsonObject old, JsonObject now) {
        var was = minor(old.getAsJsonObject("inputs").get("version"));
        var will = minor(now.getAsJsonObject("inputs").get("version"));
        if (was.isEmpty() || will.isEmpty() || will.get()[0] != was.get()[0]) {
            return Optional.empty();
        }
        int from = was.get()[1];
        int to = will.get()[1];
        var running = "1." + from;
        if (to < from) {
            return Optional.of(new PlanDiff.Refusal(PROJECT_KEY + "kubernetesVersion", change.name(),
                    "Kubernetes " + running + " -> 1." + to + " is a downgrade",
                    "EKS cannot downgrade a cluster's Kubernetes version", UPDATE_CLUSTER_DOC,
                    "keep kubernetesVersion at \"" + running + "\"; an older version needs a new cluster (another stack), with the workloads moved to it"));
        }
        if (to > from + 1) {
            return Optional.of(new PlanDiff.Refusal(PROJECT_KEY + "kubernetesVersion", change.name(),
                    "Kubernetes " + running + " -> 1." + to + " skips " + (to - from - 1) + " minor version(s)",
                    "EKS upgrades the control plane one minor version at a time", UPDATE_CLUSTER_DOC,
                    "set kubernetesVersion to \"1." + (from + 1) + "\", review and `pulumi up`, then repeat one minor at a time up to 1." + to
                            + " (docs/upgrade-kubernetes.md)"));
        }
        return Optional.empty();
    }

    /** {@code "1.35"} as {1, 35}. */
    private static Optional<int[]> minor(JsonElement version) {
        if (version == null || !version.isJsonPrimitive()) {
            return Optional.empty();
        }
        var parts = version.getAsString().split("\\.");
        try {
            return parts.length >= 2 ? Optional.of(new int[]{Integer.parseInt(parts[0]), Integer.parseInt(parts[1])}) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** EKS takes control-plane subnets only in the Availability Zones chosen at creation. */
    private static Optional<PlanDiff.Refusal> availabilityZones(PlanDiff.Change change, JsonObject old, Map<String, JsonObject> before,
                                                                JsonObject now, Map<String, JsonObject> after) {
        var was = zonesOf(old, before);
        var will = zonesOf(now, after);
        if (was.isEmpty() || will.isEmpty() || was.equals(will)) {
            return Optional.empty();
        }
        return Optional.of(new PlanDiff.Refusal(PROJECT_KEY + "azCount", change.name(),
                "the cluster's subnets move from the Availability Zones " + was + " to " + will + " (azCount " + was.size() + " -> " + will.size() + ")",
                "EKS accepts new control-plane subnets only in the Availability Zones chosen when the cluster was created",
                NETWORK_DOC,
                "keep azCount at " + was.size() + " (node groups scale within those zones); other zones need a new cluster in another stack, with the workloads moved to it"));
    }

    /** The Availability Zones of the subnets a cluster's vpcConfig takes its subnets from. */
    private static TreeSet<String> zonesOf(JsonObject cluster, Map<String, JsonObject> plan) {
        var zones = new TreeSet<String>();
        for (var urn : dependencies(cluster, "vpcConfig")) {
            var subnet = plan.get(urn);
            if (subnet != null && SUBNET.equals(subnet.get("type").getAsString())) {
                var inputs = subnet.getAsJsonObject("inputs");
                var zone = inputs.has("availabilityZone") ? inputs.get("availabilityZone")
                        : inputs.has("availabilityZoneId") ? inputs.get("availabilityZoneId") : null;
                if (zone != null && zone.isJsonPrimitive()) {
                    zones.add(zone.getAsString());
                }
            }
        }
        return zones;
    }

    /** The cluster stays but its subnets come from a VPC that is created or replaced: EKS cannot change a cluster's VPC. */
    private static Optional<PlanDiff.Refusal> otherVpc(PlanDiff.Change change, JsonObject now, Map<String, JsonObject> after,
                                                       Map<String, PlanDiff.Change> changes) {
        var newVpcs = new TreeSet<String>();
        for (var urn : dependencies(now, "vpcConfig")) {
            var subnet = after.get(urn);
            if (subnet == null || !SUBNET.equals(subnet.get("type").getAsString())) {
                continue;
            }
            for (var vpc : dependencies(subnet, "vpcId")) {
                var vpcChange = changes.get(vpc);
                if (vpcChange != null && (vpcChange.action() == PlanDiff.Action.REPLACE || vpcChange.action() == PlanDiff.Action.CREATE)) {
                    newVpcs.add(vpcChange.name() + " (" + vpcChange.action().label() + ": " + vpcChange.changedInputs().stream()
                            .map(PlanDiff.InputChange::path).distinct().reduce((a, b) -> a + ", " + b).orElse("new") + ")");
                }
            }
        }
        if (newVpcs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlanDiff.Refusal(PROJECT_KEY + "vpcCidr", change.name(),
                "the cluster would be updated in place onto subnets of a new VPC " + newVpcs,
                "an EKS cluster cannot move to another VPC: new control-plane subnets must be in the cluster's VPC", NETWORK_DOC,
                "keep vpcCidr; a new address range needs a new stack (new VPC and cluster), with the workloads and data moved to it"));
    }

    /** UpdateStudio takes a subnet list that must include every subnet the Studio already has. */
    private static Optional<PlanDiff.Refusal> studioSubnets(PlanDiff.Change change, JsonObject old, JsonObject now) {
        var was = strings(old.getAsJsonObject("inputs").get("subnetIds"));
        var willElement = now.getAsJsonObject("inputs").get("subnetIds");
        if (was.isEmpty() || willElement == null || !willElement.isJsonArray()) {
            return Optional.empty();
        }
        var will = strings(willElement);
        var removed = new TreeSet<>(was);
        removed.removeAll(will);
        if (removed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PlanDiff.Refusal(PROJECT_KEY + "azCount", change.name(),
                "the Studio would lose subnets " + removed + " (" + was.size() + " -> " + will.size() + " subnets)",
                "EMR UpdateStudio: the new subnet list must include every subnet the Studio already has", UPDATE_STUDIO_DOC,
                "keep the subnets (azCount at its running value); a Studio on fewer subnets is a new Studio (its Workspaces stay with the old one)"));
    }

    private static List<String> dependencies(JsonObject resource, String property) {
        var dependencies = resource.get("propertyDependencies");
        if (dependencies == null || !dependencies.isJsonObject() || !dependencies.getAsJsonObject().has(property)) {
            return List.of();
        }
        return strings(dependencies.getAsJsonObject().get(property));
    }

    private static List<String> strings(JsonElement array) {
        var values = new ArrayList<String>();
        if (array != null && array.isJsonArray()) {
            array.getAsJsonArray().forEach(e -> values.add(e.isJsonPrimitive() ? e.getAsString() : e.toString()));
        }
        return values;
    }

    private static Map<String, JsonObject> byUrn(JsonObject plan) {
        var result = new HashMap<String, JsonObject>();
        plan.getAsJsonArray("resources").forEach(r -> result.put(r.getAsJsonObject().get("urn").getAsString(), r.getAsJsonObject()));
        return result;
    }
}
