package io.bigdatastack.config;

import io.bigdatastack.emr.EmrRules;
import io.bigdatastack.emr.ReleaseLabel;

import java.util.List;

import static io.bigdatastack.config.ConfigKeys.BASE_NODE_INSTANCE_TYPES;
import static io.bigdatastack.config.ConfigKeys.EMR_RELEASE_LABEL;
import static io.bigdatastack.config.ConfigKeys.JOB_ROLE_BINDING;
import static io.bigdatastack.config.ConfigKeys.LOAD_BALANCER_CONTROLLER;
import static io.bigdatastack.config.ConfigKeys.SPOT_NODE_INSTANCE_TYPES;
import static io.bigdatastack.config.ConfigKeys.STUDIO_ENDPOINT;

/**
 * EMR Studio Workspaces on the EKS cluster: the interactive (managed) endpoint of the virtual cluster and the AWS Load
 * Balancer Controller that gives it its internal Application Load Balancer.
 *
 * <p>The endpoint's requirements, from AWS's prerequisites page
 * (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/prereqs-for-studio.html), and where each is
 * enforced (the rules are {@link EmrRules}' pure functions; this class names the keys they concern):
 * <ul>
 *   <li>IRSA on the job execution role (the endpoint's pods take the role through IRSA even where jobs use EKS Pod
 *       Identity): {@code jobRoleBinding: podIdentity} is refused with the endpoint ({@code irsa} or {@code both}).</li>
 *   <li>No EKS-optimized ARM AMIs: every node group must be x86_64 (the gateway and the kernels' Spark pods schedule
 *       on the base and spot groups alike), so Graviton instance types are refused in either group.</li>
 *   <li>EMR 6.7.0 or later: checked here ({@link EmrRules#endpointReleaseLabel}), and labels before
 *       emr-7.0.0 are refused anyway.</li>
 *   <li>Managed node groups, and a private subnet shared by Studio and the cluster: by construction (EksCluster makes
 *       only managed node groups; Studio takes the first five of the cluster's private subnets).</li>
 *   <li>Kubernetes "up to 1.30": not enforced (the platform runs a version in standard support); {@link #caveats}
 *       says so in {@code plan} and {@code pulumi up}, and an advisory policy rule reports it.</li>
 * </ul>
 *
 * @param studioEndpoint         create the interactive endpoint
 * @param loadBalancerController install the AWS Load Balancer Controller (true whenever {@code studioEndpoint} is)
 */
public record StudioOnEks(boolean studioEndpoint, boolean loadBalancerController) {

    /** The newest Kubernetes minor AWS documents interactive endpoints for (prerequisites page, as of November 2026). */
    public static final String ENDPOINT_DOCUMENTED_UP_TO = "1.30";

    static StudioOnEks read(ConfigReader reader, StackConfig.NodeGroup baseNodes, StackConfig.NodeGroup spotNodes, StackConfig.Emr emr) {
        boolean endpoint = reader.bool(STUDIO_ENDPOINT);
        boolean controller = reader.bool(LOAD_BALANCER_CONTROLLER);
        if (endpoint) {
            EmrRules.endpointJobRoleBinding(emr.jobRoleBinding()).ifPresent(e -> reader.reject(JOB_ROLE_BINDING, emr.jobRoleBinding(), e));
            EmrRules.endpointInstanceTypes(baseNodes.instanceTypes()).ifPresent(e -> reader.reject(BASE_NODE_INSTANCE_TYPES,
                    baseNodes.instanceTypes(), e));
            EmrRules.endpointInstanceTypes(spotNodes.instanceTypes()).ifPresent(e -> reader.reject(SPOT_NODE_INSTANCE_TYPES,
                    spotNodes.instanceTypes(), e + " (kernel executors run on spot nodes)"));
            // An unparseable label is already refused by its own check; one message per problem.
            ReleaseLabel.parse(emr.releaseLabel()).ifPresent(label -> EmrRules.endpointReleaseLabel(emr.releaseLabel())
                    .ifPresent(e -> reader.reject(EMR_RELEASE_LABEL, label, e)));
        }
        // The endpoint's load balancer is made by the controller: it is never left out when the endpoint is on.
        return new StudioOnEks(endpoint, controller || endpoint);
    }

    /**
     * What the operator must know before relying on the endpoint, printed by {@code plan} and logged as a warning by
     * {@code pulumi up}; empty when the endpoint is off.
     */
    public List<String> caveats(String kubernetesVersion) {
        if (!studioEndpoint || io.bigdatastack.support.Versions.compare(kubernetesVersion, ENDPOINT_DOCUMENTED_UP_TO) <= 0) {
            return List.of();
        }
        return List.of("studioEndpoint: AWS documents EMR on EKS interactive endpoints for Kubernetes up to "
                + ENDPOINT_DOCUMENTED_UP_TO + " (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/prereqs-for-studio.html);"
                + " this cluster runs " + kubernetesVersion + ". The endpoint is opt-in: test a Workspace against it before users depend on it.");
    }
}
