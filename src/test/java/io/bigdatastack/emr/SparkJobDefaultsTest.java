package io.bigdatastack.emr;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What one job holds of a quota at the defaults, worked out by hand from the sources SparkJobDefaults cites. */
class SparkJobDefaultsTest {

    @Test
    void podsHoldSparkMemoryPlusOverheadAndEmrsLoggingContainer() {
        // 2048 MiB + max(384, 0.4 x 2048 = 819) overhead; the sidecar requests 512Mi, its limit is the LimitRange's 1Gi.
        assertEquals(2867, SparkJobDefaults.podMemoryMib(2048));
        assertEquals(512 + 384, SparkJobDefaults.podMemoryMib(512), "the overhead is at least 384 MiB");
        assertEquals(new SparkJobDefaults.Footprint(1250, 2867 + 512, 2867 + 1024), SparkJobDefaults.executorPod());
        // Driver as an executor, plus the job submitter: 250m/512Mi/1Gi (LimitRange defaults) + logging 100m/200Mi/1Gi.
        assertEquals(new SparkJobDefaults.Footprint(1250 + 350, 3379 + 712, 3891 + 2048), SparkJobDefaults.fixedPods());
        assertEquals(2850, SparkJobDefaults.minimumCpuQuotaMillis());
        assertEquals(5939 + 3891, SparkJobDefaults.minimumMemoryQuotaMebibytes());
    }

    /** docs/spark-jobs.md states the minimums and the worked example; they must be what the code computes. */
    @Test
    void theDocsStateWhatTheCodeComputes() throws java.io.IOException {
        var docs = java.nio.file.Files.readString(java.nio.file.Path.of("docs/spark-jobs.md"));
        for (var fragment : List.of("`cpuQuota` below `" + SparkJobDefaults.minimumCpuQuotaMillis() + "m`",
                "`memoryQuota` below `" + SparkJobDefaults.minimumMemoryQuotaMebibytes() + "Mi`",
                "(32000 - " + SparkJobDefaults.fixedPods().cpuMillis() + ") / " + SparkJobDefaults.executorPod().cpuMillis() + " = **"
                        + SparkJobDefaults.defaultMaxExecutors(OptionalLong.of(32_000), OptionalLong.empty(), 1) + "**",
                "spark.decommission.enabled=false", "jobsubmitter.node.selector.eks.amazonaws.com/capacityType=ON_DEMAND")) {
            org.junit.jupiter.api.Assertions.assertTrue(docs.contains(fragment), "docs/spark-jobs.md should say: " + fragment);
        }
    }

    @Test
    void maxExecutorsIsWhatTheQuotaHoldsAfterTheFixedPods() {
        assertEquals(24, SparkJobDefaults.defaultMaxExecutors(OptionalLong.of(32_000), OptionalLong.of(128 * 1024), 80));
        assertEquals(24, SparkJobDefaults.defaultMaxExecutors(OptionalLong.of(32_000), OptionalLong.empty(), 80));
        assertEquals(32, SparkJobDefaults.defaultMaxExecutors(OptionalLong.empty(), OptionalLong.of(128 * 1024), 80));
        assertEquals(1, SparkJobDefaults.defaultMaxExecutors(OptionalLong.of(2850), OptionalLong.of(9830), 80), "the smallest admitted quota");
        assertEquals(80, SparkJobDefaults.defaultMaxExecutors(OptionalLong.empty(), OptionalLong.empty(), 80), "no quota: the node groups");
        assertEquals(1, SparkJobDefaults.defaultMaxExecutors(OptionalLong.empty(), OptionalLong.empty(), 0), "never below one");
    }

    @Test
    void executorSlotsCountTheSmallestListedTypeAtMaximumSize() {
        // c5.2xlarge: min(7910m / 1250m = 6, 15391Mi / 3379Mi = 4) = 4 per node.
        assertEquals(40, SparkJobDefaults.executorSlots(List.of("c5.2xlarge", "c6i.2xlarge"), 10));
        // m5.large: min(1930m / 1250m = 1, 7518Mi / 3379Mi = 2) = 1 per node; the smallest listed type decides.
        assertEquals(10, SparkJobDefaults.executorSlots(List.of("c5.2xlarge", "m5.large"), 10));
        assertEquals(10, SparkJobDefaults.executorSlots(List.of("x9.unknown"), 10), "unknown type: one per node");
    }

    @Test
    void placementPutsTheSubmitterAndDriverOnOnDemandAndExecutorsOnSpot() {
        var placement = SparkPlacement.MANAGED_NODE_GROUPS;
        assertEquals(Map.of("jobsubmitter.node.selector.eks.amazonaws.com/capacityType", "ON_DEMAND"), placement.jobSubmitterProperties());
        assertEquals(List.of("spark.kubernetes.driver.node.selector.eks.amazonaws.com/capacityType=ON_DEMAND",
                "spark.kubernetes.executor.node.selector.eks.amazonaws.com/capacityType=SPOT"), placement.sparkConfs());
        var other = new SparkPlacement("test", Map.of("pool", "system"), Map.of("pool", "drivers"), Map.of("pool", "executors", "arch", "arm64"), Map.of(), false);
        assertEquals(List.of("spark.kubernetes.driver.node.selector.pool=drivers", "spark.kubernetes.executor.node.selector.arch=arm64",
                "spark.kubernetes.executor.node.selector.pool=executors"), other.sparkConfs());
        assertEquals(Map.of("jobsubmitter.node.selector.pool", "system"), other.jobSubmitterProperties());
    }

    @Test
    void dynamicAllocationAlwaysComesWithShuffleTrackingAndDecommissioningStaysOff() {
        var defaults = SparkJobDefaults.sparkDefaults("1", "1", "8", "60s");
        assertEquals("true", defaults.get("spark.dynamicAllocation.enabled"));
        assertEquals("true", defaults.get("spark.dynamicAllocation.shuffleTracking.enabled"));
        assertEquals("8", defaults.get("spark.dynamicAllocation.maxExecutors"));
        assertEquals("false", defaults.get("spark.decommission.enabled"));
        assertEquals("true", defaults.get("spark.sql.adaptive.enabled"));
    }
}
