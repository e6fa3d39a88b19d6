package io.bigdatastack.emr;

import io.bigdatastack.support.Json;

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
 * <p>Placement (job submitter and driver on-demand, executors on spot) comes from {@link SparkPlacement}; sizes and
 * dynamic allocation from {@link SparkJobDefaults}.
 */
public final class SampleSparkJob {

    public static final String NAME = "spark-pi";
    public static final String ENTRY_POINT = "local:///usr/lib/spark/examples/src/main/python/pi.py";
    /** CloudWatch stream prefix; EMR appends {@code /<virtual-cluster-id>/jobs/<job-id>/...}. */
    public static final String LOG_STREAM_PREFIX = "spark";
    public static final String PERSISTENT_APP_UI = "ENABLED";

    private static final com.google.gson.Gson GSON = Json.COMPACT;
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private SampleSparkJob() {
    }

    /**
     * The job's resources and placement as spark-submit parameters ({@link SparkJobDefaults#resourceConfs}); the
     * dynamic-allocation settings go to {@code spark-defaults} ({@link #applicationConfiguration}).
     */
    public static String sparkSubmitParameters(SparkPlacement placement) {
        return String.join(" ", SparkJobDefaults.resourceConfs(placement).stream().map(conf -> "--conf " + conf).toList());
    }

    /** StartJobRun's {@code jobDriver} with further {@code --conf} settings (a team's pod templates). */
    public static Map<String, Object> jobDriver(SparkPlacement placement, List<String> extraConfs) {
        var submit = new LinkedHashMap<String, Object>();
        submit.put("entryPoint", ENTRY_POINT);
        submit.put("sparkSubmitParameters", sparkSubmitParameters(placement) + extraConfs.stream().map(conf -> " --conf " + conf)
                .collect(java.util.stream.Collectors.joining()));
        return Map.of("sparkSubmitJobDriver", submit);
    }

    /**
     * StartJobRun's {@code applicationConfiguration} of the sample job: the same spark-defaults as the job template, with
     * the template's parameter defaults filled in ({@code maxExecutors} bounded by the team's quota), and the job
     * submitter's placement.
     */
    public static List<Map<String, Object>> applicationConfiguration(SparkPlacement placement, int maxExecutors) {
        return SparkJobDefaults.applicationConfiguration(SparkJobDefaults.sparkDefaults(String.valueOf(SparkJobDefaults.DEFAULT_MIN_EXECUTORS),
                String.valueOf(SparkJobDefaults.DEFAULT_MIN_EXECUTORS),
                String.valueOf(maxExecutors), SparkJobDefaults.DEFAULT_IDLE_TIMEOUT), placement, "classification", "properties");
    }

    /**
     * StartJobRun's {@code configurationOverrides}: the job's application configuration, logs to CloudWatch (the given
     * stream prefix) and S3, and the Spark UI kept after the job
     * (https://docs.aws.amazon.com/emr-on-eks/latest/APIReference/API_MonitoringConfiguration.html).
     */
    public static Map<String, Object> configurationOverrides(List<Map<String, Object>> applicationConfiguration, String logGroupName,
                                                             String logStreamPrefix, String s3LogUri) {
        var cloudWatch = new LinkedHashMap<String, Object>();
        cloudWatch.put("logGroupName", logGroupName);
        cloudWatch.put("logStreamNamePrefix", logStreamPrefix);
        var monitoring = new LinkedHashMap<String, Object>();
        monitoring.put("persistentAppUI", PERSISTENT_APP_UI);
        monitoring.put("cloudWatchMonitoringConfiguration", cloudWatch);
        monitoring.put("s3MonitoringConfiguration", Map.of("logUri", s3LogUri));
        var overrides = new LinkedHashMap<String, Object>();
        overrides.put("applicationConfiguration", applicationConfiguration);
        overrides.put("monitoringConfiguration", monitoring);
        return overrides;
    }

    /**
     * A ready-to-paste {@code aws emr-containers start-job-run} for a POSIX shell; the JSON arguments are serialized
     * from {@link #jobDriver} and {@link #configurationOverrides}, then single-quoted.
     */
    public static String startJobRunCommand(String virtualClusterId, String executionRoleArn, String releaseLabel, String region,
                                            SparkPlacement placement, List<String> extraConfs, Map<String, Object> configurationOverrides) {
        var words = new ArrayList<String>();
        words.add("aws emr-containers start-job-run");
        words.add("--virtual-cluster-id " + shellQuote(virtualClusterId));
        words.add("--name " + shellQuote(NAME));
        words.add("--execution-role-arn " + shellQuote(executionRoleArn));
        words.add("--release-label " + shellQuote(releaseLabel));
        words.add("--region " + shellQuote(region));
        words.add("--job-driver " + shellQuote(GSON.toJson(jobDriver(placement, extraConfs))));
        words.add("--configuration-overrides " + shellQuote(GSON.toJson(JobTemplateDocument.canonical(configurationOverrides))));
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
