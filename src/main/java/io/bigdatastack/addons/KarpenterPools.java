package io.bigdatastack.addons;

import io.bigdatastack.emr.SparkPlacement;

import java.time.Duration;
import java.util.List;

/**
 * The Spark node pools Karpenter provisions, as configured: the CPU and memory ceilings of each NodePool, the CPU
 * architectures allowed, the AMI and root volume of the nodes, and how long an executor node stays empty before it
 * goes.
 *
 * @param driverCpuLimit           most vCPUs all {@code spark-driver} nodes together may have
 * @param driverMemoryGiBLimit     most memory (GiB) all {@code spark-driver} nodes together may have
 * @param executorCpuLimit         most vCPUs all {@code spark-executor} nodes together may have
 * @param executorMemoryGiBLimit   most memory (GiB) all {@code spark-executor} nodes together may have
 * @param architectures            {@code kubernetes.io/arch} values allowed: {@code amd64}, and {@code arm64}
 *                                 (Graviton) only when every team's images run on it
 * @param amiAlias                 the EC2NodeClass AMI alias, {@code al2023@latest} or {@code al2023@v<yyyymmdd>}
 * @param rootVolumeGiB            size of each node's encrypted gp3 root volume
 * @param executorConsolidateAfter how long an executor node is left without a new or leaving pod before Karpenter
 *                                 may consolidate it; longer than {@link SparkPlacement#EXECUTOR_IDLE_TIMEOUT}
 */
public record KarpenterPools(int driverCpuLimit, int driverMemoryGiBLimit, int executorCpuLimit, int executorMemoryGiBLimit,
                             List<String> architectures, String amiAlias, int rootVolumeGiB, Duration executorConsolidateAfter) {

    /** The architectures Karpenter's {@code kubernetes.io/arch} requirement takes here. */
    public static final List<String> ARCHITECTURES = List.of("amd64", "arm64");
    /** How long an empty driver node stays (a new driver within it reuses the node). */
    public static final Duration DRIVER_CONSOLIDATE_AFTER = Duration.ofMinutes(5);

    public KarpenterPools {
        architectures = List.copyOf(architectures);
        if (executorConsolidateAfter.compareTo(SparkPlacement.EXECUTOR_IDLE_TIMEOUT) <= 0) {
            throw new IllegalArgumentException("executorConsolidateAfter " + executorConsolidateAfter
                    + " must be longer than Spark's executor idle timeout " + SparkPlacement.EXECUTOR_IDLE_TIMEOUT);
        }
        if (architectures.isEmpty() || !ARCHITECTURES.containsAll(architectures)) {
            throw new IllegalArgumentException("architectures " + architectures + ": expected some of " + ARCHITECTURES);
        }
    }
}
