package io.bigdatastack.emr;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.cloudformation.Stack;
import com.pulumi.aws.cloudformation.StackArgs;
import com.pulumi.aws.emrcontainers.VirtualCluster;
import com.pulumi.aws.emrcontainers.VirtualClusterArgs;
import com.pulumi.aws.emrcontainers.inputs.VirtualClusterContainerProviderArgs;
import com.pulumi.aws.emrcontainers.inputs.VirtualClusterContainerProviderInfoArgs;
import com.pulumi.aws.emrcontainers.inputs.VirtualClusterContainerProviderInfoEksInfoArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.scheduling.v1.PriorityClass;
import com.pulumi.kubernetes.scheduling.v1.PriorityClassArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.bigdatastack.cluster.PodSecurity;
import io.bigdatastack.naming.Tags;
import io.bigdatastack.protection.Stateful;
import io.bigdatastack.storage.SecureBucket;

import java.util.List;
import java.util.Map;

/**
 * EMR on EKS for one namespace: the namespace, the job bucket and log group, a least-privilege job execution role,
 * the virtual cluster, and a job template for the sample Spark job.
 *
 * <p>Cluster access: the cluster runs in {@code API} authentication mode, so when the virtual cluster is created EMR
 * itself creates the access entry of its service-linked role {@code AWSServiceRoleForAmazonEMRContainers} and
 * associates {@code AmazonEMRJobPolicy} scoped to the namespace. We create no access entry (access entries cannot name
 * service-linked roles) and no RBAC objects; the identity running {@code pulumi up} needs the EKS access-entry
 * permissions listed in the README.
 * https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/setting-up-cluster-access.html
 */
public final class EmrOnEks extends ComponentResource {

    public static final String TYPE = "bigdata:emr:EmrOnEks";

    private final Output<String> namespace;
    private final Output<String> virtualClusterId;
    private final Output<String> jobRoleArn;
    private final String jobRoleName;
    private final Output<String> jobBucketName;
    private final Output<String> logGroupName;
    private final Output<String> jobTemplateId;
    private final Output<String> sampleJobCommand;

    public EmrOnEks(String name, EmrOnEksArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        // Data that must outlive a careless `pulumi destroy` in prod; in dev, destroy takes it along (Stateful).
        var protect = args.protectStatefulResources();
        var tags = args.tags();

        // --- Job bucket: scripts, outputs, and the logs EMR uploads under logs/ ---
        var bucketName = args.accountId().applyValue(account -> EmrNames.jobBucketName(args.namePrefix(), account));
        var bucket = SecureBucket.create(name + "-job-bucket", bucketName, args.protectStatefulResources(),
                protect, Stateful.JOB_BUCKET, Stateful.JOB_BUCKET_SETTINGS, tags, this).bucket();
        this.jobBucketName = bucket.bucket();
        new BucketLifecycleConfigurationV2(name + "-job-bucket-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(lifecycleRules(args))
                .build(), Stateful.JOB_BUCKET_SETTINGS.options(protect, this).build());

        // --- Log group: EMR writes container logs here; created first so retention is ours ---
        var logGroup = new LogGroup(name + "-job-logs", LogGroupArgs.builder()
                .name(EmrNames.jobLogGroupName(args.namePrefix()))
                .retentionInDays(args.logRetentionDays())
                .tags(tags)
                .build(), Stateful.JOB_LOGS.options(protect, this).build());
        this.logGroupName = logGroup.name();

        // --- Spark PriorityClasses (cluster-wide; the pod templates of every team name them) ---
        for (var priority : SparkPriority.values()) {
            new PriorityClass(name + "-priority-" + priority.jobClass() + "-" + priority.sparkRole(), PriorityClassArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(priority.className()).build())
                    .value(priority.value())
                    .globalDefault(false)
                    .description("Spark " + priority.sparkRole() + "s of " + priority.jobClass() + " jobs (big-data-stack SparkPriority)")
                    .build(), CustomResourceOptions.builder().parent(this).provider(args.kubernetesProvider()).build());
        }

