package io.bigdatastack.addons;

import java.util.Arrays;
import java.util.Optional;

/**
 * What adds and removes nodes for Spark ({@code nodeProvisioner}).
 *
 * <ul>
 *   <li>{@code cluster-autoscaler} (the default, what existing stacks run): two managed node groups, on-demand
 *       {@code base} and {@code spot}, resized by the Cluster Autoscaler.</li>
 *   <li>{@code karpenter} (recommended for new stacks): the on-demand {@code base} group stays, at its configured size,
 *       for system pods and the controllers; Spark drivers and executors get nodes from Karpenter's
 *       {@code spark-driver} and {@code spark-executor} NodePools. No Cluster Autoscaler and no {@code spot} group.</li>
 * </ul>
 */
public enum NodeProvisioner {
    CLUSTER_AUTOSCALER("cluster-autoscaler"),
    KARPENTER("karpenter");

    private final String configValue;

    NodeProvisioner(String configValue) {
        this.configValue = configValue;
    }

    /** The value as written in a stack file. */
    public String configValue() {
        return configValue;
    }

    /** The provisioner a stack file's value names, if any. */
    public static Optional<NodeProvisioner> parse(String value) {
        return Arrays.stream(values()).filter(p -> p.configValue.equals(value)).findFirst();
    }

    /** For config validation: the expected form when {@code value} names no provisioner. */
    public static Optional<String> check(String value) {
        return parse(value).isPresent() ? Optional.empty() : Optional.of("one of cluster-autoscaler, karpenter");
    }
}
