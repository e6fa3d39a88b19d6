package io.bigdatastack.emr;

import io.bigdatastack.cluster.EksCluster;
import io.bigdatastack.cluster.NodeGroupSpec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the three pods of an EMR on EKS Spark job run, as node-selector labels:
 * <ul>
 *   <li>the job submitter (job-runner) pod: on-demand. AWS recommends it: on a reclaimed spot node the job fails
 *       (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/emr-eks-job-submitter.html). EMR places it
 *       from the {@code emr-job-submitter} classification's {@code jobsubmitter.node.selector.<label>} settings;</li>
 *   <li>the driver: on-demand (losing it loses the job);</li>
 *   <li>the executors: spot (Spark re-runs the tasks of a reclaimed executor). Spark 3.3+ takes separate driver and
 *       executor selectors ({@code spark.kubernetes.{driver,executor}.node.selector.<label>},
 *       https://spark.apache.org/docs/latest/running-on-kubernetes.html#spark-properties).</li>
 * </ul>
 * The default, {@link #managedNodeGroups()}, selects by the {@code eks.amazonaws.com/capacityType} label EKS puts on
 * every managed node. Another node provisioner passes its own labels through {@link EmrOnEksArgs}; the job template,
 * the sample command and the policy pack's checks read placement only from here.
 *
 * @param jobSubmitter labels the job submitter pod must match
 * @param driver       labels the driver pod must match
 * @param executor     labels the executor pods must match
 */
public record SparkPlacement(Map<String, String> jobSubmitter, Map<String, String> driver, Map<String, String> executor) {

    /** EMR's classification for the job submitter pod. */
    public static final String JOB_SUBMITTER_CLASSIFICATION = "emr-job-submitter";

    public SparkPlacement {
        // Sorted: the template body (and its content hash) must be identical on every run.
        jobSubmitter = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(jobSubmitter));
        driver = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(driver));
        executor = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(executor));
    }

    /** Managed node groups: submitter and driver on ON_DEMAND nodes, executors on SPOT nodes. */
    public static SparkPlacement managedNodeGroups() {
        var onDemand = Map.of(EksCluster.CAPACITY_TYPE_LABEL, NodeGroupSpec.ON_DEMAND);
        return new SparkPlacement(onDemand, onDemand, Map.of(EksCluster.CAPACITY_TYPE_LABEL, NodeGroupSpec.SPOT));
    }

    /** The driver and executor node selectors as spark-submit settings ({@code key=value}). */
    public List<String> sparkConfs() {
        var confs = new java.util.ArrayList<String>();
        driver.forEach((label, value) -> confs.add("spark.kubernetes.driver.node.selector." + label + "=" + value));
        executor.forEach((label, value) -> confs.add("spark.kubernetes.executor.node.selector." + label + "=" + value));
        return List.copyOf(confs);
    }

    /** The {@code emr-job-submitter} classification's properties. */
    public Map<String, String> jobSubmitterProperties() {
        var properties = new TreeMap<String, String>();
        jobSubmitter.forEach((label, value) -> properties.put("jobsubmitter.node.selector." + label, value));
        return properties;
    }
}
