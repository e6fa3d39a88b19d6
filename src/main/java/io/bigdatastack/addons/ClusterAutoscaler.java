package io.bigdatastack.addons;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.bigdatastack.cluster.EksCluster;
import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.iam.PolicyDocument;
import io.bigdatastack.iam.PolicyDocument.Statement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cluster Autoscaler: grows the node groups when Spark pods are pending and shrinks them when nodes sit idle.
 *
 * <p>IAM through IRSA rather than EKS Pod Identity: the trust policy alone then proves which service account may
 * use the role (the exact {@code sub} and {@code aud}), which the policy pack checks offline; with Pod Identity that
 * scope would live in a separate association. Permissions follow the EKS best-practices guide
 * (https://docs.aws.amazon.com/eks/latest/best-practices/cas.html): describe calls on {@code *}, and resizing only of
 * Auto Scaling groups tagged as this cluster's — the reference stack's role could resize any group in the account.
 */
public final class ClusterAutoscaler extends ComponentResource {

    public static final String TYPE = "bigdata:addons:ClusterAutoscaler";
    public static final HelmChart CHART = new HelmChart("cluster-autoscaler", "https://kubernetes.github.io/autoscaler",
            ClusterAutoscalerVersions.CHART_VERSION);
    public static final String NAMESPACE = "kube-system";
    public static final String SERVICE_ACCOUNT = "cluster-autoscaler";

    private final Output<String> roleArn;

    public ClusterAutoscaler(String name, ClusterAutoscalerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var imageTag = ClusterAutoscalerVersions.imageTag(args.kubernetesVersion).orElseThrow(() -> new IllegalArgumentException(
                "no Cluster Autoscaler release for Kubernetes " + args.kubernetesVersion + " in ClusterAutoscalerVersions"));

        var addonRole = AddonRole.create(name + "-autoscaler", args, this, "Cluster Autoscaler", NAMESPACE, SERVICE_ACCOUNT,
                role -> role.customerManagedPolicy(name + "-autoscaler", args.roleName,
                        "Lets Cluster Autoscaler resize only the Auto Scaling groups of EKS cluster " + args.clusterName,
                        args.scope.applyValue(scope -> permissions(args.clusterName, scope).toJson())));
        var role = addonRole.iamRole().role();

        CHART.install(name + "-cluster-autoscaler", "cluster-autoscaler", NAMESPACE,
                addonRole.serviceAccountAnnotations().applyValue(annotations -> values(args.clusterName, args.region, imageTag, annotations)),
                this, args.kubernetesProvider, addonRole.releaseDependencies());

        this.roleArn = role.arn();
        registerOutputs(Map.of("roleArn", roleArn));
    }

    public static String serviceAccountSubject() {
        return AddonRole.serviceAccountSubject(NAMESPACE, SERVICE_ACCOUNT);
    }

    /** The autoscaler's IAM permissions, per the EKS best-practices guide. */
    static PolicyDocument permissions(String clusterName, AwsScope scope) {
        return PolicyDocument.of(
                Statement.allow("DescribeScalingState")
                        .actions("autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances",
                                "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeScalingActivities",
                                "autoscaling:DescribeTags", "ec2:DescribeImages", "ec2:DescribeInstanceTypes",
                                "ec2:DescribeLaunchTemplateVersions", "ec2:GetInstanceTypesFromInstanceRequirements")
                        .resources("*"),
                // Labels and taints of managed node groups, read when scaling a group up from zero nodes.
                Statement.allow("DescribeOwnNodegroups")
                        .actions("eks:DescribeNodegroup")
                        .resources(scope.arn("eks", "nodegroup/" + clusterName + "/*")),
                Statement.allow("ResizeOwnAutoScalingGroups")
                        .actions("autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup")
                        .resources(scope.arn("autoscaling", "autoScalingGroup:*:autoScalingGroupName/*"))
                        .condition("StringEquals", "aws:ResourceTag/" + EksCluster.autoscalerOwnershipTag(clusterName), "owned")
                        .condition("StringEquals", "aws:ResourceTag/" + EksCluster.AUTOSCALER_ENABLED_TAG, "true"));
    }

    /**
     * Chart values. Tuned for bursty Spark work:
     * <ul>
     *   <li>{@code balance-similar-node-groups}: keeps capacity spread when several similar groups exist (one per AZ
     *       or per instance family), so a burst of executors is not confined to one AZ's spot pool.</li>
     *   <li>{@code expander=least-waste}: of the groups that fit the pending pods, grow the one that leaves the least
     *       idle CPU and memory — executors are sized in whole cores, so waste is the cost that matters.</li>
     *   <li>scale-down after 5 minutes unneeded (default 10): jobs end abruptly and idle nodes cost money; 5 minutes
     *       still absorbs the gap between back-to-back jobs. Nodes with running executors are never removed: their
     *       emptyDir shuffle data keeps {@code skip-nodes-with-local-storage} (default true) in force.</li>
     *   <li>{@code skip-nodes-with-system-pods=false}: a spot node kept only by a kube-system pod may go.</li>
     *   <li>nodeSelector on on-demand nodes: a spot reclaim must not take the autoscaler down with it.</li>
     * </ul>
     */
    static Map<String, Object> values(String clusterName, String region, String imageTag, Map<String, String> serviceAccountAnnotations) {
        var extraArgs = new LinkedHashMap<String, Object>();
        extraArgs.put("balance-similar-node-groups", true);
        extraArgs.put("expander", "least-waste");
        extraArgs.put("scale-down-unneeded-time", "5m");
        extraArgs.put("scale-down-delay-after-add", "5m");
        extraArgs.put("skip-nodes-with-system-pods", false);

        var values = new LinkedHashMap<String, Object>();
        values.put("cloudProvider", "aws");
        values.put("awsRegion", region);
        values.put("autoDiscovery", Map.of("clusterName", clusterName));
        values.put("image", Map.of("repository", ClusterAutoscalerVersions.IMAGE_REPOSITORY, "tag", imageTag));
        values.put("fullnameOverride", "cluster-autoscaler");
        values.put("rbac", Map.of("serviceAccount", Map.of(
                "create", true,
                "name", SERVICE_ACCOUNT,
                "annotations", serviceAccountAnnotations)));
        values.put("extraArgs", extraArgs);
        values.put("nodeSelector", Map.of(EksCluster.CAPACITY_TYPE_LABEL, "ON_DEMAND"));
        return values;
    }

    /** The IAM role the autoscaler's service account assumes. */
    public Output<String> roleArn() { return roleArn; }
}
