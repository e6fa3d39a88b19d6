package io.bigdatastack.addons;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.bigdatastack.cluster.EksCluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Load Balancer Controller: turns Kubernetes Ingresses into Application Load Balancers. EMR on EKS interactive
 * endpoints need it — EMR creates an Ingress for each endpoint's gateway, and the controller makes the internal ALB
 * Studio Workspaces connect through (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/prereqs-for-studio.html).
 *
 * <p>IAM as for the Cluster Autoscaler: IRSA, a role trusted only by the controller's service account in
 * {@code kube-system} with {@code aud = sts.amazonaws.com}, with the controller's own upstream policy of the pinned
 * version attached unchanged ({@link LoadBalancerControllerVersions#iamPolicy()}). Its broad-looking statements are
 * conditioned on the {@code elbv2.k8s.aws/cluster} tag the controller puts on everything it creates.
 *
 * <p>Order: the release waits for the node groups and coredns (its pods need both); everything that asks it for load
 * balancers (the interactive endpoint) depends on {@link #release()}, so {@code pulumi destroy} removes those first,
 * while the controller is still running to delete their ALBs and security groups.
 */
public final class LoadBalancerController extends ComponentResource {

    public static final String TYPE = "bigdata:addons:LoadBalancerController";
    public static final HelmChart CHART = new HelmChart(LoadBalancerControllerVersions.CHART, LoadBalancerControllerVersions.REPOSITORY,
            LoadBalancerControllerVersions.CHART_VERSION);
    public static final String NAMESPACE = "kube-system";
    public static final String SERVICE_ACCOUNT = "aws-load-balancer-controller";
    public static final String RELEASE_NAME = "aws-load-balancer-controller";

    private final Output<String> roleArn;
    private final Release release;

    public LoadBalancerController(String name, LoadBalancerControllerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);

        var addonRole = AddonRole.create(name + "-lb-controller", args, this, "AWS Load Balancer Controller", NAMESPACE, SERVICE_ACCOUNT,
                role -> role.customerManagedPolicy(name + "-lb-controller", args.roleName,
                        "AWS Load Balancer Controller " + LoadBalancerControllerVersions.APP_VERSION + " upstream policy ("
                                + LoadBalancerControllerVersions.IAM_POLICY_SOURCE + ")",
                        Output.of(LoadBalancerControllerVersions.iamPolicy())));
        var role = addonRole.iamRole().role();

        this.release = CHART.install(name + "-aws-load-balancer-controller", RELEASE_NAME, NAMESPACE,
                Output.tuple(addonRole.serviceAccountAnnotations(), args.vpcId).applyValue(t -> values(args.clusterName, args.region, t.t2, t.t1, args.tags)),
                this, args.kubernetesProvider, addonRole.releaseDependencies());

        this.roleArn = role.arn();
        registerOutputs(Map.of("roleArn", roleArn));
    }

    public static String serviceAccountSubject() {
        return AddonRole.serviceAccountSubject(NAMESPACE, SERVICE_ACCOUNT);
    }

    /**
     * Chart values (stable/aws-load-balancer-controller/values.yaml of the pinned chart):
     * <ul>
     *   <li>{@code clusterName}, {@code region}, {@code vpcId}: set, never discovered from instance metadata.</li>
     *   <li>the service account: created by the chart under a fixed name, which the role's trust names exactly.</li>
     *   <li>{@code nodeSelector} on on-demand nodes: a spot reclaim must not stop the controller mid-reconcile.</li>
     *   <li>{@code enableServiceMutatorWebhook=false}: the chart's default makes the controller claim every new
     *       {@code LoadBalancer} Service of the cluster; this platform creates none, and only the Ingresses EMR makes
     *       should reach it. The chart's own Service is the webhook's ClusterIP service; no LoadBalancer.</li>
     *   <li>{@code defaultTags}: the stack's tags on every load balancer, target group and security group it creates,
     *       so the endpoint's ALB is attributed to this stack in the bill.</li>
     * </ul>
     */
    static Map<String, Object> values(String clusterName, String region, String vpcId, Map<String, String> serviceAccountAnnotations,
                                      Map<String, String> tags) {
        var values = new LinkedHashMap<String, Object>();
        values.put("clusterName", clusterName);
        values.put("region", region);
        values.put("vpcId", vpcId);
        values.put("serviceAccount", Map.of(
                "create", true,
                "name", SERVICE_ACCOUNT,
                "annotations", serviceAccountAnnotations));
        values.put("nodeSelector", Map.of(EksCluster.CAPACITY_TYPE_LABEL, "ON_DEMAND"));
        values.put("enableServiceMutatorWebhook", false);
        values.put("defaultTags", new TreeMap<>(tags));
        return values;
    }

    /** The IAM role the controller's service account assumes. */
    public Output<String> roleArn() { return roleArn; }

    /** The Helm release: what load-balancer users depend on, so they are destroyed while it still runs. */
    public Release release() { return release; }
}
