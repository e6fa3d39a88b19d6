package io.bigdatastack.stack;

import io.bigdatastack.naming.PhysicalNames;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.addons.ClusterAutoscaler;
import io.bigdatastack.addons.ClusterAutoscalerArgs;
import io.bigdatastack.addons.Dashboard;
import io.bigdatastack.addons.DashboardArgs;
import io.bigdatastack.addons.DashboardKind;
import io.bigdatastack.addons.AddonRoleBinding;
import io.bigdatastack.addons.Karpenter;
import io.bigdatastack.addons.KarpenterArgs;
import io.bigdatastack.addons.NodeProvisioner;
import io.bigdatastack.addons.LoadBalancerController;
import io.bigdatastack.addons.LoadBalancerControllerArgs;
import io.bigdatastack.cluster.EksCluster;
import io.bigdatastack.cluster.EksClusterArgs;
import io.bigdatastack.cluster.InstanceCapacity;
import io.bigdatastack.cluster.NodeGroupSpec;
import io.bigdatastack.config.ConfigKeys;
import io.bigdatastack.config.KubernetesQuantity;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.emr.EmrNames;
import io.bigdatastack.emr.EmrOnEks;
import io.bigdatastack.emr.EmrOnEksArgs;
import io.bigdatastack.emr.SparkJobDefaults;
import io.bigdatastack.emr.SparkPlacement;
import io.bigdatastack.emr.StudioEndpoint;
import io.bigdatastack.emr.StudioEndpointArgs;
import io.bigdatastack.emr.TeamSpec;
import io.bigdatastack.network.Network;
import io.bigdatastack.network.NetworkArgs;
import io.bigdatastack.studio.EmrStudio;
import io.bigdatastack.studio.EmrStudioArgs;
import io.bigdatastack.studio.StudioMember;
import io.bigdatastack.studio.TeamStudioAccess;

import io.bigdatastack.cost.CostAllocationTags;
import io.bigdatastack.cost.CostAllocationTagsArgs;
import io.bigdatastack.cost.CostReports;
import io.bigdatastack.cost.CostReportsArgs;
import io.bigdatastack.cost.TeamBudgets;
import io.bigdatastack.cost.TeamBudgetsArgs;
import io.bigdatastack.cost.TeamCostView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The composition root: turns a validated {@link StackConfig} into components and stack outputs. The same method
 * runs under {@code pulumi up} and under the offline {@code plan}; only the engine differs.
 *
 * <p>To add a node group or a component, this is the place: build its Args from config and wire its outputs.
 */
public final class BigDataStack {

    private BigDataStack() {
    }

    public static void define(Context ctx, StackConfig config) {
        var naming = config.naming();
        var basis = new Basis(ctx, config, naming.logicalPrefix(),
                naming.physical(""), // big-data-stack-<stack>: the start of every name AWS sees
                naming.commonTags(),
                AwsScope.lookup(config.region())); // the one lookup of partition and account, for every ARN

        var network = network(basis);
        var cluster = cluster(basis, network);
        nodeProvisioners(basis, network, cluster);
        dashboard(basis, cluster);
        var emr = emrOnEks(basis, cluster);
        exportPlatformOutputs(basis, network, cluster, emr);
        studioOnEks(basis, network, cluster, emr);
        var studio = studio(basis, network, emr);
        exportStudioOutputs(basis, studio);
        defineCost(ctx, config, basis.scope(), basis.physicalPrefix(), basis.tags());
    }

    /**
     * What every step of {@link #define} shares.
     *
     * @param ctx            the Pulumi context the outputs are exported to
     * @param config         the validated stack configuration
     * @param prefix         the logical (URN) name prefix of every component
     * @param physicalPrefix {@code big-data-stack-<stack>}: the start of every name AWS sees
     * @param tags           the tags every AWS resource carries
     * @param scope          the partition and account, looked up once for every ARN
     */
    private record Basis(Context ctx, StackConfig config, String prefix, String physicalPrefix, Map<String, String> tags,
                         Output<AwsScope> scope) {
    }

