package io.bigdatastack.emr;

import io.bigdatastack.support.Json;

import io.bigdatastack.cluster.EksCluster;
import io.bigdatastack.cluster.NodeGroupSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The platform's sample Spark job (SparkPi from the EMR image), as data: the job template and the
 * {@code SampleJobCommand} output are both built from it, so what the template enforces and what the command runs
 * cannot drift apart.
 *
 * <p>Placement: the driver on on-demand nodes (losing it loses the job), executors on spot nodes (Spark re-runs the
 * tasks of a reclaimed executor). EKS labels every managed node with {@code eks.amazonaws.com/capacityType}; Spark 3.3+
 * takes separate driver and executor node selectors.
 */
public final class SampleSparkJob {

    public static final String NAME = "spark-pi";
    public static final String ENTRY_POINT = "local:///usr/lib/spark/examples/src/main/python/pi.py";
    /** CloudWatch stream prefix; EMR appends {@code /<virtual-cluster-id>/jobs/<job-id>/...}. */
    public static final String LOG_STREAM_PREFIX = "spark";
    public static final String PERSISTENT_APP_UI = "ENABLED";

    public static final String DRIVER_NODE_SELECTOR =
            "spark.kubernetes.driver.node.selector." + EksCluster.CAPACITY_TYPE_LABEL + "=" + NodeGroupSpec.ON_DEMAND;
    public static final String EXECUTOR_NODE_SELECTOR =
            "spark.kubernetes.executor.node.selector." + EksCluster.CAPACITY_TYPE_LABEL + "=" + NodeGroupSpec.SPOT;

    private static final com.google.gson.Gson GSON = Json.COMPACT;
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private SampleSparkJob() {
    }

    /** Small enough for the dev stack's m5.large driver node; the executors go to the spot group. */
    public static String sparkSubmitParameters() {
        return sparkSubmitParameters("2");
    }

    /** As {@link #sparkSubmitParameters()}, with the executor count given (a number, or a template placeholder). */
    public static String sparkSubmitParameters(String executorInstances) {
        return sparkSubmitParameters(executorInstances, SparkPlacement.MANAGED_NODE_GROUPS);
    }

    /** As {@link #sparkSubmitParameters(String)}, with the node selectors (and driver annotations) of {@code placement}. */
    public static String sparkSubmitParameters(String executorInstances, SparkPlacement placement) {
        if (placement.equals(SparkPlacement.MANAGED_NODE_GROUPS)) {
            return sparkSubmitParameters(executorInstances, List.of(DRIVER_NODE_SELECTOR, EXECUTOR_NODE_SELECTOR));
        }
        return sparkSubmitParameters(executorInstances, placement.sparkConfs());
    }

    private static String sparkSubmitParameters(String executorInstances, List<String> placementConfs) {
        var confs = new ArrayList<>(List.of(
                "spark.executor.instances=" + executorInstances,
                "spark.executor.cores=1",
                "spark.executor.memory=2G",
                "spark.driver.cores=1",
                "spark.driver.memory=2G"));
        confs.addAll(placementConfs);
        return String.join(" ", confs.stream().map(conf -> "--conf " + conf).toList());
    }

    /** StartJobRun's {@code jobDriver}. */
    public static Map<String, Object> jobDriver() {
        return jobDriver(List.of());
    }

    /** StartJobRun's {@code jobDriver} with further {@code --conf} settings (a team's pod templates). */
    public static Map<String, Object> jobDriver(List<String> extraConfs) {
        return jobDriver(extraConfs, SparkPlacement.MANAGED_NODE_GROUPS);
    }

    /** StartJobRun's {@code jobDriver} under {@code placement}, with further {@code --conf} settings. */
    public static Map<String, Object> jobDriver(List<String> extraConfs, SparkPlacement placement) {
        var submit = new LinkedHashMap<String, Object>();
        submit.put("entryPoint", ENTRY_POINT);
        submit.put("sparkSubmitParameters", sparkSubmitParameters("2", placement) + extraConfs.stream().map(conf -> " --conf " + conf)
                .collect(java.util.stream.Collectors.joining()));
        return Map.of("sparkSubmitJobDriver", submit);
    }

    /**
     * StartJobRun's {@code configurationOverrides}: logs to CloudWatch and S3, and the Spark UI kept after the job
     * (https://docs.aws.amazon.com/emr-on-eks/latest/APIReference/API_MonitoringConfiguration.html).
     */
    public static Map<String, Object> configurationOverrides(String logGroupName, String bucketName) {
        return configurationOverrides(logGroupName, LOG_STREAM_PREFIX, EmrNames.s3LogUri(bucketName));
    }

    /** As above, with a team's stream prefix and S3 log location. */
    public static Map<String, Object> configurationOverrides(String logGroupName, String logStreamPrefix, String s3LogUri) {
        var cloudWatch = new LinkedHashMap<String, Object>();
        cloudWatch.put("logGroupName", logGroupName);
        cloudWatch.put("logStreamNamePrefix", logStreamPrefix);
        var monitoring = new LinkedHashMap<String, Object>();
        monitoring.put("persistentAppUI", PERSISTENT_APP_UI);
        monitoring.put("cloudWatchMonitoringConfiguration", cloudWatch);
        monitoring.put("s3MonitoringConfiguration", Map.of("logUri", s3LogUri));
        return Map.of("monitoringConfiguration", monitoring);
    }

    /**
     * A ready-to-paste {@code aws emr-containers start-job-run} for a POSIX shell; the JSON arguments are serialized
     * from {@link #jobDriver()} and {@link #configurationOverrides}, then single-quoted.
     */
    public static String startJobRunCommand(String virtualClusterId, String executionRoleArn, String releaseLabel, String region,
                                            String logGroupName, String bucketName) {
        return startJobRunCommand(virtualClusterId, executionRoleArn, releaseLabel, region, List.of(),
                configurationOverrides(logGroupName, bucketName));
    }

    /** As above, with the given {@code configurationOverrides} (a team's logging). */
    public static String startJobRunCommand(String virtualClusterId, String executionRoleArn, String releaseLabel, String region,
                                            List<String> extraConfs, Map<String, Object> configurationOverrides) {
        return startJobRunCommand(virtualClusterId, executionRoleArn, releaseLabel, region, extraConfs, configurationOverrides,
                SparkPlacement.MANAGED_NODE_GROUPS);
    }

    /** As above, under {@code placement}. */
    public static String startJobRunCommand(String virtualClusterId, String executionRoleArn, String releaseLabel, String region,
                                            List<String> extraConfs, Map<String, Object> configurationOverrides,
                                            SparkPlacement placement) {
        var words = new ArrayList<String>();
        words.add("aws emr-containers start-job-run");
        words.add("--virtual-cluster-id " + shellQuote(virtualClusterId));
        words.add("--name " + shellQuote(NAME));
        words.add("--execution-role-arn " + shellQuote(executionRoleArn));
        words.add("--release-label " + shellQuote(releaseLabel));
        words.add("--region " + shellQuote(region));
        words.add("--job-driver " + shellQuote(GSON.toJson(jobDriver(extraConfs, placement))));
        words.add("--configuration-overrides " + shellQuote(GSON.toJson(configurationOverrides)));
        return String.join(" \\\n  ", words);
    }

    /** One shell word: as is when it has no special characters, otherwise single-quoted ({@code '} as {@code '\''}). */
    public static String shellQuote(String word) {
        if (SHELL_SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
