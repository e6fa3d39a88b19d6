package io.bigdatastack.emr;

import io.bigdatastack.cluster.InstanceCapacity;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The Spark settings every job template and the sample job carry, and what one job holds of a team's quota at those
 * settings.
 *
 * <p>Elastic executors: dynamic allocation WITH shuffle tracking, always together. On Kubernetes there is no external
 * shuffle service, and AWS's EMR on EKS best-practices guide states that dynamic allocation without
 * {@code spark.dynamicAllocation.shuffleTracking.enabled=true} makes the application fail
 * (https://aws.github.io/aws-emr-containers-best-practices/performance/docs/dra/). The policy pack's
 * {@code emr-dynamic-allocation-shuffle-tracking} rule fails any template that has one without the other.
 */
public final class SparkJobDefaults {

    // --- What one job asks for (spark-submit settings of the job template and the sample job) ---
    /** Small enough for the dev stack's m5.large driver node; executors go to the spot group. */
    public static final int DRIVER_CORES = 1;
    public static final int DRIVER_MEMORY_MIB = 2048;
    public static final int EXECUTOR_CORES = 1;
    public static final int EXECUTOR_MEMORY_MIB = 2048;

    // --- Dynamic allocation defaults (template parameters; a job may pass others) ---
    public static final String MIN_EXECUTORS_PARAMETER = "MinExecutors";
    public static final String MAX_EXECUTORS_PARAMETER = "MaxExecutors";
    public static final String IDLE_TIMEOUT_PARAMETER = "ExecutorIdleTimeout";
    /**
     * How many executors a job starts with ({@code spark.dynamicAllocation.initialExecutors}); dynamic allocation then
     * scales between the bounds. Kept under the name templates used for the fixed count before, so clients passing
     * {@code ExecutorInstances} keep working (Spark starts with max(minExecutors, initialExecutors)).
     */
    public static final String INITIAL_EXECUTORS_PARAMETER = "ExecutorInstances";
    /** One executor from the start: the smallest job the quota check below admits runs at once. */
    public static final int DEFAULT_MIN_EXECUTORS = 1;
    /**
     * Spark's own default (https://spark.apache.org/docs/latest/configuration.html#dynamic-allocation). It must stay
     * well below the time the node autoscaler waits before removing an empty node (Cluster Autoscaler's
     * scale-down-unneeded-time, 10 minutes by default) or Karpenter's executor pool waits before consolidating
     * ({@code consolidateAfter}, checked against {@link SparkPlacement#EXECUTOR_IDLE_TIMEOUT}), so an idle executor
     * leaves before its node is judged.
     */
    public static final String DEFAULT_IDLE_TIMEOUT = SparkPlacement.EXECUTOR_IDLE_TIMEOUT.toSeconds() + "s";

    /**
     * Pod memory overhead Spark adds to {@code spark.*.memory}: 0.4 of it for non-JVM (PySpark) jobs, 0.1 for JVM jobs,
     * at least 384 MiB (spark.kubernetes.memoryOverheadFactor,
     * https://spark.apache.org/docs/latest/running-on-kubernetes.html#spark-properties). The sample and most team jobs
     * are PySpark, so the larger factor sizes the budget.
     */
    static final double MEMORY_OVERHEAD_FACTOR = 0.4;
    static final int MIN_MEMORY_OVERHEAD_MIB = 384;

    /**
     * EMR adds a logging sidecar to the driver and executor pods when a job logs to CloudWatch or S3 (as every job of
     * the stack does): it requests 512Mi and no CPU by default (emr-containers-defaults {@code logging.request.memory},
     * https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/emr-eks-job-submitter-container-defaults.html).
     * Where it states no CPU request or memory limit, the team's LimitRange defaults fill them (TeamResources).
     */
    static final int LOGGING_SIDECAR_MEMORY_MIB = 512;
    /** The job submitter pod's logging container: 100m and 200Mi by default (same page). */
    static final int SUBMITTER_LOGGING_CPU_MILLIS = 100;
    static final int SUBMITTER_LOGGING_MEMORY_MIB = 200;

    /** What the team LimitRange gives a container that states nothing (TeamResources reads these). */
    public static final int DEFAULT_REQUEST_CPU_MILLIS = 250;
    public static final int DEFAULT_REQUEST_MEMORY_MIB = 512;
    public static final int DEFAULT_LIMIT_MEMORY_MIB = 1024;

    /** What one pod (or a set of pods) holds of a namespace's quota. */
    public record Footprint(long cpuMillis, long requestsMemoryMib, long limitsMemoryMib) {
        Footprint plus(Footprint other) {
            return new Footprint(cpuMillis + other.cpuMillis, requestsMemoryMib + other.requestsMemoryMib, limitsMemoryMib + other.limitsMemoryMib);
        }
    }

    private SparkJobDefaults() {
    }

    static long podMemoryMib(int sparkMemoryMib) {
        return sparkMemoryMib + Math.max(MIN_MEMORY_OVERHEAD_MIB, (long) Math.floor(sparkMemoryMib * MEMORY_OVERHEAD_FACTOR));
    }

    /** A Spark pod: the Spark container (request = limit = memory + overhead) and EMR's logging sidecar. */
    private static Footprint sparkPod(int cores, int memoryMib) {
        long memory = podMemoryMib(memoryMib);
        return new Footprint(cores * 1000L + DEFAULT_REQUEST_CPU_MILLIS, memory + LOGGING_SIDECAR_MEMORY_MIB, memory + DEFAULT_LIMIT_MEMORY_MIB);
    }

    /** One executor pod at the defaults. */
    public static Footprint executorPod() {
        return sparkPod(EXECUTOR_CORES, EXECUTOR_MEMORY_MIB);
    }

    /**
     * What a job holds besides its executors: the driver pod and the job submitter pod (its main container assumed to
     * state nothing, so the LimitRange defaults apply; its logging container as documented).
     */
    public static Footprint fixedPods() {
        var submitter = new Footprint(DEFAULT_REQUEST_CPU_MILLIS + SUBMITTER_LOGGING_CPU_MILLIS,
                DEFAULT_REQUEST_MEMORY_MIB + SUBMITTER_LOGGING_MEMORY_MIB, 2L * DEFAULT_LIMIT_MEMORY_MIB);
        return sparkPod(DRIVER_CORES, DRIVER_MEMORY_MIB).plus(submitter);
    }

    /** The least a team's quota must allow: one job with one executor. */
    public static Footprint smallestJob() {
        return fixedPods().plus(executorPod());
    }

    /** The smallest {@code cpuQuota} (it bounds requests.cpu) that admits one job with one executor, in millicores. */
    public static long minimumCpuQuotaMillis() {
        return smallestJob().cpuMillis();
    }

    /** The smallest {@code memoryQuota} (it bounds requests.memory and limits.memory) that admits one such job, in MiB. */
    public static long minimumMemoryQuotaMebibytes() {
        return Math.max(smallestJob().requestsMemoryMib(), smallestJob().limitsMemoryMib());
    }

    /**
     * The default {@code maxExecutors} of a team's jobs: as many executors as one job can hold within the team's quota
     * (CPU requests, and memory limits, which are at least the requests), or, for a team without a quota, as many as
     * the executor node groups can hold at their maximum size ({@code executorSlots}). Never below the minimum.
     */
    public static int defaultMaxExecutors(OptionalLong cpuQuotaMillis, OptionalLong memoryQuotaMebibytes, int executorSlots) {
        var fixed = fixedPods();
        var executor = executorPod();
        long bound = Long.MAX_VALUE;
        if (cpuQuotaMillis.isPresent()) {
            bound = Math.min(bound, (cpuQuotaMillis.getAsLong() - fixed.cpuMillis()) / executor.cpuMillis());
        }
        if (memoryQuotaMebibytes.isPresent()) {
            bound = Math.min(bound, (memoryQuotaMebibytes.getAsLong() - fixed.limitsMemoryMib()) / executor.limitsMemoryMib());
        }
        if (bound == Long.MAX_VALUE) {
            bound = executorSlots;
        }
        return (int) Math.max(DEFAULT_MIN_EXECUTORS, Math.min(bound, Integer.MAX_VALUE));
    }

    /**
     * How many default executors the executor node groups hold at their maximum size: per node, as many as its
     * allocatable CPU and memory fit (requests), on the smallest listed instance type (a group may get any of them).
     * An instance type the stack does not know counts as one executor per node.
     */
    public static int executorSlots(List<String> instanceTypes, int maxNodes) {
        var executor = executorPod();
        long perNode = instanceTypes.stream().mapToLong(type -> InstanceCapacity.of(type)
                .map(node -> Math.min(node.cpuMillis() / executor.cpuMillis(), node.memoryMebibytes() / executor.requestsMemoryMib()))
                .orElse(1L)).min().orElse(1L);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, perNode * maxNodes));
    }

    /**
     * How many default executors fit in a Karpenter executor pool whose nodes together may have at most
     * {@code cpuLimit} vCPUs and {@code memoryGiBLimit} GiB (the NodePool's {@code spec.limits},
     * https://karpenter.sh/docs/concepts/nodepools/#speclimits), counted on requests. Node overhead is ignored: the
     * bound is the pool's, not a node's, and Karpenter stops launching at the limit.
     */
    public static int executorSlots(int cpuLimit, int memoryGiBLimit) {
        var executor = executorPod();
        long slots = Math.min(cpuLimit * 1000L / executor.cpuMillis(), memoryGiBLimit * 1024L / executor.requestsMemoryMib());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, slots));
    }

    /** Job resources and placement as spark-submit settings ({@code key=value}). */
    public static List<String> resourceConfs(SparkPlacement placement) {
        var confs = new java.util.ArrayList<>(List.of(
                "spark.executor.cores=" + EXECUTOR_CORES,
                "spark.executor.memory=" + EXECUTOR_MEMORY_MIB / 1024 + "G",
                "spark.driver.cores=" + DRIVER_CORES,
                "spark.driver.memory=" + DRIVER_MEMORY_MIB / 1024 + "G"));
        confs.addAll(placement.sparkConfs());
        return List.copyOf(confs);
    }

    /**
     * The {@code spark-defaults} classification: dynamic allocation with shuffle tracking, its bounds and idle timeout
     * (values, or template placeholders such as {@code ${MaxExecutors}}), adaptive query execution, and graceful
     * decommissioning explicitly off.
     *
     * <p>Decommissioning ({@code spark.decommission.enabled}, {@code spark.storage.decommission.*}) would move an
     * executor's shuffle and cached blocks off a spot node in its two-minute notice. AWS's EMR on EKS best-practices
     * guide documents it for EMR 6.3.0+ only "through a temporary workaround": a custom image that changes Spark's file
     * permissions (https://aws.github.io/aws-emr-containers-best-practices/cost-optimization/docs/node-decommission/).
     * The stack runs the stock images, so it stays off until AWS documents it working with them.
     */
    public static Map<String, String> sparkDefaults(String initialExecutors, String minExecutors, String maxExecutors, String idleTimeout) {
        var properties = new TreeMap<String, String>();
        properties.put("spark.dynamicAllocation.enabled", "true");
        properties.put("spark.dynamicAllocation.shuffleTracking.enabled", "true");
        properties.put("spark.dynamicAllocation.initialExecutors", initialExecutors);
        properties.put("spark.dynamicAllocation.minExecutors", minExecutors);
        properties.put("spark.dynamicAllocation.maxExecutors", maxExecutors);
        properties.put("spark.dynamicAllocation.executorIdleTimeout", idleTimeout);
        // Adaptive query execution: on by default since Spark 3.2, stated so that no image default can turn it off
        // (https://spark.apache.org/docs/latest/sql-performance-tuning.html#adaptive-query-execution).
        properties.put("spark.sql.adaptive.enabled", "true");
        properties.put("spark.sql.adaptive.coalescePartitions.enabled", "true");
        properties.put("spark.decommission.enabled", "false");
        return properties;
    }

    /**
     * StartJobRun's {@code applicationConfiguration} (API spelling, lower camel case; the CloudFormation template
     * capitalizes the same keys): spark-defaults and the job submitter's placement.
     */
    public static List<Map<String, Object>> applicationConfiguration(Map<String, String> sparkDefaults, SparkPlacement placement,
                                                                     String classificationKey, String propertiesKey) {
        return List.of(
                Map.of(classificationKey, "spark-defaults", propertiesKey, sparkDefaults),
                Map.of(classificationKey, SparkPlacement.JOB_SUBMITTER_CLASSIFICATION, propertiesKey, placement.jobSubmitterProperties()));
    }
}
