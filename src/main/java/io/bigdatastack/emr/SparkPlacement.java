package io.bigdatastack.emr;

import io.bigdatastack.cluster.EksCluster;
import io.bigdatastack.cluster.NodeGroupSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where Spark pods go: the node-selector labels of the driver and the executors (the job submitter runs with the
 * driver's), and the driver's pod annotations. The job template, the sample job and the team pod templates all read
 * one placement, so swapping the node provisioner swaps every selector at once.
 *
 * <ul>
 *   <li>{@link #MANAGED_NODE_GROUPS} (Cluster Autoscaler): drivers on {@code eks.amazonaws.com/capacityType=ON_DEMAND},
 *       executors on {@code SPOT} — the labels EKS puts on managed nodes.</li>
 *   <li>{@link #KARPENTER}: drivers on the {@code spark-driver} NodePool, executors on {@code spark-executor}, by the
 *       {@code karpenter.sh/nodepool} label Karpenter sets on every node it launches
 *       (https://karpenter.sh/v1.14/reference/instance-types/ lists the well-known labels); drivers carry
 *       {@code karpenter.sh/do-not-disrupt: "true"}, so no voluntary disruption (consolidation, drift, expiry) takes
 *       their node while they run (https://karpenter.sh/v1.14/concepts/disruption/#pod-level-controls).</li>
 * </ul>
 *
 * <p>One job in one Availability Zone: {@link #zoneConf(String)} pins driver and executors of a job to a zone
 * ({@code spark.kubernetes.node.selector.topology.kubernetes.io/zone}); Karpenter launches nodes in that zone.
 *
 * @param name                 what the placement is called in docs and errors
 * @param driverNodeSelector   labels a driver's (and the job submitter's) node must carry
 * @param executorNodeSelector labels an executor's node must carry
 * @param driverAnnotations    annotations on the driver pod
 * @param inPodTemplates       whether the team pod templates carry the selectors and annotations too (Karpenter:
 *                             a job that brings its own settings still lands on the pools)
 */
public record SparkPlacement(String name, Map<String, String> driverNodeSelector, Map<String, String> executorNodeSelector,
                             Map<String, String> driverAnnotations, boolean inPodTemplates) {

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
     * The executor idle timeout Spark jobs run with ({@code spark.dynamicAllocation.executorIdleTimeout}, Spark's
     * default 60s, https://spark.apache.org/docs/latest/configuration.html#dynamic-allocation). The executor NodePool's
     * {@code consolidateAfter} must be longer (AWS's EMR on EKS best-practices guide: an idle executor is released by
     * Spark first, then its empty node by Karpenter, never the other way round); {@code addons.Karpenter} checks it.
     * The job defaults (issue 19) must set the timeout from this constant.
     */
    public static final Duration EXECUTOR_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public static final SparkPlacement MANAGED_NODE_GROUPS = new SparkPlacement("managed node groups",
            Map.of(EksCluster.CAPACITY_TYPE_LABEL, NodeGroupSpec.ON_DEMAND),
            Map.of(EksCluster.CAPACITY_TYPE_LABEL, NodeGroupSpec.SPOT),
            Map.of(), false);

    public static final SparkPlacement KARPENTER = new SparkPlacement("Karpenter NodePools",
            Map.of(NODE_POOL_LABEL, DRIVER_POOL),
            Map.of(NODE_POOL_LABEL, EXECUTOR_POOL),
            Map.of(DO_NOT_DISRUPT, "true"), true);

    public SparkPlacement {
        driverNodeSelector = Map.copyOf(driverNodeSelector);
        executorNodeSelector = Map.copyOf(executorNodeSelector);
        driverAnnotations = Map.copyOf(driverAnnotations);
    }

    /**
     * The spark-submit settings of this placement: driver and executor node selectors
     * (https://spark.apache.org/docs/latest/running-on-kubernetes.html#spark-properties), then the driver's
     * annotations; in a fixed order, so the job template's text is stable.
     */
    public List<String> sparkConfs() {
        var confs = new ArrayList<String>();
        new java.util.TreeMap<>(driverNodeSelector).forEach((k, v) -> confs.add("spark.kubernetes.driver.node.selector." + k + "=" + v));
        new java.util.TreeMap<>(executorNodeSelector).forEach((k, v) -> confs.add("spark.kubernetes.executor.node.selector." + k + "=" + v));
        new java.util.TreeMap<>(driverAnnotations).forEach((k, v) -> confs.add("spark.kubernetes.driver.annotation." + k + "=" + v));
        return confs;
    }

    /** The setting that keeps one job's driver and executors in {@code zone} (e.g. {@code us-west-2a}). */
    public static String zoneConf(String zone) {
        return "spark.kubernetes.node.selector." + ZONE_LABEL + "=" + zone;
    }

    /** The pod template lines this placement adds for {@code sparkRole} ({@code driver} or {@code executor}): metadata and spec parts. */
    Map<String, Map<String, String>> podTemplateParts(String sparkRole) {
        var parts = new LinkedHashMap<String, Map<String, String>>();
        if (!inPodTemplates) {
            return parts;
        }
        boolean driver = sparkRole.equals("driver");
        if (driver && !driverAnnotations.isEmpty()) {
            parts.put("annotations", new java.util.TreeMap<>(driverAnnotations));
        }
        parts.put("nodeSelector", new java.util.TreeMap<>(driver ? driverNodeSelector : executorNodeSelector));
        return parts;
    }
}
