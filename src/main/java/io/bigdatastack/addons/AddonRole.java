package io.bigdatastack.addons;

import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.bigdatastack.iam.IamRole;
import io.bigdatastack.iam.TrustPolicies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The IAM side of an add-on with an AWS role: a role trusted by exactly one service account (IRSA or Pod Identity,
 * {@link AddonRoleBinding}), its permissions, and with Pod Identity the association. The one place this wiring is
 * written for every add-on; resources are registered in the order the earlier per-add-on copies used, so the Cluster
 * Autoscaler's and the Load Balancer Controller's URNs and inputs did not change when they moved onto it.
 *
 * @param iamRole             the role and its grants
 * @param releaseDependencies what the add-on's Helm release waits for: {@code workloadReady}, the grants, and the Pod
 *                            Identity association (pods that start before it get no credentials)
 * @param binding             the mechanism in use
 */
public record AddonRole(IamRole iamRole, List<Resource> releaseDependencies, AddonRoleBinding binding) {

    /** The service-account annotation IRSA reads (https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html). */
    public static final String ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";

    public AddonRole {
        releaseDependencies = List.copyOf(releaseDependencies);
    }

    /**
     * A role for the service account {@code namespace/serviceAccount}, registered as {@code logicalName} under
     * {@code parent}. {@code title} names the add-on in the role's description; {@code grants} adds its permissions
     * to the builder.
     */
    public static AddonRole create(String logicalName, AddonRoleArgs args, Resource parent, String title, String namespace,
                                   String serviceAccount, UnaryOperator<IamRole.Builder> grants) {
        var trust = switch (args.roleBinding) {
            case irsa -> Output.tuple(args.oidcProviderArn, args.oidcIssuerUrl).applyValue(t ->
                    TrustPolicies.webIdentity(t.t1, TrustPolicies.issuerHostPath(t.t2), serviceAccountSubject(namespace, serviceAccount)).toJson());
            case podIdentity -> args.clusterArn.orElseThrow().applyValue(arn ->
                    TrustPolicies.podIdentity(arn, namespace, List.of(serviceAccount)).toJson());
        };
        var mechanism = args.roleBinding == AddonRoleBinding.irsa ? "IRSA" : "Pod Identity";
        var iamRole = grants.apply(IamRole.builder(logicalName, args.roleName, parent)
                .description(title + " of EKS cluster " + args.clusterName + " (" + mechanism + ", " + namespace + "/" + serviceAccount + ")")
                .trust(trust)
                .tags(args.tags)).build();

        var dependencies = new ArrayList<Resource>(args.workloadReady);
        dependencies.addAll(iamRole.grants());
        if (args.roleBinding == AddonRoleBinding.podIdentity) {
            dependencies.add(new PodIdentityAssociation(logicalName, PodIdentityAssociationArgs.builder()
                    .clusterName(args.clusterName)
                    .namespace(namespace)
                    .serviceAccount(serviceAccount)
                    .roleArn(iamRole.role().arn())
                    .tags(args.tags)
                    .build(), CustomResourceOptions.builder().parent(parent).build()));
        }
        return new AddonRole(iamRole, dependencies, args.roleBinding);
    }

    /** The IRSA subject of a service account: {@code system:serviceaccount:<namespace>:<name>}. */
    public static String serviceAccountSubject(String namespace, String serviceAccount) {
        return "system:serviceaccount:" + namespace + ":" + serviceAccount;
    }

    /** The service account's annotations: the role ARN with IRSA, none with Pod Identity (the association binds it). */
    public Output<Map<String, String>> serviceAccountAnnotations() {
        return binding == AddonRoleBinding.irsa
                ? iamRole.role().arn().applyValue(arn -> Map.of(ROLE_ARN_ANNOTATION, arn))
                : Output.of(Map.of());
    }
}
