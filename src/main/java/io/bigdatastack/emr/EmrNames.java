package io.bigdatastack.emr;

import io.bigdatastack.naming.PhysicalNames;

/**
 * Physical names of the EMR on EKS resources, derived from the stack's name prefix ({@code <project>-<stack>}) so
 * that two stacks in one account never collide (the reference app hard-coded {@code emr_eks_default_role}).
 *
 * <p>Pure functions: {@code StackConfig} validates the derived names before anything is registered, the composition
 * root and the component use the same ones.
 */
public final class EmrNames {

    /** A team's job execution role: named for the team, so that IAM and CloudTrail say whose jobs ran. */
    public static String teamJobRoleName(String namePrefix, String team) {
        return namePrefix + "-" + team + "-emr-job";
    }

    /** S3 key prefix of the Spark event logs and container logs EMR uploads; the lifecycle rule expires it. */
    public static final String LOGS_PREFIX = "logs/";

    private EmrNames() {
    }

    /**
     * The job execution role's name. It must be known before the role exists: its base36 form is part of the
     * service-account names the trust policy and Pod Identity associations match.
     */
    public static String jobRoleName(String namePrefix) {
        return PhysicalNames.role(namePrefix, "emr-job");
    }

    /** The job bucket, e.g. {@code big-data-stack-dev-emr-123456789012}: named like every bucket of the program. */
    public static String jobBucketName(String namePrefix, String accountId) {
        return PhysicalNames.bucket(namePrefix, "emr", accountId);
    }

    /** CloudWatch log group of the Spark drivers and executors. */
    public static String jobLogGroupName(String namePrefix) {
        return "/aws/emr-containers/" + namePrefix + "/jobs";
    }

    /** EMR's CreateVirtualCluster name limit. */
    public static final int MAX_VIRTUAL_CLUSTER_NAME = 64;

    public static String virtualClusterName(String namePrefix, String namespace) {
        return namePrefix + "-" + namespace;
    }

    public static String jobTemplateName(String namePrefix) {
        return namePrefix + "-" + SampleSparkJob.NAME;
    }

    /** The CloudFormation stack holding the job template: stack names allow only letters, digits and hyphens. */
    public static String jobTemplateStackName(String namePrefix) {
        return jobTemplateName(namePrefix).replaceAll("[^A-Za-z0-9-]", "-");
    }

    /** The interactive endpoint's name: letters, digits, '-' and '_' only (AWS::EMRContainers::Endpoint Name pattern). */
    public static String studioEndpointName(String namePrefix) {
        return (namePrefix + "-workspaces").replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** Where EMR uploads a job's logs: {@code s3://<bucket>/logs/}. */
    public static String s3LogUri(String bucketName) {
        return s3LogUri(bucketName, "");
    }

    /** Where EMR uploads job logs under a data prefix: {@code s3://<bucket>/<dataPrefix>logs/} ({@code teams/<team>/}). */
    public static String s3LogUri(String bucketName, String dataPrefix) {
        return "s3://" + bucketName + "/" + dataPrefix + LOGS_PREFIX;
    }

    /**
     * The Glue Data Catalog database of a team's jobs: {@code <project>_<stack>} for the one default team of a stack
     * without {@code teams}, {@code <project>_<stack>__<team>} for a team. Lower case, letters, digits and underscores
     * only, the form Athena and Hive accept (https://docs.aws.amazon.com/athena/latest/ug/tables-databases-columns-names.html);
     * the double underscore cannot occur inside a team name (an RFC 1123 label), so a stack's team never takes another
     * stack's database name.
     */
    public static String glueDatabaseName(String namePrefix, java.util.Optional<String> team) {
        var stackPart = namePrefix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        return team.map(t -> stackPart + "__" + t.replace('-', '_')).orElse(stackPart);
    }

    /** Glue's limit on a database name (CreateDatabase DatabaseInput.Name: 1 to 255 characters). */
    public static final int MAX_GLUE_DATABASE_NAME = 255;
}
