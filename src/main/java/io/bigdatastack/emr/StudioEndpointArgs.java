package io.bigdatastack.emr;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link StudioEndpoint}.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form or unit, and what changing it
 * on a deployed stack does (update in place or replace).
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

    /** A builder; the inputs are documented at its setters. */
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

        /**
         * The EMR on EKS virtual cluster's ID the endpoint belongs to. Every endpoint property is create-only: any
         * change replaces the endpoint (delete first), stopping attached kernels.
         */
        public Builder virtualClusterId(Output<String> value) { this.virtualClusterId = value; return this; }
        /** ARN of the job execution role the endpoint's kernels run as. A change replaces the endpoint. */
        public Builder jobRoleArn(Output<String> value) { this.jobRoleArn = value; return this; }
        /** CloudWatch Logs group the endpoint logs to. A change replaces the endpoint. */
        public Builder logGroupName(Output<String> value) { this.logGroupName = value; return this; }
        /** S3 bucket the endpoint logs to. A change replaces the endpoint. */
        public Builder bucketName(Output<String> value) { this.bucketName = value; return this; }
        /**
         * The stack's EMR release, {@code emr-6.7.0} or later (StackConfig checks it). A change replaces the endpoint.
         */
        public Builder releaseLabel(String value) { this.releaseLabel = value; return this; }
        /**
         * What makes the endpoint's ALB: the AWS Load Balancer Controller's Helm release (required). The endpoint
         * depends on it, so it is created after the controller and destroyed before it.
         */
        public Builder loadBalancerController(List<? extends Resource> value) { this.loadBalancerController = value; return this; }
        /** Prefix of physical names, e.g. {@code big-data-stack-dev}. A change replaces the endpoint. */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        /** The stack's tags. A change replaces the endpoint too (one predictable path: {@code replaceOnChanges}). */
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public StudioEndpointArgs build() { return new StudioEndpointArgs(this); }
    }
}
