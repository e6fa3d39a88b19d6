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
 * <p>The template enforces the platform's choices (role, release, node placement, logging) and leaves two things to
 * the caller: {@code ${EntryPoint}} (default: the SparkPi example) and {@code ${ExecutorInstances}} (default 2).
 */
public final class JobTemplateDocument {

    public static final String ENTRY_POINT_PARAMETER = "EntryPoint";
    public static final String EXECUTOR_INSTANCES_PARAMETER = "ExecutorInstances";
    public static final String DEFAULT_EXECUTOR_INSTANCES = "2";
    /** {@code adhoc} (default) or {@code production}: which pod templates, and so which PriorityClasses, a job uses. */
    public static final String JOB_CLASS_PARAMETER = "JobClass";
    /** The stack outputs the document declares. */
    public static final String ID_OUTPUT = "JobTemplateId";
    public static final String ARN_OUTPUT = "JobTemplateArn";

    private static final com.google.gson.Gson GSON = Json.COMPACT;

    private JobTemplateDocument() {
    }

    /**
     * The CloudFormation template body (JSON).
     *
     * @param namePrefix e.g. {@code big-data-stack-dev}; the template's name also carries a hash of its content,
     *                   because templates are immutable and CloudFormation creates the replacement before it deletes
     *                   the old one
     */
    public static String render(String namePrefix, String executionRoleArn, String releaseLabel, String logGroupName,
                                String bucketName, Map<String, String> tags) {
        return render(namePrefix, executionRoleArn, releaseLabel, logGroupName, SampleSparkJob.LOG_STREAM_PREFIX,
                EmrNames.s3LogUri(bucketName), bucketName, "", tags);
    }

    /** As above, for a team: its own CloudWatch stream prefix and S3 log location under its prefix. */
    public static String render(String namePrefix, String executionRoleArn, String releaseLabel, String logGroupName,
                                String logStreamPrefix, String s3LogUri, String bucketName, String dataPrefix,
                                Map<String, String> tags) {
        return render(namePrefix, executionRoleArn, releaseLabel, logGroupName, logStreamPrefix, s3LogUri, bucketName, dataPrefix,
                tags, SparkPlacement.MANAGED_NODE_GROUPS);
    }

    /** As above, with the node selectors of {@code placement}. */
    public static String render(String namePrefix, String executionRoleArn, String releaseLabel, String logGroupName,
                                String logStreamPrefix, String s3LogUri, String bucketName, String dataPrefix,
                                Map<String, String> tags, SparkPlacement placement) {
        var data = new LinkedHashMap<String, Object>();
        data.put("ExecutionRoleArn", executionRoleArn);
        data.put("ReleaseLabel", releaseLabel);
        data.put("JobDriver", Map.of("SparkSubmitJobDriver", Map.of(
                "EntryPoint", "${" + ENTRY_POINT_PARAMETER + "}",
                "SparkSubmitParameters", SampleSparkJob.sparkSubmitParameters("${" + EXECUTOR_INSTANCES_PARAMETER + "}", placement)
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
        data.put("ConfigurationOverrides", Map.of("MonitoringConfiguration", monitoring));
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put(ENTRY_POINT_PARAMETER, Map.of("Type", "STRING", "DefaultValue", SampleSparkJob.ENTRY_POINT));
        parameters.put(EXECUTOR_INSTANCES_PARAMETER, Map.of("Type", "NUMBER", "DefaultValue", DEFAULT_EXECUTOR_INSTANCES));
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
