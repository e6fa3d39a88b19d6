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
        this.jobRoleName = args.jobRoleName();

        // --- Namespace, through the cluster's provider (never an ambient kubeconfig) ---
        var namespaceResource = new Namespace(name + "-namespace", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(args.namespace())
                        // Job submitters must not start privileged or host-network pods (PodSecurity explains the level).
                        .labels(Tags.with(PodSecurity.baselineEnforcedRestrictedWarned(), "app.kubernetes.io/managed-by", "pulumi"))
                        .build())
                .build(), Stateful.EMR_NAMESPACE.options(protect, this).provider(args.kubernetesProvider()).build());
        this.namespace = namespaceResource.metadata().applyValue(m -> m.name().orElseThrow());

        // --- Job bucket: scripts, outputs, and the logs EMR uploads under logs/ ---
        var bucketName = args.accountId().applyValue(account -> EmrNames.jobBucketName(args.namePrefix(), account));
        var bucket = SecureBucket.create(name + "-job-bucket", bucketName, args.protectStatefulResources(),
                protect, Stateful.JOB_BUCKET, Stateful.JOB_BUCKET_SETTINGS, tags, this).bucket();
        this.jobBucketName = bucket.bucket();
        new BucketLifecycleConfigurationV2(name + "-job-bucket-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucket.id())
                .rules(
                        // S3 job logs live as long as their CloudWatch copy.
                        BucketLifecycleConfigurationV2RuleArgs.builder()
                                .id("expire-job-logs")
                                .status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix(EmrNames.LOGS_PREFIX).build())
                                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(args.logRetentionDays()).build())
                                .noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                        .noncurrentDays(1).build())
                                .build(),
                        // Failed Spark writes leave multipart uploads behind that are billed but invisible.
                        BucketLifecycleConfigurationV2RuleArgs.builder()
                                .id("abort-incomplete-multipart-uploads")
                                .status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                        .daysAfterInitiation(7).build())
                                .build())
                .build(), Stateful.JOB_BUCKET_SETTINGS.options(protect, this).build());

        // --- Log group: EMR writes container logs here; created first so retention is ours ---
        var logGroup = new LogGroup(name + "-job-logs", LogGroupArgs.builder()
                .name(EmrNames.jobLogGroupName(args.namePrefix()))
                .retentionInDays(args.logRetentionDays())
                .tags(tags)
                .build(), Stateful.JOB_LOGS.options(protect, this).build());
        this.logGroupName = logGroup.name();

        // --- Job execution role ---
        var trust = Output.tuple(args.oidcProviderArn(), args.oidcIssuerUrl(), args.accountId(), args.clusterArn())
                .applyValue(t -> JobRolePolicies.trust(args.jobRoleBinding(), t.t1, t.t2, args.namespace(), t.t3, args.jobRoleName(), t.t4)
                        .toJson());
        var role = new Role(name + "-job-role", RoleArgs.builder()
                .name(args.jobRoleName())
                .description("EMR on EKS job execution role of namespace " + args.namespace() + " (" + args.namePrefix() + ")")
                .assumeRolePolicy(trust)
                .tags(tags)
                .build(), child);
        this.jobRoleArn = role.arn();
        var permissions = Output.tuple(bucket.arn(), logGroup.arn(), args.accountId())
                .applyValue(t -> JobRolePolicies.permissions(t.t1, args.jobReadBuckets(), t.t2, args.glueCatalogAccess(),
                        args.region(), t.t3).toJson());
        var rolePolicy = new RolePolicy(name + "-job-role-access", RolePolicyArgs.builder()
                .name("emr-job-access")
                .role(role.id())
                .policy(args.secretJobReadBuckets() ? permissions.asSecret() : permissions)
                .build(), child);

        // What a job needs in place before it can start: the role's permissions, and its Pod Identity associations.
        var jobPrerequisites = new java.util.ArrayList<com.pulumi.resources.Resource>(List.of(rolePolicy));
        if (args.jobRoleBinding().usesPodIdentity()) {
            // The associations `aws emr-containers create-role-associations` would make for Spark; the
            // eks-pod-identity-agent add-on (installed by EksCluster) hands the credentials to the pods.
            var serviceAccounts = args.accountId().applyValue(account -> JobRolePolicies.podIdentityServiceAccounts(account, args.jobRoleName()));
            for (int i = 0; i < JobRolePolicies.SPARK_COMPONENTS.size(); i++) {
                final int index = i;
                jobPrerequisites.add(new PodIdentityAssociation(name + "-pod-identity-spark-" + JobRolePolicies.SPARK_COMPONENTS.get(i),
                        PodIdentityAssociationArgs.builder()
                                .clusterName(args.clusterName())
                                .namespace(namespace)
                                .serviceAccount(serviceAccounts.applyValue(accounts -> accounts.get(index)))
                                .roleArn(role.arn())
                                .tags(tags)
                                .build(), child));
            }
        }

        // --- Virtual cluster: EMR registers the namespace and creates its access entry ---
        var virtualCluster = new VirtualCluster(name + "-virtual-cluster", VirtualClusterArgs.builder()
                .name(EmrNames.virtualClusterName(args.namePrefix(), args.namespace()))
                .containerProvider(VirtualClusterContainerProviderArgs.builder()
                        .id(args.clusterName())
                        .type("EKS")
                        .info(VirtualClusterContainerProviderInfoArgs.builder()
                                .eksInfo(VirtualClusterContainerProviderInfoEksInfoArgs.builder().namespace(namespace).build())
                                .build())
                        .build())
                .tags(tags)
                .build(), Stateful.VIRTUAL_CLUSTER.options(protect, this).dependsOn(namespaceResource)
                // Named from the stack: a replacement (another cluster) retires the old one first.
                .deleteBeforeReplace(true).build());
        this.virtualClusterId = virtualCluster.id();

        // --- Job template: the platform's settings enforced, entry point and executor count as parameters ---
        // A CloudFormation stack holds it: only CloudFormation can declare its ${Param}s (see JobTemplateDocument).
        // AWS::EMRContainers::JobTemplate is a recent type, so a stack can leave it out (jobTemplate: false) in a
        // Region that lacks it; turning it off later deletes the template.
        if (args.jobTemplate()) {
            var jobTemplate = new Stack(name + "-job-template", StackArgs.builder()
                    .name(EmrNames.jobTemplateStackName(args.namePrefix()))
                    .templateBody(Output.tuple(role.arn(), logGroup.name(), bucket.bucket()).applyValue(t ->
                            JobTemplateDocument.render(args.namePrefix(), t.t1, args.releaseLabel(), t.t2, t.t3, tags)))
                    // A failed first create leaves nothing behind to block the next attempt.
                    .onFailure("DELETE")
                    .tags(tags)
                    .build(), CustomResourceOptions.builder().parent(this)
                    // A job started from the template must find its role's permissions and bindings in place.
                    .dependsOn(jobPrerequisites)
                    .build());
            this.jobTemplateId = jobTemplate.outputs().applyValue(outputs -> outputs.get(JobTemplateDocument.ID_OUTPUT));
        } else {
            this.jobTemplateId = Output.of(NO_JOB_TEMPLATE);
        }

        this.sampleJobCommand = Output.tuple(virtualCluster.id(), role.arn(), logGroup.name(), bucket.bucket())
                .applyValue(t -> SampleSparkJob.startJobRunCommand(t.t1, t.t2, args.releaseLabel(), args.region(), t.t3, t.t4));

        registerOutputs(Map.of(
                "namespace", namespace,
                "virtualClusterId", virtualClusterId,
                "jobRoleArn", jobRoleArn,
                "jobBucketName", jobBucketName,
                "logGroupName", logGroupName,
                "jobTemplateId", jobTemplateId,
                "sampleJobCommand", sampleJobCommand));
    }

    /** The Kubernetes namespace of the virtual cluster. */
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