    /** Builds the VPC: public and private subnets across the zones and the NAT gateways. */
    private static Network network(Basis basis) {
        var config = basis.config();
        return new Network(basis.prefix(), NetworkArgs.builder()
                .vpcCidr(config.network().vpcCidr())
                .publicSubnetCidrs(config.network().publicSubnetCidrs())
                .privateSubnetCidrs(config.network().privateSubnetCidrs())
                .natStrategy(config.network().natGateways())
                .region(config.region())
                .namePrefix(basis.physicalPrefix())
                .tags(basis.tags())
                .build(), ComponentResourceOptions.Empty);
    }

    /** Builds the EKS cluster in the private subnets, with its managed node groups and access entries. */
    private static EksCluster cluster(Basis basis, Network network) {
        var config = basis.config();
        return new EksCluster(basis.prefix(), EksClusterArgs.builder()
                .clusterName(config.cluster().name())
                .kubernetesVersion(config.cluster().kubernetesVersion())
                .supportType(config.cluster().supportType())
                .privateSubnetIds(network.privateSubnetIds())
                .endpointPublicAccessCidrs(config.cluster().endpointPublicAccessCidrs())
                .adminRoleName(config.cluster().adminRoleName())
                .region(config.region())
                .scope(basis.scope())
                .deployerCredentials(config.cluster().deployerCredentials())
                .secrets(new EksClusterArgs.Secrets(config.isSecret(ConfigKeys.ENDPOINT_PUBLIC_ACCESS_CIDRS),
                        config.isSecret(ConfigKeys.EKS_ADMIN_ROLE_NAME), config.deployerCredentialsSecret()))
                .nodeGroups(nodeGroups(config))
                .nodeDependencies(network.privateEgress())
                .logRetentionDays(config.logRetentionDays())
                .protectStatefulResources(config.protectStatefulResources())
                .namePrefix(basis.physicalPrefix())
                .tags(basis.tags())
                .build(), ComponentResourceOptions.Empty);
    }

    /** Builds the node provisioner(s): the Cluster Autoscaler, Karpenter, or both during a migration. */
    private static void nodeProvisioners(Basis basis, Network network, EksCluster cluster) {
        var config = basis.config();
        var prefix = basis.prefix();
        var physicalPrefix = basis.physicalPrefix();
        // During a migration (nodeProvisionerMigration) both provisioners run: each only serves pods whose node
        // selectors its nodes satisfy, so jobs started before the switch keep their provisioner.
        if (config.addons().clusterAutoscaler()) {
            new ClusterAutoscaler(prefix, ClusterAutoscalerArgs.builder()
                    .clusterName(config.cluster().name())
                    .kubernetesVersion(config.cluster().kubernetesVersion())
                    .region(config.region())
                    .oidcProviderArn(cluster.oidcProviderArn())
                    .oidcIssuerUrl(cluster.oidcIssuerUrl())
                    .scope(basis.scope())
                    .kubernetesProvider(cluster.kubernetesProvider())
                    .workloadReady(cluster.workloadReady())
                    .roleName(PhysicalNames.role(physicalPrefix, "cluster-autoscaler"))
                    .tags(basis.tags())
                    .build(), ComponentResourceOptions.Empty);
        }
        if (config.addons().karpenterInstalled()) {
            // Karpenter instead of the autoscaler: the base group keeps its size; Spark gets Karpenter's NodePools.
            new Karpenter(prefix, KarpenterArgs.builder()
                    .clusterName(config.cluster().name())
                    .kubernetesVersion(config.cluster().kubernetesVersion())
                    .region(config.region())
                    .oidcProviderArn(cluster.oidcProviderArn())
                    .oidcIssuerUrl(cluster.oidcIssuerUrl())
                    .clusterArn(cluster.clusterArn())
                    .roleBinding(AddonRoleBinding.following(config.emr().jobRoleBinding()))
                    .scope(basis.scope())
                    .kubernetesProvider(cluster.kubernetesProvider())
                    .workloadReady(cluster.workloadReady())
                    .roleName(PhysicalNames.role(physicalPrefix, "karpenter-controller"))
                    .privateSubnetIds(network.privateSubnetIds())
                    .privateSubnetCount(config.network().privateSubnetCidrs().size())
                    .nodeSecurityGroupId(cluster.clusterSecurityGroupId())
                    .namePrefix(physicalPrefix)
                    .controllerReplicas(Math.min(2, config.baseNodes().minSize()))
                    .pools(config.addons().karpenter().orElseThrow())
                    .tags(basis.tags())
                    .build(), ComponentResourceOptions.Empty);
        }
    }

