package io.bigdatastack.emr;

import io.bigdatastack.support.Hashing;
import io.bigdatastack.support.Json;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The job template as a CloudFormation document ({@code AWS::EMRContainers::JobTemplate}), because that is where
 * job template parameters can be declared: {@code com.pulumi:aws} 6.83.0's {@code aws.emrcontainers.JobTemplate}
 * has no {@code parameterConfiguration} (hashicorp/terraform-provider-aws#46502), and a {@code ${Param}} placeholder
 * that is not declared cannot be filled in at StartJobRun
 * (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/use-job-template-parameters.html).
 *
 * <p>The template enforces the platform's choices (role, release, node placement, logging, job sizes, dynamic allocation
 * with shuffle tracking, adaptive query execution) and leaves to the caller: {@code ${EntryPoint}} (default: the
 * SparkPi example), {@code ${JobClass}} (adhoc or production pod templates), and dynamic allocation's
 * {@code ${ExecutorInstances}} (executors to start with), {@code ${MinExecutors}}, {@code ${MaxExecutors}} (default
 * bounded by the team's quota) and {@code ${ExecutorIdleTimeout}}. Every template parameter is a value of {@code spark-defaults}; none can turn shuffle
 * tracking off (SparkJobDefaults).
 */
public final class JobTemplateDocument {

    public static final String ENTRY_POINT_PARAMETER = "EntryPoint";
    /** {@code adhoc} (default) or {@code production}: which pod templates, and so which PriorityClasses, a job uses. */
    public static final String JOB_CLASS_PARAMETER = "JobClass";
    /** The stack outputs the document declares. */
    public static final String ID_OUTPUT = "JobTemplateId";
    public static final String ARN_OUTPUT = "JobTemplateArn";

    private static final com.google.gson.Gson GSON = Json.COMPACT;

    /**
     * What a team's jobs get besides names and ARNs.
     *
     * @param placement           node selectors of the job submitter, driver and executors
     * @param defaultMaxExecutors the {@code MaxExecutors} parameter's default (SparkJobDefaults#defaultMaxExecutors)
     */
    public record JobSettings(SparkPlacement placement, int defaultMaxExecutors) {
        /** Managed node groups; the executor bound of a quota-less team on the default spot group (20 nodes of c5.2xlarge class). */
        public static final JobSettings DEFAULT = new JobSettings(SparkPlacement.MANAGED_NODE_GROUPS,
                SparkJobDefaults.executorSlots(List.of("c5.2xlarge", "c5a.2xlarge", "c6i.2xlarge"), 20));
    }

    private JobTemplateDocument() {
    }

    /**
     * The CloudFormation template body (JSON) of the default team's template, with the default settings.
     *
     * @param namePrefix e.g. {@code big-data-stack-dev}; the template's name also carries a hash of its content,
     *                   because templates are immutable and CloudFormation creates the replacement before it deletes
     *                   the old one
     */
    public static String render(String namePrefix, String executionRoleArn, String releaseLabel, String logGroupName,
                                String bucketName, Map<String, String> tags) {
        return render(namePrefix, executionRoleArn, releaseLabel, logGroupName, SampleSparkJob.LOG_STREAM_PREFIX,
                EmrNames.s3LogUri(bucketName), bucketName, "", JobSettings.DEFAULT, tags);
    }

    /** As above, for a team: its own CloudWatch stream prefix, S3 log location under its prefix, and job settings. */
    public static String render(String namePrefix, String executionRoleArn, String releaseLabel, String logGroupName,
                                String logStreamPrefix, String s3LogUri, String bucketName, String dataPrefix,
                                JobSettings settings, Map<String, String> tags) {
        var data = new LinkedHashMap<String, Object>();
        data.put("ExecutionRoleArn", executionRoleArn);
        data.put("ReleaseLabel", releaseLabel);
        data.put("JobDriver", Map.of("SparkSubmitJobDriver", Map.of(
                "EntryPoint", "${" + ENTRY_POINT_PARAMETER + "}",
                "SparkSubmitParameters", SampleSparkJob.sparkSubmitParameters(settings.placement())
                        // The job's class picks its pod templates and so its PriorityClasses (SparkPriority).
                        + SparkPriority.podTemplateConfs(bucketName, dataPrefix, "${" + JOB_CLASS_PARAMETER + "}").stream()
                                .map(conf -> " --conf " + conf).collect(java.util.stream.Collectors.joining()))));
        var cloudWatch = new LinkedHashMap<String, Object>();
        cloudWatch.put("LogGroupName", logGroupName);
        cloudWatch.put("LogStreamNamePrefix", logStreamPrefix);
        var monitoring = new LinkedHashMap<String, Object>();
        monitoring.put("PersistentAppUI", SampleSparkJob.PERSISTENT_APP_UI);
        monitoring.put("CloudWatchMonitoringConfiguration", cloudWatch);
        monitoring.put("S3MonitoringConfiguration", Map.of("LogUri", s3LogUri));
        var sparkDefaults = SparkJobDefaults.sparkDefaults("${" + SparkJobDefaults.INITIAL_EXECUTORS_PARAMETER + "}",
                "${" + SparkJobDefaults.MIN_EXECUTORS_PARAMETER + "}",
                "${" + SparkJobDefaults.MAX_EXECUTORS_PARAMETER + "}", "${" + SparkJobDefaults.IDLE_TIMEOUT_PARAMETER + "}");
        data.put("ConfigurationOverrides", Map.of(
                "ApplicationConfiguration", SparkJobDefaults.applicationConfiguration(sparkDefaults, settings.placement(), "Classification", "Properties"),
                "MonitoringConfiguration", monitoring));
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put(ENTRY_POINT_PARAMETER, Map.of("Type", "STRING", "DefaultValue", SampleSparkJob.ENTRY_POINT));
        parameters.put(SparkJobDefaults.INITIAL_EXECUTORS_PARAMETER, Map.of("Type", "NUMBER",
                "DefaultValue", String.valueOf(SparkJobDefaults.DEFAULT_MIN_EXECUTORS)));
        parameters.put(SparkJobDefaults.MIN_EXECUTORS_PARAMETER, Map.of("Type", "NUMBER",
                "DefaultValue", String.valueOf(SparkJobDefaults.DEFAULT_MIN_EXECUTORS)));
        parameters.put(SparkJobDefaults.MAX_EXECUTORS_PARAMETER, Map.of("Type", "NUMBER",
                "DefaultValue", String.valueOf(settings.defaultMaxExecutors())));
        parameters.put(SparkJobDefaults.IDLE_TIMEOUT_PARAMETER, Map.of("Type", "STRING", "DefaultValue", SparkJobDefaults.DEFAULT_IDLE_TIMEOUT));
        parameters.put(JOB_CLASS_PARAMETER, Map.of("Type", "STRING", "DefaultValue", SparkPriority.DEFAULT_JOB_CLASS));
        data.put("ParameterConfiguration", parameters);

        var properties = new LinkedHashMap<String, Object>();
        properties.put("JobTemplateData", data);
        properties.put("Tags", new TreeMap<>(tags).entrySet().stream()
                .map(tag -> Map.of("Key", tag.getKey(), "Value", tag.getValue())).toList());
        // Any property change replaces a template (tags included), so the name hashes all of them.
        properties.put("Name", EmrNames.jobTemplateName(namePrefix) + "-" + contentHash(canonical(properties)));

        var document = new LinkedHashMap<String, Object>();
        document.put("AWSTemplateFormatVersion", "2010-09-09");
        document.put("Description", "EMR on EKS job template of " + namePrefix + " (managed by Pulumi; do not edit)");
        document.put("Resources", Map.of("JobTemplate", Map.of("Type", "AWS::EMRContainers::JobTemplate", "Properties", properties)));
        document.put("Outputs", Map.of(
                ID_OUTPUT, Map.of("Value", Map.of("Fn::GetAtt", List.of("JobTemplate", "Id"))),
                ARN_OUTPUT, Map.of("Value", Map.of("Fn::GetAtt", List.of("JobTemplate", "Arn")))));
        return GSON.toJson(canonical(document));
    }

    /**
     * The same structure with every map's keys sorted. Map.of iterates in a different order in every JVM; the body
     * (and the hash in the name) must be identical on every run, or each `pulumi up` would replace the template.
     */
    static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JobTemplateDocument::canonical).toList();
        }
        return value;
    }

    private static String contentHash(Object canonicalData) {
        return Hashing.sha256Hex(GSON.toJson(canonicalData), 8);
    }
}