        // --- Teams: one EmrTeam per team, built by the same code whether or not the stack sets `teams` ---
        var teamOutputs = new java.util.LinkedHashMap<String, TeamResources.Outputs>();
        for (var team : teamsOf(args)) {
            teamOutputs.put(team.name(), EmrTeam.create(name, this, args, team, bucket, logGroup).outputs());
        }
        this.teams = Map.copyOf(teamOutputs.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> new TeamOutputs(e.getValue().namespace(), e.getValue().virtualClusterId(),
                        e.getValue().jobRoleArn(), e.getValue().jobTemplateId(), e.getValue().sampleJobCommand(), e.getValue().bucket(),
                        e.getValue().codePrefix(), e.getValue().s3LogUri(), e.getValue().logGroupName(), e.getValue().logStreamPrefix(),
                        e.getValue().submitterPolicyArn()))));
        this.teamNames = List.copyOf(teamOutputs.keySet());
        var first = teamOutputs.values().iterator().next();
        this.namespace = first.namespace();
        this.virtualClusterId = first.virtualClusterId();
        this.jobRoleArn = first.jobRoleArn();
        this.jobTemplateId = first.jobTemplateId();
        this.sampleJobCommand = first.sampleJobCommand();
        this.jobRoleName = teamsOf(args).get(0).jobRoleName();

        registerOutputs(Map.of(
                "namespace", namespace,
                "virtualClusterId", virtualClusterId,
                "jobRoleArn", jobRoleArn,
                "jobBucketName", jobBucketName,
                "logGroupName", logGroupName,
                "jobTemplateId", jobTemplateId,
                "sampleJobCommand", sampleJobCommand));
    }

    /**
     * The teams to build: those of {@code args.teams()}, or, when none are given, the one team of the stack's
     * {@code emrNamespace}, role and read buckets (the stack's original team).
     */
    static List<TeamSpec> teamsOf(EmrOnEksArgs args) {
        if (!args.teams().isEmpty()) {
            return args.teams();
        }
        return List.of(new TeamSpec(args.namespace(), args.namespace(), args.jobRoleName(), java.util.Optional.empty(),
                args.jobReadBuckets(), args.glueCatalogAccess(), args.secretJobReadBuckets(), java.util.Optional.empty(),
                java.util.Optional.empty(), List.of(), args.glueReadDatabases(), java.util.OptionalLong.empty(), java.util.OptionalLong.empty()));
    }

    /**
     * Lifecycle rules of the job bucket: logs (today's {@code logs/}, or each team's {@code teams/<team>/logs/}) live as
     * long as their CloudWatch copy; incomplete multipart uploads go after a week.
     */
    private static List<BucketLifecycleConfigurationV2RuleArgs> lifecycleRules(EmrOnEksArgs args) {
        // The stack's original team (no data prefix) keeps logs/ and its rule ID; every other team its own prefix.
        var logPrefixes = teamsOf(args).stream().map(team -> team.dataPrefix().orElse("") + EmrNames.LOGS_PREFIX).toList();
        var rules = new java.util.ArrayList<BucketLifecycleConfigurationV2RuleArgs>();
        for (var logPrefix : logPrefixes) {
            rules.add(BucketLifecycleConfigurationV2RuleArgs.builder()
                    // The default team keeps its rule ID; a team's rule is named for its prefix.
                    .id(logPrefix.equals(EmrNames.LOGS_PREFIX) ? "expire-job-logs" : "expire-job-logs-" + logPrefix.replace('/', '-').replaceAll("-+$", ""))
                    .status("Enabled")
                    .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix(logPrefix).build())
                    .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(args.logRetentionDays()).build())
                    .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                            .noncurrentDays(1).build())
                    .build());
        }
        // Failed Spark writes leave multipart uploads behind that are billed but invisible.
        rules.add(BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("abort-incomplete-multipart-uploads")
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                        .daysAfterInitiation(7).build())
                .build());
        return rules;
    }

    /**
     * What jobs of one team need: its namespace, virtual cluster, role, job template and sample command; and to run its
     * own job: the job bucket, its code prefix there ({@code teams/<team>/jobs/}), its S3 log location, the log group
     * and its stream prefix, and the ARN of its submitter managed policy ({@link SubmitterPolicies}).
     */
    public record TeamOutputs(Output<String> namespace, Output<String> virtualClusterId, Output<String> jobRoleArn,
                              Output<String> jobTemplateId, Output<String> sampleJobCommand, Output<String> bucket, String codePrefix,
                              Output<String> s3LogUri, Output<String> logGroupName, String logStreamPrefix,
                              Output<String> submitterPolicyArn) {
    }

    private final Map<String, TeamOutputs> teams;
    private final List<String> teamNames;

    /** Every team's outputs by team name. */
    public Map<String, TeamOutputs> teams() { return teams; }

    /** The team names, in configuration order (the first is the team of the single-team outputs). */
    public List<String> teamNames() { return teamNames; }

    /** The Kubernetes namespace of the (first team's) virtual cluster. */
    public Output<String> namespace() { return namespace; }

    /** The virtual cluster's ID ({@code --virtual-cluster-id}). */
    public Output<String> virtualClusterId() { return virtualClusterId; }

    /** ARN of the job execution role ({@code --execution-role-arn}). */
    public Output<String> jobRoleArn() { return jobRoleArn; }

    /** Name of the job execution role. */
    public String jobRoleName() { return jobRoleName; }

    /** The bucket for job artifacts and logs. */
    public Output<String> jobBucketName() { return jobBucketName; }

    /** The CloudWatch log group of the jobs. */
    public Output<String> logGroupName() { return logGroupName; }

    /** What {@link #jobTemplateId()} holds when the stack has no job template. */
    public static final String NO_JOB_TEMPLATE = "no job template (big-data-stack:jobTemplate is false)";

    /** ID of the sample job's template ({@code --job-template-id}), or {@link #NO_JOB_TEMPLATE}. */
    public Output<String> jobTemplateId() { return jobTemplateId; }

    /** A ready-to-paste {@code aws emr-containers start-job-run} of the sample job. */
    public Output<String> sampleJobCommand() { return sampleJobCommand; }
}
