package io.bigdatastack.emr;

import com.pulumi.aws.cloudformation.Stack;
import com.pulumi.aws.cloudformation.StackArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.emrcontainers.VirtualCluster;
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
     * Defaults of the team's LimitRange, for a container that states no requests (Spark's driver and executor pods
     * always state theirs, from spark.driver/executor.memory and cores). No default CPU limit: Spark sets none unless
     * asked, and a default would throttle every executor to it. The maximum keeps one container below the default
     * node size (m5.xlarge: 4 vCPU, 16 GiB) less what the kubelet and system pods reserve, so no single pod takes a
     * whole node. https://kubernetes.io/docs/concepts/policy/limit-range/
     */
    static final Map<String, String> DEFAULT_REQUEST = sorted(Map.of("cpu", "250m", "memory", "512Mi"));
    static final Map<String, String> DEFAULT_LIMIT = sorted(Map.of("memory", "1Gi"));
    static final Map<String, String> MAX_PER_CONTAINER = sorted(Map.of("cpu", "3", "memory", "12Gi"));

    /** Map.of iterates differently per JVM; plans must be identical on every run. */
    private static Map<String, String> sorted(Map<String, String> map) {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(map));
    }

    record Outputs(Output<String> namespace, Output<String> virtualClusterId, Output<String> jobRoleArn,
                   Output<String> jobTemplateId, Output<String> sampleJobCommand) {
    }

    private TeamResources() {
    }

    /** Where the tables of a team's Glue database live by default, under its data prefix: {@code warehouse/}. */
    static final String GLUE_WAREHOUSE_PREFIX = "warehouse/";

    static Outputs create(String name, Resource parent, EmrOnEksArgs args, TeamSpec team, BucketV2 bucket, LogGroup logGroup,
                          Stateful namespaceEntry, Stateful virtualClusterEntry, Stateful glueDatabaseEntry) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var protect = args.protectStatefulResources();
        var tags = args.tags();

        // --- Namespace, through the cluster's provider (never an ambient kubeconfig) ---
        var namespaceResource = new Namespace(name + "-namespace", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(team.namespace())
                        // Job submitters must not start privileged or host-network pods (PodSecurity explains the level).
                        .labels(Tags.with(PodSecurity.baselineEnforcedRestrictedWarned(), "app.kubernetes.io/managed-by", "pulumi"))
                        .build())
                .build(), namespaceEntry.options(protect, parent).provider(args.kubernetesProvider()).build());
        var namespace = namespaceResource.metadata().applyValue(m -> m.name().orElseThrow());
        var inNamespace = CustomResourceOptions.builder().parent(parent).provider(args.kubernetesProvider()).build();

        new LimitRange(name + "-limits", LimitRangeArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("team-defaults").namespace(namespace).build())
                .spec(LimitRangeSpecArgs.builder().limits(LimitRangeItemArgs.builder()
                        .type("Container")
                        .defaultRequest(DEFAULT_REQUEST)
                        .default_(DEFAULT_LIMIT)
                        .max(MAX_PER_CONTAINER)
                        .build()).build())
                .build(), inNamespace);
        if (team.cpuQuota().isPresent() || team.memoryQuota().isPresent()) {
            // A quota on requests and limits: the namespace's jobs together never hold more than the team's share; pods
            // beyond it are refused at admission (https://kubernetes.io/docs/concepts/policy/resource-quotas/), and the
            // LimitRange above gives request-less pods the values the quota needs.
            var hard = new LinkedHashMap<String, String>();
            team.cpuQuota().ifPresent(cpu -> { hard.put("requests.cpu", cpu); hard.put("limits.cpu", cpu); });
            team.memoryQuota().ifPresent(memory -> { hard.put("requests.memory", memory); hard.put("limits.memory", memory); });
            new ResourceQuota(name + "-quota", ResourceQuotaArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("team-quota").namespace(namespace).build())
                    .spec(ResourceQuotaSpecArgs.builder().hard(hard).build())
                    .build(), inNamespace);
        }

        // --- Job execution role, trusted only from this team's namespace ---
        var trust = Output.tuple(args.oidcProviderArn(), args.oidcIssuerUrl(), args.accountId(), args.clusterArn())
                .applyValue(t -> JobRolePolicies.trust(args.jobRoleBinding(), t.t1, t.t2, team.namespace(), t.t3, team.jobRoleName(), t.t4)
                        .toJson());
        var permissions = Output.tuple(bucket.arn(), logGroup.arn(), args.scope())
                .applyValue(t -> JobRolePolicies.permissions(t.t1, team.dataPrefix(), team.readBuckets(), t.t2, team.glueGrant(args.namePrefix()),
                        t.t3).toJson());
        var jobRole = IamRole.builder(name + "-job-role", team.jobRoleName(), parent)
                .description("EMR on EKS job execution role of namespace " + team.namespace() + " (" + args.namePrefix() + ")")
                .trust(trust)
                .tags(tags)
                .inlinePolicy(name + "-job-role-access", "emr-job-access", team.secretReadBuckets() ? permissions.asSecret() : permissions)
                .build();
        var role = jobRole.role();
        var rolePolicy = jobRole.grants().get(0);

        // --- The team's own Glue database: the only one its role may write (JobRolePolicies.glueStatements) ---
        if (team.glueCatalogAccess()) {
            var databaseName = team.glueDatabase(args.namePrefix());
            new CatalogDatabase(name + "-glue-database", CatalogDatabaseArgs.builder()
                    .name(databaseName)
                    .description("Tables of the Spark jobs of namespace " + team.namespace() + " (" + args.namePrefix() + ")")
                    // Tables created without a LOCATION land under the team's prefix, which its role writes.
                    .locationUri(bucket.bucket().applyValue(b -> "s3://" + b + "/" + team.dataPrefix().orElse("") + GLUE_WAREHOUSE_PREFIX))
                    .tags(tags)
                    .build(), glueDatabaseEntry.options(protect, parent).build());
        }

        // What a job needs in place before it can start: the role's permissions, its pod templates, and its Pod
        // Identity associations.
        var jobPrerequisites = new ArrayList<Resource>(List.of(rolePolicy));
        // --- Pod templates under the team's prefix (its role reads them; EMR reads them as the job role) ---
        var dataPrefix = team.dataPrefix().orElse("");
        for (var priority : SparkPriority.values()) {
            jobPrerequisites.add(new BucketObjectv2(name + "-pod-template-" + priority.jobClass() + "-" + priority.sparkRole(),
                    BucketObjectv2Args.builder()
                            .bucket(bucket.id())
                            .key(priority.podTemplateKey(dataPrefix))
                            .content(priority.podTemplate())
                            .contentType("application/yaml")
                            .tags(tags)
                            .build(), child));
        }
        if (args.jobRoleBinding().usesPodIdentity()) {
            // The associations `aws emr-containers create-role-associations` would make for Spark; the
            // eks-pod-identity-agent add-on (installed by EksCluster) hands the credentials to the pods.
            var serviceAccounts = args.accountId().applyValue(account -> JobRolePolicies.podIdentityServiceAccounts(account, team.jobRoleName()));
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
                .name(EmrNames.virtualClusterName(args.namePrefix(), team.namespace()))
                .containerProvider(VirtualClusterContainerProviderArgs.builder()
                        .id(args.clusterName())
                        .type("EKS")
                        .info(VirtualClusterContainerProviderInfoArgs.builder()
                                .eksInfo(VirtualClusterContainerProviderInfoEksInfoArgs.builder().namespace(namespace).build())
                                .build())
                        .build())
                .tags(tags)
                .build(), virtualClusterEntry.options(protect, parent).dependsOn(namespaceResource)
                // Named from the stack: a replacement (another cluster) retires the old one first.
                .deleteBeforeReplace(true).build());

        // --- Job template: the platform's settings enforced, entry point and executor count as parameters ---
        // A CloudFormation stack holds it: only CloudFormation can declare its ${Param}s (see JobTemplateDocument).
        // AWS::EMRContainers::JobTemplate is a recent type, so a stack can leave it out (jobTemplate: false) in a
        // Region that lacks it; turning it off later deletes the template.
        var templatePrefix = team.dataPrefix().isPresent() ? args.namePrefix() + "-" + team.name() : args.namePrefix();
        Output<String> jobTemplateId;
        if (args.jobTemplate()) {
            var jobTemplate = new Stack(name + "-job-template", StackArgs.builder()
                    .name(EmrNames.jobTemplateStackName(templatePrefix))
                    .templateBody(Output.tuple(role.arn(), logGroup.name(), bucket.bucket()).applyValue(t ->
                            JobTemplateDocument.render(templatePrefix, t.t1, args.releaseLabel(), t.t2, team.logStreamPrefix(),
                                    s3LogUri(team, t.t3), t.t3, dataPrefix, tags)))
                    // A failed first create leaves nothing behind to block the next attempt.
                    .onFailure("DELETE")
                    .tags(tags)
                    .build(), CustomResourceOptions.builder().parent(parent)
                    // A job started from the template must find its role's permissions and bindings in place.
                    .dependsOn(jobPrerequisites)
                    .build());
            jobTemplateId = jobTemplate.outputs().applyValue(outputs -> outputs.get(JobTemplateDocument.ID_OUTPUT));
        } else {
            jobTemplateId = Output.of(EmrOnEks.NO_JOB_TEMPLATE);
        }

        var sampleJobCommand = Output.tuple(virtualCluster.id(), role.arn(), logGroup.name(), bucket.bucket())
                .applyValue(t -> SampleSparkJob.startJobRunCommand(t.t1, t.t2, args.releaseLabel(), args.region(),
                        // The sample is an ad hoc job: it runs under the team's ad hoc pod templates.
                        SparkPriority.podTemplateConfs(t.t4, dataPrefix, SparkPriority.DEFAULT_JOB_CLASS),
                        SampleSparkJob.configurationOverrides(t.t3, team.logStreamPrefix(), s3LogUri(team, t.t4))));
        return new Outputs(namespace, virtualCluster.id(), role.arn(), jobTemplateId, sampleJobCommand);
    }

    /** Today's {@code s3://<bucket>/logs/} for the default team, {@code s3://<bucket>/teams/<team>/logs/} for a team. */
    static String s3LogUri(TeamSpec team, String bucketName) {
        return EmrNames.s3LogUri(bucketName, team.dataPrefix().orElse(""));
    }
}
