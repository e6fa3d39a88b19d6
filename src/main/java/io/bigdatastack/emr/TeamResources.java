package io.bigdatastack.emr;

import com.pulumi.aws.cloudformation.Stack;
import com.pulumi.aws.cloudformation.StackArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.emrcontainers.VirtualCluster;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.glue.CatalogDatabase;
import com.pulumi.aws.glue.CatalogDatabaseArgs;
import com.pulumi.aws.emrcontainers.VirtualClusterArgs;
import com.pulumi.aws.emrcontainers.inputs.VirtualClusterContainerProviderArgs;
import com.pulumi.aws.emrcontainers.inputs.VirtualClusterContainerProviderInfoArgs;
import com.pulumi.aws.emrcontainers.inputs.VirtualClusterContainerProviderInfoEksInfoArgs;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.LimitRange;
import com.pulumi.kubernetes.core.v1.LimitRangeArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ResourceQuota;
import com.pulumi.kubernetes.core.v1.ResourceQuotaArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeItemArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceQuotaSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.bigdatastack.iam.IamRole;
import io.bigdatastack.cluster.PodSecurity;
import io.bigdatastack.naming.Tags;
import io.bigdatastack.protection.Stateful;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources of one data team, created under {@code parent}: namespace (Pod Security labels, LimitRange, and a
 * ResourceQuota when quotas are given), job execution role trusted only from that namespace, its S3 and log access,
 * Pod Identity associations, virtual cluster, job template and sample command. {@link EmrOnEks} uses it for the one
 * default team of a stack without {@code teams} (under itself, so today's URNs stay), {@link EmrTeam} for each team of
 * {@code teams}.
 */
final class TeamResources {

    /**
     * Defaults of the team's LimitRange, for a container that states no requests or memory limit (Spark's driver and
     * executor containers state theirs; EMR's logging sidecars and job submitter need these). Deliberately no CPU
     * default limit and no CPU maximum: for a Container item, Kubernetes makes {@code max} the default limit of a
     * container that states none (https://kubernetes.io/docs/concepts/policy/limit-range/), so any CPU maximum would cap
     * every Spark container that sets no CPU limit; Spark is sized by requests and a CPU limit only throttles it. The
     * memory maximum is the allocatable memory of the largest node the stack can launch (EmrOnEksArgs), so it never caps
     * a container below what a node holds and refuses at admission one no node could ever run.
     */
    static final Map<String, String> DEFAULT_REQUEST = sorted(Map.of(
            "cpu", SparkJobDefaults.DEFAULT_REQUEST_CPU_MILLIS + "m", "memory", SparkJobDefaults.DEFAULT_REQUEST_MEMORY_MIB + "Mi"));
    static final Map<String, String> DEFAULT_LIMIT = sorted(Map.of("memory", SparkJobDefaults.DEFAULT_LIMIT_MEMORY_MIB / 1024 + "Gi"));

    /** Map.of iterates differently per JVM; plans must be identical on every run. */
    private static Map<String, String> sorted(Map<String, String> map) {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(map));
    }

    /**
     * What the component hands back for one team; the last five are what a team needs to run its own job: where its
     * code goes ({@code s3://<bucket>/<code prefix>}), where its logs land, and the managed policy that lets a person or
     * CI submit its jobs.
     */
    record Outputs(Output<String> namespace, Output<String> virtualClusterId, Output<String> jobRoleArn,
                   Output<String> jobTemplateId, Output<String> sampleJobCommand, Output<String> bucket, String codePrefix,
                   Output<String> s3LogUri, Output<String> logGroupName, String logStreamPrefix, Output<String> submitterPolicyArn) {
    }

    private TeamResources() {
    }

    /** Where the tables of a team's Glue database live by default, under its data prefix: {@code warehouse/}. */
    static final String GLUE_WAREHOUSE_PREFIX = "warehouse/";

    static Outputs create(String name, Resource parent, EmrOnEksArgs args, TeamSpec team, BucketV2 bucket, LogGroup logGroup,
                          Stateful namespaceEntry, Stateful virtualClusterEntry, Stateful glueDatabaseEntry) {
        var tags = args.tags();
        // A team of `teams` tags its own resources with its name: billing attributes them to the team (io.bigdatastack.cost).
        // Not the job template's stack: its tags reach the template, which CloudFormation can only replace.
        var teamTags = team.dataPrefix().isPresent() ? Tags.with(tags, io.bigdatastack.naming.StackNaming.TAG_TEAM, team.name()) : tags;
        var ctx = new TeamContext(name, parent, CustomResourceOptions.builder().parent(parent).build(), args, team, bucket, logGroup,
                args.protectStatefulResources(), tags, teamTags, team.dataPrefix().orElse(""));

        var namespaceResource = namespace(ctx, namespaceEntry);
        var namespace = namespaceResource.metadata().applyValue(m -> m.name().orElseThrow());
        limits(ctx, namespace);
        var jobRole = jobRole(ctx);
        var role = jobRole.role();
        glueDatabase(ctx, glueDatabaseEntry);
        // What a job needs in place before it can start: the role's permissions, its pod templates, and its Pod
        // Identity associations.
        var jobPrerequisites = new ArrayList<Resource>(List.of(jobRole.grants().get(0)));
        jobPrerequisites.addAll(podTemplates(ctx));
        jobPrerequisites.addAll(podIdentityAssociations(ctx, namespace, role));
        var virtualCluster = virtualCluster(ctx, namespaceResource, namespace, virtualClusterEntry);
        var settings = new JobTemplateDocument.JobSettings(args.sparkPlacement(),
                SparkJobDefaults.defaultMaxExecutors(team.cpuQuotaMillis(), team.memoryQuotaMebibytes(), args.executorSlots()));
        var jobTemplate = jobTemplate(ctx, role, settings, jobPrerequisites);
        var sampleJobCommand = sampleJobCommand(ctx, virtualCluster, role, settings);
        var submitterPolicy = submitterPolicy(ctx, virtualCluster, role, jobTemplate.arn());
        return new Outputs(namespace, virtualCluster.id(), role.arn(), jobTemplate.id(), sampleJobCommand, bucket.bucket(), team.codePrefix(),
                bucket.bucket().applyValue(b -> s3LogUri(team, b)), logGroup.name(), team.logStreamPrefix(), submitterPolicy.arn());
    }

    /**
     * What every step of {@link #create} shares for one team.
     *
     * @param name       the logical name prefix of the team's resources
     * @param parent     the component the resources are created under
     * @param child      options of a plain child of {@code parent}
     * @param args       the EMR on EKS component's inputs
     * @param team       the team
     * @param bucket     the stack's bucket (the team's data under its prefix)
     * @param logGroup   the stack's job log group
     * @param protect    whether stateful resources are protected from delete
     * @param tags       the stack's tags
     * @param teamTags   the stack's tags plus the team's tag for a team of {@code teams}
     * @param dataPrefix the team's data prefix, empty for the original team
     */
    private record TeamContext(String name, Resource parent, CustomResourceOptions child, EmrOnEksArgs args, TeamSpec team,
                               BucketV2 bucket, LogGroup logGroup, boolean protect, Map<String, String> tags,
                               Map<String, String> teamTags, String dataPrefix) {
    }

    /**
     * The job template's ID and ARN (empty without a template).
     *
     * @param id  the template's ID, or {@link EmrOnEks#NO_JOB_TEMPLATE}
     * @param arn the template's ARN, empty without a template
     */
    private record JobTemplateRef(Output<String> id, Output<java.util.Optional<String>> arn) {
    }

    /** Builds the team's namespace, through the cluster's provider (never an ambient kubeconfig). */
    private static Namespace namespace(TeamContext ctx, Stateful namespaceEntry) {
        var args = ctx.args();
        return new Namespace(ctx.name() + "-namespace", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(ctx.team().namespace())
                        // Job submitters must not start privileged or host-network pods (PodSecurity explains the level).
                        .labels(Tags.with(PodSecurity.baselineEnforcedRestrictedWarned(), "app.kubernetes.io/managed-by", "pulumi"))
                        .build())
                .build(), namespaceEntry.options(ctx.protect(), ctx.parent()).provider(args.kubernetesProvider()).build());
    }

    /** Builds the namespace's LimitRange and, when the team has quotas, its ResourceQuota. */
    private static void limits(TeamContext ctx, Output<String> namespace) {
        var name = ctx.name();
        var team = ctx.team();
        var args = ctx.args();
        var inNamespace = CustomResourceOptions.builder().parent(ctx.parent()).provider(args.kubernetesProvider()).build();

        var limitItem = LimitRangeItemArgs.builder()
                .type("Container")
                .defaultRequest(DEFAULT_REQUEST)
                .default_(DEFAULT_LIMIT);
        args.maxContainerMemoryMebibytes().ifPresent(mebibytes -> limitItem.max(Map.of("memory", mebibytes + "Mi")));
        new LimitRange(name + "-limits", LimitRangeArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("team-defaults").namespace(namespace).build())
                .spec(LimitRangeSpecArgs.builder().limits(limitItem.build()).build())
                .build(), inNamespace);
        if (team.cpuQuota().isPresent() || team.memoryQuota().isPresent()) {
            // A quota on what Spark sizes by: CPU requests, memory requests and memory limits (Spark sets a memory limit
            // equal to the request). Not limits.cpu: it would force a CPU limit on every container, which only
            // throttles Spark. The namespace's jobs together never hold more than the team's share; pods beyond it are
            // refused at admission (https://kubernetes.io/docs/concepts/policy/resource-quotas/), and the LimitRange
            // above gives request-less pods the values the quota needs.
            var hard = new LinkedHashMap<String, String>();
            team.cpuQuota().ifPresent(cpu -> hard.put("requests.cpu", cpu));
            team.memoryQuota().ifPresent(memory -> { hard.put("requests.memory", memory); hard.put("limits.memory", memory); });
            new ResourceQuota(name + "-quota", ResourceQuotaArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("team-quota").namespace(namespace).build())
                    .spec(ResourceQuotaSpecArgs.builder().hard(hard).build())
                    .build(), inNamespace);
        }
    }

    /** Builds the job execution role, trusted only from this team's namespace, with its S3, log and Glue access. */
    private static IamRole jobRole(TeamContext ctx) {
        var team = ctx.team();
        var args = ctx.args();
        var trust = Output.tuple(args.oidcProviderArn(), args.oidcIssuerUrl(), args.accountId(), args.clusterArn())
                .applyValue(t -> JobRolePolicies.trust(args.jobRoleBinding(), t.t1, t.t2, team.namespace(), t.t3, team.jobRoleName(), t.t4)
                        .toJson());
        var permissions = Output.tuple(ctx.bucket().arn(), ctx.logGroup().arn(), args.scope())
                .applyValue(t -> JobRolePolicies.permissions(t.t1, team.dataPrefix(), team.readBuckets(), t.t2, team.glueGrant(args.namePrefix()),
                        t.t3).toJson());
        return IamRole.builder(ctx.name() + "-job-role", team.jobRoleName(), ctx.parent())
                .description("EMR on EKS job execution role of namespace " + team.namespace() + " (" + args.namePrefix() + ")")
                .trust(trust)
                .tags(ctx.teamTags())
                .inlinePolicy(ctx.name() + "-job-role-access", "emr-job-access", team.secretReadBuckets() ? permissions.asSecret() : permissions)
                .build();
    }

    /** Builds the team's own Glue database (when it has catalog access): the only one its role may write (JobRolePolicies.glueStatements). */
    private static void glueDatabase(TeamContext ctx, Stateful glueDatabaseEntry) {
        var team = ctx.team();
        var args = ctx.args();
        if (team.glueCatalogAccess()) {
            var databaseName = team.glueDatabase(args.namePrefix());
            new CatalogDatabase(ctx.name() + "-glue-database", CatalogDatabaseArgs.builder()
                    .name(databaseName)
                    .description("Tables of the Spark jobs of namespace " + team.namespace() + " (" + args.namePrefix() + ")")
                    // Tables created without a LOCATION land under the team's prefix, which its role writes.
                    .locationUri(ctx.bucket().bucket().applyValue(b -> "s3://" + b + "/" + team.dataPrefix().orElse("") + GLUE_WAREHOUSE_PREFIX))
                    .tags(ctx.tags())
                    .build(), glueDatabaseEntry.options(ctx.protect(), ctx.parent()).build());
        }
    }

    /** Builds the pod templates under the team's prefix (its role reads them; EMR reads them as the job role). */
    private static List<Resource> podTemplates(TeamContext ctx) {
        var templates = new ArrayList<Resource>();
        for (var priority : SparkPriority.values()) {
            templates.add(new BucketObjectv2(ctx.name() + "-pod-template-" + priority.jobClass() + "-" + priority.sparkRole(),
                    BucketObjectv2Args.builder()
                            .bucket(ctx.bucket().id())
                            .key(priority.podTemplateKey(ctx.dataPrefix()))
                            .content(priority.podTemplate(ctx.args().sparkPlacement()))
                            .contentType("application/yaml")
                            .tags(ctx.teamTags())
                            .build(), ctx.child()));
        }
        return templates;
    }

    /** Builds the Pod Identity associations of Spark's service accounts with the job role (none under IRSA). */
    private static List<Resource> podIdentityAssociations(TeamContext ctx, Output<String> namespace, Role role) {
        var args = ctx.args();
        var team = ctx.team();
        var associations = new ArrayList<Resource>();
        if (args.jobRoleBinding().usesPodIdentity()) {
            // The associations `aws emr-containers create-role-associations` would make for Spark; the
            // eks-pod-identity-agent add-on (installed by EksCluster) hands the credentials to the pods.
            var serviceAccounts = args.accountId().applyValue(account -> JobRolePolicies.podIdentityServiceAccounts(account, team.jobRoleName()));
            for (int i = 0; i < JobRolePolicies.SPARK_COMPONENTS.size(); i++) {
                final int index = i;
                associations.add(new PodIdentityAssociation(ctx.name() + "-pod-identity-spark-" + JobRolePolicies.SPARK_COMPONENTS.get(i),
                        PodIdentityAssociationArgs.builder()
                                .clusterName(args.clusterName())
                                .namespace(namespace)
                                .serviceAccount(serviceAccounts.applyValue(accounts -> accounts.get(index)))
                                .roleArn(role.arn())
                                .tags(ctx.teamTags())
                                .build(), ctx.child()));
            }
        }
        return associations;
    }

    /** Builds the virtual cluster: EMR registers the namespace and creates its access entry. */
    private static VirtualCluster virtualCluster(TeamContext ctx, Namespace namespaceResource, Output<String> namespace,
                                                 Stateful virtualClusterEntry) {
        var args = ctx.args();
        return new VirtualCluster(ctx.name() + "-virtual-cluster", VirtualClusterArgs.builder()
                .name(EmrNames.virtualClusterName(args.namePrefix(), ctx.team().namespace()))
                .containerProvider(VirtualClusterContainerProviderArgs.builder()
                        .id(args.clusterName())
                        .type("EKS")
                        .info(VirtualClusterContainerProviderInfoArgs.builder()
                                .eksInfo(VirtualClusterContainerProviderInfoEksInfoArgs.builder().namespace(namespace).build())
                                .build())
                        .build())
                .tags(ctx.teamTags())
                .build(), virtualClusterEntry.options(ctx.protect(), ctx.parent()).dependsOn(namespaceResource)
                // Named from the stack: a replacement (another cluster) retires the old one first.
                .deleteBeforeReplace(true).build());
    }

    /**
     * Builds the job template (the platform's settings enforced, entry point and executor count as parameters) in a
     * CloudFormation stack, or nothing when {@code jobTemplate} is off.
     */
    private static JobTemplateRef jobTemplate(TeamContext ctx, Role role, JobTemplateDocument.JobSettings settings,
                                              List<Resource> jobPrerequisites) {
        var args = ctx.args();
        var team = ctx.team();
        var tags = ctx.tags();
        // A CloudFormation stack holds it: only CloudFormation can declare its ${Param}s (see JobTemplateDocument).
        // AWS::EMRContainers::JobTemplate is a recent type, so a stack can leave it out (jobTemplate: false) in a
        // Region that lacks it; turning it off later deletes the template.
        var templatePrefix = team.dataPrefix().isPresent() ? args.namePrefix() + "-" + team.name() : args.namePrefix();
        if (!args.jobTemplate()) {
            return new JobTemplateRef(Output.of(EmrOnEks.NO_JOB_TEMPLATE), Output.of(java.util.Optional.empty()));
        }
        var jobTemplate = new Stack(ctx.name() + "-job-template", StackArgs.builder()
                .name(EmrNames.jobTemplateStackName(templatePrefix))
                .templateBody(Output.tuple(role.arn(), ctx.logGroup().name(), ctx.bucket().bucket()).applyValue(t ->
                        JobTemplateDocument.render(templatePrefix, t.t1, args.releaseLabel(), t.t2, team.logStreamPrefix(),
                                s3LogUri(team, t.t3), t.t3, ctx.dataPrefix(), settings, tags)))
                // A failed first create leaves nothing behind to block the next attempt.
                .onFailure("DELETE")
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(ctx.parent())
                // A job started from the template must find its role's permissions and bindings in place.
                .dependsOn(jobPrerequisites)
                .build());
        return new JobTemplateRef(jobTemplate.outputs().applyValue(outputs -> outputs.get(JobTemplateDocument.ID_OUTPUT)),
                jobTemplate.outputs().applyValue(outputs -> java.util.Optional.ofNullable(outputs.get(JobTemplateDocument.ARN_OUTPUT))));
    }

    /** Builds the team's sample {@code start-job-run} command (an ad hoc job, under the ad hoc pod templates). */
    private static Output<String> sampleJobCommand(TeamContext ctx, VirtualCluster virtualCluster, Role role,
                                                   JobTemplateDocument.JobSettings settings) {
        var args = ctx.args();
        var team = ctx.team();
        return Output.tuple(virtualCluster.id(), role.arn(), ctx.logGroup().name(), ctx.bucket().bucket())
                .applyValue(t -> SampleSparkJob.startJobRunCommand(t.t1, t.t2, args.releaseLabel(), args.region(), args.sparkPlacement(),
                        // The sample is an ad hoc job: it runs under the team's ad hoc pod templates.
                        SparkPriority.podTemplateConfs(t.t4, ctx.dataPrefix(), SparkPriority.DEFAULT_JOB_CLASS),
                        SampleSparkJob.configurationOverrides(SampleSparkJob.applicationConfiguration(args.sparkPlacement(),
                                settings.defaultMaxExecutors()), t.t3, team.logStreamPrefix(), s3LogUri(team, t.t4))));
    }

    /**
     * Builds the submitter policy: what a person or CI needs to run this team's jobs, and nothing else. A customer
     * managed policy the stack creates and outputs; nothing attaches it (who submits is the account's business):
     * {@code aws iam attach-role-policy} / {@code attach-group-policy} with its ARN (docs/spark-jobs.md).
     */
    private static Policy submitterPolicy(TeamContext ctx, VirtualCluster virtualCluster, Role role,
                                          Output<java.util.Optional<String>> jobTemplateArn) {
        var args = ctx.args();
        var team = ctx.team();
        var submitterDocument = Output.tuple(virtualCluster.arn(), role.arn(), jobTemplateArn, ctx.bucket().arn(), ctx.logGroup().arn())
                .applyValue(t -> SubmitterPolicies.document(team, t.t1, t.t2, t.t3, t.t4, t.t5).toJson());
        return new Policy(ctx.name() + "-submitter-policy", PolicyArgs.builder()
                .name(SubmitterPolicies.policyName(args.namePrefix(), team))
                .description("Start and watch EMR on EKS jobs of " + team.namespace() + " (" + args.namePrefix() + ") with its job role only")
                .policy(submitterDocument)
                .tags(ctx.tags())
                .build(), ctx.child());
    }

    /** Today's {@code s3://<bucket>/logs/} for the default team, {@code s3://<bucket>/teams/<team>/logs/} for a team. */
    static String s3LogUri(TeamSpec team, String bucketName) {
        return EmrNames.s3LogUri(bucketName, team.dataPrefix().orElse(""));
    }
}