    /** Builds the Headlamp dashboard when configured and exports how to open it (or why there is none). */
    private static void dashboard(Basis basis, EksCluster cluster) {
        var config = basis.config();
        if (config.addons().dashboard() == DashboardKind.headlamp) {
            var dashboard = new Dashboard(basis.prefix(), DashboardArgs.builder()
                    .access(config.addons().dashboardAccess())
                    .kubernetesProvider(cluster.kubernetesProvider())
                    .nodeGroups(cluster.workloadReady())
                    .build(), ComponentResourceOptions.Empty);
            basis.ctx().export("DashboardCommand", dashboard.command());
        } else {
            basis.ctx().export("DashboardCommand", Output.of("no dashboard installed (big-data-stack:dashboard is none)"));
        }
    }

    /** Builds EMR on EKS: the original team's namespace, job role, virtual cluster and job template, and every other team. */
    private static EmrOnEks emrOnEks(Basis basis, EksCluster cluster) {
        var config = basis.config();
        var physicalPrefix = basis.physicalPrefix();
        var karpenter = config.addons().nodeProvisioner() == NodeProvisioner.KARPENTER;
        return new EmrOnEks(basis.prefix() + "-emr", EmrOnEksArgs.builder()
                .cluster(cluster)
                .scope(basis.scope())
                .namespace(config.emrNamespace())
                .jobRoleName(EmrNames.jobRoleName(physicalPrefix))
                .jobRoleBinding(config.emr().jobRoleBinding())
                .releaseLabel(config.emr().releaseLabel())
                .jobReadBuckets(config.emr().jobReadBuckets())
                .glueCatalogAccess(config.emr().glueCatalogAccess())
                .glueReadDatabases(config.emr().glueReadDatabases())
                .jobTemplate(config.emr().jobTemplate())
                .secretJobReadBuckets(config.isSecret(ConfigKeys.JOB_READ_BUCKETS))
                .logRetentionDays(config.logRetentionDays())
                .protectStatefulResources(config.protectStatefulResources())
                .region(config.region())
                .namePrefix(physicalPrefix)
                .tags(basis.tags())
                .teams(teamSpecs(config, physicalPrefix))
                // Spark job defaults and team limits from what the nodes can launch (SparkJobDefaults, InstanceCapacity).
                .sparkPlacement(karpenter ? SparkPlacement.KARPENTER : SparkPlacement.MANAGED_NODE_GROUPS)
                .executorSlots(executorSlots(config))
                .maxContainerMemoryMebibytes(karpenter
                        // Karpenter picks instance types per pod from the pools' requirements: no fixed largest node,
                        // so no memory maximum that could cap a Spark container below the node it gets.
                        ? OptionalLong.empty() : largestAllocatableMemory(nodeGroups(config)))
                .build(), ComponentResourceOptions.Empty);
    }

    /** Exports the network's, the cluster's and EMR on EKS's outputs (IDs, kubeconfig, sample job, teams). */
    private static void exportPlatformOutputs(Basis basis, Network network, EksCluster cluster, EmrOnEks emr) {
        var ctx = basis.ctx();
        ctx.export("VpcId", network.vpcId());
        ctx.export("ClusterName", cluster.clusterName());
        ctx.export("EksConfigCommand", eksConfigCommand(cluster, basis.config().region()));
        ctx.export("Kubeconfig", cluster.kubeconfig());
        ctx.export("EMRVirtualClusterID", emr.virtualClusterId());
        ctx.export("JobRoleArn", emr.jobRoleArn());
        ctx.export("SampleJobCommand", emr.sampleJobCommand());
        ctx.export("JobTemplateId", emr.jobTemplateId());
        ctx.export("Teams", teamsOutput(emr));
    }

