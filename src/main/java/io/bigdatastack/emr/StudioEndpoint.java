package io.bigdatastack.emr;

import com.pulumi.aws.cloudformation.Stack;
import com.pulumi.aws.cloudformation.StackArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The EMR on EKS interactive (managed) endpoint EMR Studio Workspaces attach to: a Jupyter Enterprise Gateway pod in
 * the virtual cluster's namespace behind an internal Application Load Balancer, which the AWS Load Balancer
 * Controller creates from the Ingress EMR writes; notebook kernels run as Spark driver and executor pods in the same
 * namespace with the job execution role (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/connect-emr-studio.html).
 *
 * <p>Held by a small CloudFormation stack ({@link StudioEndpointDocument}). Day 2: every property of the endpoint
 * but its tags is create-only, so any change to the rendered template replaces the stack: its name carries a hash of
 * the template (a new name forces a replacement) and {@code replaceOnChanges templateBody} says the same, and the old
 * stack is deleted first ({@code deleteBeforeReplace}), because the endpoint's own name is fixed. A preview shows a
 * replacement, never an in-place update that CloudFormation would turn into a create-then-delete. Workspaces attached
 * to the endpoint lose their kernels when it is replaced.
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
        var template = Output.tuple(args.virtualClusterId, args.jobRoleArn, args.logGroupName, args.bucketName).applyValue(t ->
                StudioEndpointDocument.render(args.namePrefix, t.t1, t.t2, args.releaseLabel, t.t3, t.t4, args.tags));
        var stack = new Stack(name + "-studio-endpoint", StackArgs.builder()
                // The name carries a hash of the template: a change of any endpoint property is a new name, which
                // the provider can only meet by replacing the stack - visible as a replacement in every preview.
                .name(template.applyValue(body -> EmrNames.studioEndpointStackName(args.namePrefix) + "-" + StudioEndpointDocument.contentHash(body)))
                .templateBody(template)
                // A failed first create leaves nothing behind to block the next attempt.
                .onFailure("DELETE")
                // The gateway and its load balancer take minutes to come up.
                .timeoutInMinutes(45)
                .tags(args.tags)
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(args.loadBalancerController)
                .replaceOnChanges("templateBody")
                .deleteBeforeReplace(true)
                .build());
        this.endpointId = stack.outputs().applyValue(outputs -> outputs.get(StudioEndpointDocument.ID_OUTPUT));
        this.endpointArn = stack.outputs().applyValue(outputs -> outputs.get(StudioEndpointDocument.ARN_OUTPUT));
        registerOutputs(Map.of("endpointId", endpointId, "endpointArn", endpointArn));
    }

    /** The endpoint's ID (the {@code StudioEndpointId} stack output). */
    public Output<String> endpointId() { return endpointId; }

    /** The endpoint's ARN. */
    public Output<String> endpointArn() { return endpointArn; }
}
