package io.bigdatastack.emr;

import com.pulumi.aws.cloudcontrol.Resource;
import com.pulumi.aws.cloudcontrol.ResourceArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The EMR on EKS interactive (managed) endpoint EMR Studio Workspaces attach to: a Jupyter Enterprise Gateway pod in
 * the virtual cluster's namespace behind an internal Application Load Balancer, which the AWS Load Balancer
 * Controller creates from the Ingress EMR writes; notebook kernels run as Spark driver and executor pods in the same
 * namespace with the job execution role
 * (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/how-it-works.html).
 *
 * <p>Declared through Cloud Control ({@code aws.cloudcontrol.Resource}, type {@link StudioEndpointState#TYPE_NAME};
 * why that is possible: {@link StudioEndpointState}).
 *
 * <p>Day 2: every property but the tags is create-only, so a change to the desired state replaces the endpoint
 * ({@code replaceOnChanges desiredState}; the provider's schema-driven diff would force it for the create-only
 * properties anyway, this makes tags follow the same, predictable path), and the old endpoint is deleted first
 * ({@code deleteBeforeReplace}), because its name is fixed. Workspaces attached to it lose their kernels.
 *
 * <p>Order: it depends on the Load Balancer Controller's release, so {@code pulumi destroy} deletes the endpoint —
 * and EMR its Ingress — while the controller still runs to remove the ALB and its security groups.
 */
public final class StudioEndpoint extends ComponentResource {

    public static final String TYPE = "bigdata:emr:StudioEndpoint";

    private final Output<String> endpointId;
    private final Output<String> endpointArn;

    public StudioEndpoint(String name, StudioEndpointArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var desiredState = Output.tuple(args.virtualClusterId, args.jobRoleArn, args.logGroupName, args.bucketName).applyValue(t ->
                StudioEndpointState.render(args.namePrefix, t.t1, t.t2, args.releaseLabel, t.t3, t.t4, args.tags));
        var endpoint = new Resource(name + "-studio-endpoint", ResourceArgs.builder()
                .typeName(StudioEndpointState.TYPE_NAME)
                .desiredState(desiredState)
                .build(), resourceOptions(this, args.loadBalancerController));
        this.endpointId = endpoint.properties().applyValue(p -> StudioEndpointState.readOnly(p, StudioEndpointState.ID_PROPERTY));
        this.endpointArn = endpoint.properties().applyValue(p -> StudioEndpointState.readOnly(p, StudioEndpointState.ARN_PROPERTY));
        registerOutputs(Map.of("endpointId", endpointId, "endpointArn", endpointArn));
    }

    /** The endpoint's options: after the controller, replaced (deleting first) on any change. */
    static CustomResourceOptions resourceOptions(com.pulumi.resources.Resource parent,
                                                 java.util.List<com.pulumi.resources.Resource> loadBalancerController) {
        return CustomResourceOptions.builder()
                .parent(parent)
                .dependsOn(loadBalancerController)
                .replaceOnChanges("desiredState")
                .deleteBeforeReplace(true)
                .customTimeouts(com.pulumi.resources.CustomTimeouts.builder()
                        // The gateway and its load balancer take minutes to come up, and to go.
                        .create(java.time.Duration.ofMinutes(45))
                        .delete(java.time.Duration.ofMinutes(45))
                        .build())
                .build();
    }

    /** The endpoint's ID (the {@code StudioEndpointId} stack output). */
    public Output<String> endpointId() { return endpointId; }

    /** The endpoint's ARN. */
    public Output<String> endpointArn() { return endpointArn; }
}