    /** Builds EMR Studio Workspaces on EKS (opt-in): the Load Balancer Controller and the interactive endpoint. */
    private static void studioOnEks(Basis basis, Network network, EksCluster cluster, EmrOnEks emr) {
        var config = basis.config();
        var prefix = basis.prefix();
        var physicalPrefix = basis.physicalPrefix();
        var studioOnEks = config.studioOnEks();
        studioOnEks.caveats(config.cluster().kubernetesVersion()).forEach(caveat -> basis.ctx().log().warn(caveat));
        if (studioOnEks.loadBalancerController()) {
            var controller = new LoadBalancerController(prefix, LoadBalancerControllerArgs.builder()
                    .clusterName(config.cluster().name())
                    .region(config.region())
                    .vpcId(network.vpcId())
                    .oidcProviderArn(cluster.oidcProviderArn())
                    .oidcIssuerUrl(cluster.oidcIssuerUrl())
                    .kubernetesProvider(cluster.kubernetesProvider())
                    .workloadReady(cluster.workloadReady())
                    .roleName(PhysicalNames.role(physicalPrefix, "lb-controller"))
                    .tags(basis.tags())
                    .build(), ComponentResourceOptions.Empty);
            if (studioOnEks.studioEndpoint()) {
                var endpoint = new StudioEndpoint(prefix + "-emr", StudioEndpointArgs.builder()
                        .emr(emr)
                        .releaseLabel(config.emr().releaseLabel())
                        .loadBalancerController(List.of(controller.release()))
                        .namePrefix(physicalPrefix)
                        .tags(basis.tags())
                        .build(), ComponentResourceOptions.Empty);
                basis.ctx().export("StudioEndpointId", endpoint.endpointId());
            }
        }
    }

    /** Builds EMR Studio: the studio in the private subnets, its users and groups, and the teams' Studio access. */
    private static EmrStudio studio(Basis basis, Network network, EmrOnEks emr) {
        var config = basis.config();
        var naming = config.naming();
        return new EmrStudio(basis.prefix(), EmrStudioArgs.builder()
                .scope(basis.scope())
                .vpcId(network.vpcId())
                .subnetIds(network.privateSubnetIds())
                .virtualClusterId(emr.virtualClusterId())
                .region(config.region())
                .authMode(config.studio().authMode())
                .adminUser(config.studio().adminUser())
                .secretAdminUser(config.isSecret(ConfigKeys.STUDIO_ADMIN_USER))
                .users(config.studio().users())
                .groups(config.studio().groups())
                .teamGroups(config.teams().stream().filter(team -> !team.studioGroups().isEmpty())
                        .map(team -> new TeamStudioAccess(team.name(), emr.teams().get(team.name()).virtualClusterId(),
                                team.studioGroups().stream().map(StudioMember::parse).toList()))
                        .toList())
                .protectStatefulResources(config.protectStatefulResources())
                .project(naming.project())
                .stack(naming.stack())
                .namePrefix(basis.physicalPrefix())
                .tags(basis.tags())
                .build(), ComponentResourceOptions.Empty);
    }

    /** Exports EMR Studio's URL and ID. */
    private static void exportStudioOutputs(Basis basis, EmrStudio studio) {
        basis.ctx().export("EMRStudioURL", studio.url());
        basis.ctx().export("EMRStudioId", studio.studioId());
    }

