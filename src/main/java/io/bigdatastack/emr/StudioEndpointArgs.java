package io.bigdatastack.emr;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link StudioEndpoint}.
 *
 * <ul>
 *   <li>{@code virtualClusterId}, {@code jobRoleArn}, {@code logGroupName}, {@code bucketName}: from {@link EmrOnEks}
 *       (set all four with {@link Builder#emr(EmrOnEks)}); the endpoint logs where jobs do.</li>
 *   <li>{@code releaseLabel}: the stack's EMR release (emr-6.7.0 or later; StackConfig checks it).</li>
 *   <li>{@code loadBalancerController}: what makes the endpoint's ALB — the controller's Helm release. The endpoint
 *       depends on it, so it is created after the controller and destroyed before it.</li>
 *   <li>{@code namePrefix}: prefix of physical names; {@code tags}: the stack's tags.</li>
 * </ul>
 */
public final class StudioEndpointArgs {

    final Output<String> virtualClusterId;
    final Output<String> jobRoleArn;
    final Output<String> logGroupName;
    final Output<String> bucketName;
    final String releaseLabel;
    final List<Resource> loadBalancerController;
    final String namePrefix;
    final Map<String, String> tags;

    private StudioEndpointArgs(Builder b) {
        this.virtualClusterId = Objects.requireNonNull(b.virtualClusterId, "virtualClusterId");
        this.jobRoleArn = Objects.requireNonNull(b.jobRoleArn, "jobRoleArn");
        this.logGroupName = Objects.requireNonNull(b.logGroupName, "logGroupName");
        this.bucketName = Objects.requireNonNull(b.bucketName, "bucketName");
        this.releaseLabel = Objects.requireNonNull(b.releaseLabel, "releaseLabel");
        this.loadBalancerController = List.copyOf(b.loadBalancerController);
        if (loadBalancerController.isEmpty()) {
            throw new IllegalArgumentException("loadBalancerController: an interactive endpoint needs the AWS Load Balancer Controller");
        }
        this.namePrefix = Objects.requireNonNull(b.namePrefix, "namePrefix");
        this.tags = Map.copyOf(b.tags);
        // StackConfig has refused a bad label already; this asserts the same rule for other callers.
        EmrRules.endpointReleaseLabel(releaseLabel).ifPresent(expected -> {
            throw new IllegalArgumentException("releaseLabel: got " + releaseLabel + ", expected " + expected);
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Output<String> virtualClusterId;
        private Output<String> jobRoleArn;
        private Output<String> logGroupName;
        private Output<String> bucketName;
        private String releaseLabel;
        private List<? extends Resource> loadBalancerController = List.of();
        private String namePrefix;
        private Map<String, String> tags = Map.of();

        /** Virtual cluster, job role, log group and bucket of {@code emr}. */
        public Builder emr(EmrOnEks emr) {
            return virtualClusterId(emr.virtualClusterId()).jobRoleArn(emr.jobRoleArn())
                    .logGroupName(emr.logGroupName()).bucketName(emr.jobBucketName());
        }

        public Builder virtualClusterId(Output<String> value) { this.virtualClusterId = value; return this; }
        public Builder jobRoleArn(Output<String> value) { this.jobRoleArn = value; return this; }
        public Builder logGroupName(Output<String> value) { this.logGroupName = value; return this; }
        public Builder bucketName(Output<String> value) { this.bucketName = value; return this; }
        public Builder releaseLabel(String value) { this.releaseLabel = value; return this; }
        public Builder loadBalancerController(List<? extends Resource> value) { this.loadBalancerController = value; return this; }
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        public StudioEndpointArgs build() { return new StudioEndpointArgs(this); }
    }
}
