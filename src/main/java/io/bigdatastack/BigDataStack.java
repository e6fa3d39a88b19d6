package io.bigdatastack;

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
import io.bigdatastack.addons.LoadBalancerController;
import io.bigdatastack.addons.LoadBalancerControllerArgs;
import io.bigdatastack.cluster.EksCluster;
import io.bigdatastack.cluster.EksClusterArgs;
import io.bigdatastack.cluster.NodeGroupSpec;
import io.bigdatastack.config.ConfigKeys;
import io.bigdatastack.config.StackConfig;
import io.bigdatastack.emr.EmrNames;
import io.bigdatastack.emr.EmrOnEks;
import io.bigdatastack.emr.EmrOnEksArgs;
import io.bigdatastack.emr.StudioEndpoint;
import io.bigdatastack.emr.StudioEndpointArgs;
import io.bigdatastack.emr.TeamSpec;
import io.bigdatastack.network.Network;
import io.bigdatastack.network.NetworkArgs;
import io.bigdatastack.studio.EmrStudio;
import io.bigdatastack.studio.EmrStudioArgs;
import io.bigdatastack.studio.StudioMember;
import io.bigdatastack.studio.TeamStudioAccess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        var tags = naming.commonTags();
        var prefix = naming.logicalPrefix();
        var physicalPrefix = naming.physical(""); // big-data-stack-<stack>: the start of every name AWS sees
        var scope = AwsScope.lookup(config.region()); // the one lookup of partition and account, for every ARN

        var network = new Network(prefix, NetworkArgs.builder()
                .vpcCidr(config.network().vpcCidr())
                .publicSubnetCidrs(config.network().publicSubnetCidrs())
                .privateSubnetCidrs(config.network().privateSubnetCidrs())
                .natStrategy(config.network().natGateways())
                .region(config.region())
                .namePrefix(physicalPrefix)
                .tags(tags)
                .build(), ComponentResourceOptions.Empty);

        var cluster = new EksCluster(prefix, EksClusterArgs.builder()
                .clusterName(config.cluster().name())
                .kubernetesVersion(config.cluster().kubernetesVersion())
                .supportType(config.cluster().supportType())
                .privateSubnetIds(network.privateSubnetIds())
                .endpointPublicAccessCidrs(config.cluster().endpointPublicAccessCidrs())
                .adminRoleName(config.cluster().adminRoleName())
                .region(config.region())
                .scope(scope)
                .deployerCredentials(config.cluster().deployerCredentials())
                .secrets(new EksClusterArgs.Secrets(config.isSecret(ConfigKeys.ENDPOINT_PUBLIC_ACCESS_CIDRS),
                        config.isSecret(ConfigKeys.EKS_ADMIN_ROLE_NAME), config.deployerCredentialsSecret()))
                .nodeGroups(nodeGroups(config))
                .nodeDependencies(network.privateEgress())
                .logRetentionDays(config.logRetentionDays())
                .protectStatefulResources(config.protectStatefulResources())
                .namePrefix(physicalPrefix)
                .tags(tags)
                .build(), ComponentResourceOptions.Empty);

        new ClusterAutoscaler(prefix, ClusterAutoscalerArgs.builder()
                .clusterName(config.cluster().name())
                .kubernetesVersion(config.cluster().kubernetesVersion())
                .region(config.region())
                .oidcProviderArn(cluster.oidcProviderArn())
                .oidcIssuerUrl(cluster.oidcIssuerUrl())
                .scope(scope)
                .kubernetesProvider(cluster.kubernetesProvider())
                .nodeGroups(cluster.workloadReady())
                .roleName(PhysicalNames.role(physicalPrefix, "cluster-autoscaler"))
                .tags(tags)
                .build(), ComponentResourceOptions.Empty);

        if (config.addons().dashboard() == DashboardKind.headlamp) {
            var dashboard = new Dashboard(prefix, DashboardArgs.builder()
                    .access(config.addons().dashboardAccess())
                    .kubernetesProvider(cluster.kubernetesProvider())
                    .nodeGroups(cluster.workloadReady())
                    .build(), ComponentResourceOptions.Empty);
            ctx.export("DashboardCommand", dashboard.command());
        } else {
            ctx.export("DashboardCommand", Output.of("no dashboard installed (big-data-stack:dashboard is none)"));
        }

        var emr = new EmrOnEks(prefix + "-emr", EmrOnEksArgs.builder()
                .cluster(cluster)
                .scope(scope)
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
                .tags(tags)
                .teams(teamSpecs(config, physicalPrefix))
                .build(), ComponentResourceOptions.Empty);

        ctx.export("VpcId", network.vpcId());
        ctx.export("ClusterName", cluster.clusterName());
        ctx.export("EksConfigCommand", eksConfigCommand(cluster, config.region()));
        ctx.export("Kubeconfig", cluster.kubeconfig());
        ctx.export("EMRVirtualClusterID", emr.virtualClusterId());
        ctx.export("JobRoleArn", emr.jobRoleArn());
        ctx.export("SampleJobCommand", emr.sampleJobCommand());
        ctx.export("JobTemplateId", emr.jobTemplateId());
        ctx.export("Teams", teamsOutput(emr));

        // --- EMR Studio Workspaces on EKS (opt-in): the Load Balancer Controller and the interactive endpoint ---
        var studioOnEks = config.studioOnEks();
        studioOnEks.caveats(config.cluster().kubernetesVersion()).forEach(caveat -> ctx.log().warn(caveat));
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
                    .tags(tags)
                    .build(), ComponentResourceOptions.Empty);
            if (studioOnEks.studioEndpoint()) {
                var endpoint = new StudioEndpoint(prefix + "-emr", StudioEndpointArgs.builder()
                        .emr(emr)
                        .releaseLabel(config.emr().releaseLabel())
                        .loadBalancerController(List.of(controller.release()))
                        .namePrefix(physicalPrefix)
                        .tags(tags)
                        .build(), ComponentResourceOptions.Empty);
                ctx.export("StudioEndpointId", endpoint.endpointId());
            }
        }

        var studio = new EmrStudio(prefix, EmrStudioArgs.builder()
                .scope(scope)
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
                .namePrefix(physicalPrefix)
                .tags(tags)
                .build(), ComponentResourceOptions.Empty);

        ctx.export("EMRStudioURL", studio.url());
        ctx.export("EMRStudioId", studio.studioId());
    }

    /** The teams of the {@code teams} key, each named for itself and limited to its prefix; empty without the key. */
    static List<TeamSpec> teamSpecs(StackConfig config, String physicalPrefix) {
        if (!config.teamsConfigured()) {
            return List.of();
        }
        return config.teams().stream().map(team -> new TeamSpec(team.name(), team.namespace(),
                EmrNames.teamJobRoleName(physicalPrefix, team.name()), Optional.of(team.dataPrefix()), team.readBuckets(),
                team.glueCatalogAccess(), false, team.cpuQuota(), team.memoryQuota(), team.studioGroups(), team.glueReadDatabases())).toList();
    }

    /** {@code Teams}: team name to its virtual cluster ID, job role ARN, job template ID and sample command. */
    static Output<Map<String, Map<String, String>>> teamsOutput(EmrOnEks emr) {
        var perTeam = emr.teamNames().stream().map(name -> {
            var team = emr.teams().get(name);
            return Output.tuple(team.virtualClusterId(), team.jobRoleArn(), team.jobTemplateId(), team.sampleJobCommand())
                    .applyValue(t -> Map.entry(name, (Map<String, String>) new TreeMap<>(Map.of(
                            "virtualClusterId", t.t1, "jobRoleArn", t.t2, "jobTemplateId", t.t3, "sampleJobCommand", t.t4))));
        }).toList();
        return Output.all(perTeam).applyValue(entries -> {
            var map = new LinkedHashMap<String, Map<String, String>>();
            entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
            return (Map<String, Map<String, String>>) map;
        });
    }

    /**
     * Two groups: {@code base} (on-demand) keeps system pods and Spark drivers alive; {@code spot} takes executors,
     * which Spark re-runs when a spot node is reclaimed. Pods choose by the {@code eks.amazonaws.com/capacityType}
     * label EKS sets (see the sample job's node selectors).
     */
    static List<NodeGroupSpec> nodeGroups(StackConfig config) {
        var base = config.baseNodes();
        var spot = config.spotNodes();
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