    /**
     * Cost attribution and budgets (opt-in, io.bigdatastack.cost): the CUR 2.0 export and its query layer
     * ({@code costReports}), the cost allocation tags ({@code costAllocationTags}), and the budgets of the platform and
     * the teams ({@code monthlyBudget}, {@code teams[].monthlyBudget}). Nothing is registered by default, so stacks
     * without these keys keep every URN.
     */
    static void defineCost(Context ctx, StackConfig config, Output<AwsScope> scope, String physicalPrefix, Map<String, String> tags) {
        var naming = config.naming();
        var prefix = naming.logicalPrefix();
        var cost = config.cost();
        for (var caveat : io.bigdatastack.cost.CostCaveats.of(config)) {
            ctx.log().warn(caveat);
        }
        if (cost.reports()) {
            var reports = new CostReports(prefix + "-cost", CostReportsArgs.builder()
                    .namePrefix(physicalPrefix)
                    .project(naming.project())
                    .stack(naming.stack())
                    .clusterName(config.cluster().name())
                    .region(config.region())
                    .scope(scope)
                    .teams(config.teams().stream().map(team -> new TeamCostView.TeamNamespace(team.name(), team.namespace())).toList())
                    .protectStatefulResources(config.protectStatefulResources())
                    .deployerCredentials(config.cluster().deployerCredentials())
                    .secretDeployerCredentials(config.deployerCredentialsSecret())
                    .tags(tags)
                    .build(), ComponentResourceOptions.Empty);
            ctx.export("CostReports", Output.tuple(reports.bucketName(), reports.workgroupName(), reports.viewName())
                    .applyValue(t -> (Map<String, String>) new TreeMap<>(Map.of("bucket", t.t1, "athenaWorkgroup", t.t2, "teamCostView", t.t3))));
        }
        if (cost.allocationTags()) {
            new CostAllocationTags(prefix + "-cost-allocation-tags", CostAllocationTagsArgs.builder().build(), ComponentResourceOptions.Empty);
        }
        if (cost.anyBudget(config.teams())) {
            var budgets = new ArrayList<TeamBudgetsArgs.BudgetSpec>();
            cost.platformMonthlyBudget().ifPresent(limit -> budgets.add(new TeamBudgetsArgs.BudgetSpec(TeamBudgetsArgs.BudgetSpec.PLATFORM,
                    Optional.empty(), limit, cost.platformBudgetEmails())));
            config.teams().forEach(team -> team.monthlyBudget().ifPresent(limit -> budgets.add(new TeamBudgetsArgs.BudgetSpec(team.name(),
                    Optional.of(team.namespace()), limit, team.budgetEmails()))));
            var teamBudgets = new TeamBudgets(prefix + "-budgets", TeamBudgetsArgs.builder()
                    .namePrefix(physicalPrefix)
                    .stack(naming.stack())
                    .scope(scope)
                    .budgets(budgets)
                    .tags(tags)
                    .build(), ComponentResourceOptions.Empty);
            ctx.export("BudgetAlertTopicArn", teamBudgets.topicArn());
        }
    }

    /**
     * Every team of the stack, built by one rule: the stack's original team (the team of {@code emrNamespace} when
     * {@code teams} is not set, or the team of {@code teams} named like {@code emrNamespace}, which takes it over) keeps
     * the original job role and the whole-bucket layout (no prefix; logs under {@code logs/}), so its namespace,
     * virtual cluster, role and job template stay; every other team is named for itself and limited to
     * {@code teams/<team>/}.
     */
    static List<TeamSpec> teamSpecs(StackConfig config, String physicalPrefix) {
        return config.teams().stream().map(team -> {
            boolean original = !team.fromTeamsKey() || team.name().equals(config.emrNamespace());
            return new TeamSpec(team.name(), team.namespace(),
                    original ? EmrNames.jobRoleName(physicalPrefix) : EmrNames.teamJobRoleName(physicalPrefix, team.name()),
                    original ? Optional.empty() : Optional.of(team.dataPrefix()), team.readBuckets(), team.glueCatalogAccess(),
                    !team.fromTeamsKey() && config.isSecret(ConfigKeys.JOB_READ_BUCKETS), team.cpuQuota(), team.memoryQuota(),
                    team.studioGroups(), team.glueReadDatabases(),
                    team.cpuQuota().map(q -> OptionalLong.of(KubernetesQuantity.parse(q).milliValueRoundedUp().longValueExact())).orElse(OptionalLong.empty()),
                    team.memoryQuota().map(q -> OptionalLong.of(KubernetesQuantity.parse(q).mebibytesRoundedDown())).orElse(OptionalLong.empty()));
        }).toList();
    }

    /** Default-size executors the spot group (or Karpenter's executor pool) holds at most: the MaxExecutors default of a team without quota. */
    static int executorSlots(StackConfig config) {
        if (config.addons().nodeProvisioner() == NodeProvisioner.KARPENTER) {
            var pools = config.addons().karpenter().orElseThrow();
            return SparkJobDefaults.executorSlots(pools.executorCpuLimit(), pools.executorMemoryGiBLimit());
        }
        return SparkJobDefaults.executorSlots(config.spotNodes().instanceTypes(), config.spotNodes().maxSize());
    }

