package io.bigdatastack.addons;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link Dashboard}.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
 */
public final class DashboardArgs {

    final DashboardAccess access;
    final Provider kubernetesProvider;
    final List<Resource> nodeGroups;

    private DashboardArgs(Builder b) {
        this.access = Objects.requireNonNull(b.access, "access");
        this.kubernetesProvider = Objects.requireNonNull(b.kubernetesProvider, "kubernetesProvider");
        this.nodeGroups = List.copyOf(b.nodeGroups);
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private DashboardAccess access = DashboardAccess.readOnly;
        private Provider kubernetesProvider;
        private List<? extends Resource> nodeGroups = List.of();

        /**
         * What the login service account may do: {@link DashboardAccess#readOnly} (the default, the {@code view}
         * ClusterRole) or {@link DashboardAccess#admin}. Changing it deletes the old login service account and its
         * binding and creates the other pair ({@code headlamp-viewer} / {@code headlamp-admin}): tokens of the old one
         * stop working.
         */
        public Builder access(DashboardAccess value) { this.access = value; return this; }
        /**
         * The cluster's Kubernetes provider; the Helm release and service account are created through it. A provider
         * pointing at another API server replaces them.
         */
        public Builder kubernetesProvider(Provider value) { this.kubernetesProvider = value; return this; }
        /** The node groups the Helm release waits for (ordering only). */
        public Builder nodeGroups(List<? extends Resource> value) { this.nodeGroups = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public DashboardArgs build() { return new DashboardArgs(this); }
    }
}
