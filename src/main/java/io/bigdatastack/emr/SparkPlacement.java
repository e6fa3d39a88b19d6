package io.bigdatastack.emr;

import io.bigdatastack.cluster.EksCluster;
import io.bigdatastack.cluster.NodeGroupSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the three pods of an EMR on EKS Spark job run, as node-selector labels, and the driver's pod annotations:
 * <ul>
 *   <li>the job submitter (job-runner) pod: on-demand. AWS recommends it: on a reclaimed spot node the job fails
 *       (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/emr-eks-job-submitter.html). EMR places it
 *       from the {@code emr-job-submitter} classification's {@code jobsubmitter.node.selector.<label>} settings;</li>
 *   <li>the driver: on-demand (losing it loses the job);</li>
 *   <li>the executors: spot (Spark re-runs the tasks of a reclaimed executor). Spark 3.3+ takes separate driver and
 *       executor selectors ({@code spark.kubernetes.{driver,executor}.node.selector.<label>},
 *       https://spark.apache.org/docs/latest/running-on-kubernetes.html#spark-properties).</li>
 * </ul>
 * Two placements, one per node provisioner:
 * <ul>
 *   <li>{@link #MANAGED_NODE_GROUPS} (Cluster Autoscaler): by the {@code eks.amazonaws.com/capacityType} label EKS puts
 *       on every managed node;</li>
 *   <li>{@link #KARPENTER}: submitter and driver on the {@code spark-driver} NodePool, executors on
 *       {@code spark-executor}, by the {@code karpenter.sh/nodepool} label Karpenter sets on every node it launches
 *       (https://karpenter.sh/v1.14/reference/instance-types/ lists the well-known labels); drivers carry
 *       {@code karpenter.sh/do-not-disrupt: "true"}, so no voluntary disruption (consolidation, drift, expiry) takes
 *       their node while they run (https://karpenter.sh/v1.14/concepts/disruption/#pod-level-controls).</li>
 * </ul>
 * The job template, the sample command, the team pod templates and the policy pack's checks read placement only from
 * here, so swapping the node provisioner swaps every selector at once.
 *
 * <p>One job in one Availability Zone: {@link #zoneConf(String)} pins driver and executors of a job to a zone
 * ({@code spark.kubernetes.node.selector.topology.kubernetes.io/zone}); Karpenter launches nodes in that zone.
 *
 * @param name              what the placement is called in docs and errors
 * @param jobSubmitter      labels the job submitter pod's node must carry
 * @param driver            labels a driver's node must carry
 * @param executor          labels an executor's node must carry
 * @param driverAnnotations annotations on the driver pod
 * @param inPodTemplates    whether the team pod templates carry the selectors and annotations too (Karpenter: a job
 *                          that brings its own settings still lands on the pools)
 */
public record SparkPlacement(String name, Map<String, String> jobSubmitter, Map<String, String> driver,
                             Map<String, String> executor, Map<String, String> driverAnnotations, boolean inPodTemplates) {

    /** EMR's classification for the job submitter pod. */
    public static final String JOB_SUBMITTER_CLASSIFICATION = "emr-job-submitter";
    /** The label Karpenter puts on each node: the NodePool that launched it. */
    public static final String NODE_POOL_LABEL = "karpenter.sh/nodepool";
    /** The NodePool of Spark drivers (on-demand, consolidated only when empty). */
    public static final String DRIVER_POOL = "spark-driver";
    /** The NodePool of Spark executors (spot first, on-demand fallback). */
    public static final String EXECUTOR_POOL = "spark-executor";
    /** Pod annotation that blocks Karpenter's voluntary disruption of the pod's node. */
    public static final String DO_NOT_DISRUPT = "karpenter.sh/do-not-disrupt";
    /** The zone label every node carries (https://kubernetes.io/docs/reference/labels-annotations-taints/#topologykubernetesiozone). */
    public static final String ZONE_LABEL = "topology.kubernetes.io/zone";

    /**
     * The executor idle timeout Spark jobs run with by default ({@code spark.dynamicAllocation.executorIdleTimeout};
     * Spark's own default is 60s, https://spark.apache.org/docs/latest/configuration.html#dynamic-allocation). The
     * executor NodePool's {@code consolidateAfter} must be longer (AWS's EMR on EKS best-practices guide: an idle
     * executor is released by Spark first, then its empty node by Karpenter, never the other way round);
     * {@code addons.KarpenterPools} checks it, and {@link SparkJobDefaults} uses it as the template's default.
     */
    public static final Duration EXECUTOR_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public static final SparkPlacement MANAGED_NODE_GROUPS = new SparkPlacement("managed node groups",
            Map.of(EksCluster.CAPACITY_TYPE_LABEL, NodeGroupSpec.ON_DEMAND),
            Map.of(EksCluster.CAPACITY_TYPE_LABEL, NodeGroupSpec.ON_DEMAND),
            Map.of(EksCluster.CAPACITY_TYPE_LABEL, NodeGroupSpec.SPOT),
            Map.of(), false);

    public static final SparkPlacement KARPENTER = new SparkPlacement("Karpenter NodePools",
            Map.of(NODE_POOL_LABEL, DRIVER_POOL),
            Map.of(NODE_POOL_LABEL, DRIVER_POOL),
            Map.of(NODE_POOL_LABEL, EXECUTOR_POOL),
            Map.of(DO_NOT_DISRUPT, "true"), true);

    public SparkPlacement {
        // Sorted: the template body (and its content hash) must be identical on every run.
        jobSubmitter = sorted(jobSubmitter);
        driver = sorted(driver);
        executor = sorted(executor);
        driverAnnotations = sorted(driverAnnotations);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /**
     * The spark-submit settings of this placement: driver and executor node selectors, then the driver's annotations
     * (https://spark.apache.org/docs/latest/running-on-kubernetes.html#spark-properties); in a fixed order, so the
     * job template's text is stable.
     */
    public List<String> sparkConfs() {
        var confs = new ArrayList<String>();
        driver.forEach((label, value) -> confs.add("spark.kubernetes.driver.node.selector." + label + "=" + value));
        executor.forEach((label, value) -> confs.add("spark.kubernetes.executor.node.selector." + label + "=" + value));
        driverAnnotations.forEach((key, value) -> confs.add("spark.kubernetes.driver.annotation." + key + "=" + value));
        return List.copyOf(confs);
    }

    /** The {@code emr-job-submitter} classification's properties. */
    public Map<String, String> jobSubmitterProperties() {
        var properties = new TreeMap<String, String>();
        jobSubmitter.forEach((label, value) -> properties.put("jobsubmitter.node.selector." + label, value));
        return properties;
    }

    /** The setting that keeps one job's driver and executors in {@code zone} (e.g. {@code us-west-2a}). */
    public static String zoneConf(String zone) {
        return "spark.kubernetes.node.selector." + ZONE_LABEL + "=" + zone;
    }

    /** The pod template parts this placement adds for {@code sparkRole} ({@code driver} or {@code executor}). */
    Map<String, Map<String, String>> podTemplateParts(String sparkRole) {
        var parts = new LinkedHashMap<String, Map<String, String>>();
        if (!inPodTemplates) {
            return parts;
        }
        boolean isDriver = sparkRole.equals("driver");
        if (isDriver && !driverAnnotations.isEmpty()) {
            parts.put("annotations", driverAnnotations);
        }
        parts.put("nodeSelector", isDriver ? driver : executor);
        return parts;
    }
}