    /**
     * Allocatable memory of the largest node any group can launch, or empty when a group lists an instance type the
     * stack does not know (then no per-container maximum is imposed rather than a guessed one).
     */
    static OptionalLong largestAllocatableMemory(List<NodeGroupSpec> groups) {
        var types = groups.stream().flatMap(group -> group.instanceTypes().stream()).toList();
        var known = types.stream().map(InstanceCapacity::of).toList();
        if (known.isEmpty() || known.stream().anyMatch(Optional::isEmpty)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(known.stream().mapToLong(node -> node.orElseThrow().memoryMebibytes()).max().orElseThrow());
    }

    /** {@code Teams}: team name to its virtual cluster ID, job role ARN, job template ID and sample command. */
    static Output<Map<String, Map<String, String>>> teamsOutput(EmrOnEks emr) {
        var perTeam = emr.teamNames().stream().map(name -> {
            var team = emr.teams().get(name);
            return Output.tuple(team.virtualClusterId(), team.jobRoleArn(), team.jobTemplateId(), team.sampleJobCommand())
                    .applyValue(t -> Map.entry(name, (Map<String, String>) new TreeMap<>(Map.of(
                            "virtualClusterId", t.t1, "jobRoleArn", t.t2, "jobTemplateId", t.t3, "sampleJobCommand", t.t4))))
                    // What a team needs to run its own job (docs/spark-jobs.md, "Run your own job").
                    .apply(entry -> Output.tuple(team.bucket(), team.s3LogUri(), team.logGroupName(), team.submitterPolicyArn())
                            .applyValue(t -> {
                                var values = new TreeMap<>(entry.getValue());
                                values.put("bucket", t.t1);
                                values.put("codePrefix", team.codePrefix());
                                values.put("s3LogUri", t.t2);
                                values.put("logGroupName", t.t3);
                                values.put("logStreamPrefix", team.logStreamPrefix());
                                values.put("submitterPolicyArn", t.t4);
                                return Map.entry(entry.getKey(), (Map<String, String>) values);
                            }));
        }).toList();
        return Output.all(perTeam).applyValue(entries -> {
            var map = new LinkedHashMap<String, Map<String, String>>();
            entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
            return (Map<String, Map<String, String>>) map;
        });
    }

    /**
     * Two groups (one, {@code base}, with Karpenter): {@code base} (on-demand) keeps system pods and Spark drivers alive; {@code spot} takes executors,
     * which Spark re-runs when a spot node is reclaimed. Pods choose by the {@code eks.amazonaws.com/capacityType}
     * label EKS sets (see the sample job's node selectors).
     */
    static List<NodeGroupSpec> nodeGroups(StackConfig config) {
        var base = config.baseNodes();
        var spot = config.spotNodes();
        if (!config.addons().clusterAutoscaler()) {
            // Karpenter's spark-executor pool replaces the spot group; the base group hosts system pods and Karpenter.
            return List.of(new NodeGroupSpec("base", NodeGroupSpec.ON_DEMAND, base.instanceTypes(), base.minSize(), base.desiredSize(),
                    base.maxSize(), base.diskGiB(), Map.of()));
        }
        return List.of(
                new NodeGroupSpec("base", NodeGroupSpec.ON_DEMAND, base.instanceTypes(), base.minSize(), base.desiredSize(),
                        base.maxSize(), base.diskGiB(), Map.of()),
                new NodeGroupSpec("spot", NodeGroupSpec.SPOT, spot.instanceTypes(), spot.minSize(), spot.desiredSize(),
                        spot.maxSize(), spot.diskGiB(), Map.of()));
    }

    private static Output<String> eksConfigCommand(EksCluster cluster, String region) {
        return Output.tuple(cluster.clusterName(), cluster.humanCredentials())
                .applyValue(t -> "aws eks update-kubeconfig --name " + t.t1 + " --region " + region + t.t2.cliOptions());
    }
}
