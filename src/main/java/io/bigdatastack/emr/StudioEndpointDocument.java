package io.bigdatastack.emr;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The interactive endpoint as a CloudFormation document ({@code AWS::EMRContainers::Endpoint}): the one way to
 * declare it from this program. {@code com.pulumi:aws} 6.83.0 has no managed-endpoint resource, and
 * {@code aws.cloudcontrol.Resource} needs the type's registry {@code provisioningType} to be FULLY_MUTABLE or
 * IMMUTABLE, which no source reachable from this project states for this type; a CloudFormation stack works for any
 * CloudFormation type, as the job template already does (see {@link JobTemplateDocument}).
 *
 * <p>Properties, per the type's schema (CloudFormation Template Reference, AWS::EMRContainers::Endpoint): {@code Type}
 * {@code JUPYTER_ENTERPRISE_GATEWAY}, the virtual cluster, the job execution role, the release label and the same
 * monitoring configuration as jobs (CloudWatch log group and stream prefix, S3 logs, persistent app UI). No
 * certificate: {@code certificateArn} is deprecated and EMR manages the endpoint's own
 * (https://docs.aws.amazon.com/emr-on-eks/latest/APIReference/API_CreateManagedEndpoint.html). Every property but
 * {@code Tags} is create-only, so the program replaces the whole stack on any change (see {@link StudioEndpoint}).
 */
public final class StudioEndpointDocument {

    public static final String TYPE = "AWS::EMRContainers::Endpoint";
    public static final String ENDPOINT_TYPE = "JUPYTER_ENTERPRISE_GATEWAY";
    public static final String LOGICAL_ID = "Endpoint";
    /** The stack outputs the document declares. */
    public static final String ID_OUTPUT = "EndpointId";
    public static final String ARN_OUTPUT = "EndpointArn";

    private static final com.google.gson.Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private StudioEndpointDocument() {
    }

    /** The CloudFormation template body (JSON, keys sorted so every run renders the same text). */
    public static String render(String namePrefix, String virtualClusterId, String executionRoleArn, String releaseLabel,
                                String logGroupName, String bucketName, Map<String, String> tags) {
        var cloudWatch = new LinkedHashMap<String, Object>();
        cloudWatch.put("LogGroupName", logGroupName);
        cloudWatch.put("LogStreamNamePrefix", SampleSparkJob.LOG_STREAM_PREFIX);
        var monitoring = new LinkedHashMap<String, Object>();
        monitoring.put("PersistentAppUI", SampleSparkJob.PERSISTENT_APP_UI);
        monitoring.put("CloudWatchMonitoringConfiguration", cloudWatch);
        monitoring.put("S3MonitoringConfiguration", Map.of("LogUri", EmrNames.s3LogUri(bucketName)));

        var properties = new LinkedHashMap<String, Object>();
        properties.put("Name", EmrNames.studioEndpointName(namePrefix));
        properties.put("Type", ENDPOINT_TYPE);
        properties.put("VirtualClusterId", virtualClusterId);
        properties.put("ExecutionRoleArn", executionRoleArn);
        properties.put("ReleaseLabel", releaseLabel);
        properties.put("ConfigurationOverrides", Map.of("MonitoringConfiguration", monitoring));
        properties.put("Tags", new TreeMap<>(tags).entrySet().stream()
                .map(tag -> Map.of("Key", tag.getKey(), "Value", tag.getValue())).toList());

        var document = new LinkedHashMap<String, Object>();
        document.put("AWSTemplateFormatVersion", "2010-09-09");
        document.put("Description", "EMR on EKS interactive endpoint for EMR Studio of " + namePrefix + " (managed by Pulumi; do not edit)");
        document.put("Resources", Map.of(LOGICAL_ID, Map.of("Type", TYPE, "Properties", properties)));
        document.put("Outputs", Map.of(
                ID_OUTPUT, Map.of("Value", Map.of("Fn::GetAtt", List.of(LOGICAL_ID, "Id"))),
                ARN_OUTPUT, Map.of("Value", Map.of("Fn::GetAtt", List.of(LOGICAL_ID, "Arn")))));
        return GSON.toJson(JobTemplateDocument.canonical(document));
    }

    /** The first 8 hex digits of the SHA-256 of a rendered template: part of the stack's name. */
    public static String contentHash(String templateBody) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256").digest(templateBody.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
