package io.bigdatastack.addons;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link Dashboard}.
 *
 * <ul>
 *   <li>{@code access}: what the login service account may do (read-only by default).</li>
 *   <li>{@code kubernetesProvider}: the cluster's provider; {@code nodeGroups}: the release waits for them.</li>
 * </ul>
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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private DashboardAccess access = DashboardAccess.readOnly;
        private Provider kubernetesProvider;
        private List<? extends Resource> nodeGroups = List.of();

        public Builder access(DashboardAccess value) { this.access = value; return this; }
        public Builder kubernetesProvider(Provider value) { this.kubernetesProvider = value; return this; }
        public Builder nodeGroups(List<? extends Resource> value) { this.nodeGroups = value; return this; }

        public DashboardArgs build() { return new DashboardArgs(this); }
    }
}
