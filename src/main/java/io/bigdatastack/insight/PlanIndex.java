package io.bigdatastack.insight;

import io.bigdatastack.plan.Plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lookups over a {@link Plan} that the diagram and the cost estimate both need: resources by URN, each resource's
 * nearest component ancestor, and a resource's dependencies including its explicit provider. {@link Plan#byUrn} is a
 * linear scan; these are asked for every resource, so the index is built once.
 */
final class PlanIndex {

    static final String STACK_TYPE = "pulumi:pulumi:Stack";

    private final Plan plan;
    private final Map<String, Plan.Resource> byUrn = new HashMap<>();

    PlanIndex(Plan plan) {
        this.plan = plan;
        for (var r : plan.resources()) {
            byUrn.put(r.urn(), r);
        }
    }

    Plan plan() {
        return plan;
    }

    Optional<Plan.Resource> get(String urn) {
        return Optional.ofNullable(byUrn.get(urn));
    }

    /** A component resource of ours ({@code bigdata:<module>:<Type>} or any other non-custom resource but the stack). */
    static boolean isComponent(Plan.Resource r) {
        return !r.custom() && !r.type().equals(STACK_TYPE);
    }

    static boolean isProvider(Plan.Resource r) {
        return r.type().startsWith("pulumi:providers:");
    }

    /** The nearest component ancestor through {@code parent} URNs; empty for resources directly under the stack. */
    Optional<Plan.Resource> componentOf(Plan.Resource r) {
        var parent = r.parent() == null ? null : byUrn.get(r.parent());
        // Bounded by the resource count so a malformed plan with a parent cycle cannot loop forever.
        for (int guard = 0; parent != null && guard < byUrn.size(); guard++) {
            if (isComponent(parent)) {
                return Optional.of(parent);
            }
            parent = parent.parent() == null ? null : byUrn.get(parent.parent());
        }
        return Optional.empty();
    }

    /**
     * What {@code r} waits for: its recorded dependencies plus its explicit provider, whose own dependencies
     * (e.g. a Kubernetes provider built from the cluster's kubeconfig) are how Kubernetes objects depend on the
     * cluster. Only URNs present in the plan are returned.
     */
    List<Plan.Resource> dependenciesOf(Plan.Resource r) {
        var result = new ArrayList<Plan.Resource>();
        for (var urn : r.dependencies()) {
            var d = byUrn.get(urn);
            if (d != null && d != r) {
                result.add(d);
            }
        }
        if (r.provider() != null) {
            int cut = r.provider().lastIndexOf("::");
            var provider = byUrn.get(cut < 0 ? r.provider() : r.provider().substring(0, cut));
            if (provider != null && !result.contains(provider)) {
                result.add(provider);
            }
        }
        return result;
    }
}
