package io.bigdatastack.iam;

import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one way this program makes an IAM role (beside {@code storage.SecureBucket} for buckets): a role with its
 * trust policy, its tags, and the permissions it gets, as children of one component. Permissions are inline policies
 * ({@link RolePolicy}, attached by the role's ID), AWS managed policies ({@link RolePolicyAttachment} by the role's
 * name) or customer managed policies (a {@link Policy} and its attachment). Resources are registered in the order the
 * builder lists them, so moving a role onto this factory keeps its URNs, names and inputs.
 *
 * @param role   the role
 * @param grants what gives it its permissions (inline policies and attachments), in the order given: what a workload
 *               using the role must wait for
 */
public record IamRole(Role role, List<Resource> grants) {

    public IamRole {
        grants = List.copyOf(grants);
    }

    /**
     * A role named {@code roleName} (use {@code naming.PhysicalNames.role}), registered as {@code logicalName} under
     * {@code parent}.
     */
    public static Builder builder(String logicalName, String roleName, Resource parent) {
        return new Builder(logicalName, roleName, parent);
    }

    /**
     * An inline policy added to a role after it exists, for a grant that must wait for something created after the
     * role (e.g. {@code iam:PassRole} on a role made later).
     */
    public static RolePolicy inlinePolicy(Role role, String logicalName, String policyName, Output<String> document, Resource parent) {
        return new RolePolicy(logicalName, RolePolicyArgs.builder()
                .role(role.id())
                .name(policyName)
                .policy(document)
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    public static final class Builder {
        private final String logicalName;
        private final String roleName;
        private final Resource parent;
        private String description;
        private Output<String> trust;
        private Map<String, String> tags = Map.of();
        private final List<Function<Role, Resource>> grants = new ArrayList<>();

        private Builder(String logicalName, String roleName, Resource parent) {
            this.logicalName = Objects.requireNonNull(logicalName, "logicalName");
            this.roleName = Objects.requireNonNull(roleName, "roleName");
            this.parent = Objects.requireNonNull(parent, "parent");
        }

        private CustomResourceOptions child() {
            return CustomResourceOptions.builder().parent(parent).build();
        }

        /** What the role is for, as IAM shows it. */
        public Builder description(String value) { this.description = value; return this; }

        /** The trust policy (a {@link TrustPolicies} document as JSON). */
        public Builder trust(Output<String> value) { this.trust = value; return this; }

        /** The trust policy (a {@link TrustPolicies} document as JSON). */
        public Builder trust(String value) { return trust(Output.of(value)); }

        /** The stack's common tags (and any more) for the role and its customer managed policies. */
        public Builder tags(Map<String, String> value) { this.tags = Map.copyOf(value); return this; }

        /** An inline policy {@code policyName} of the role, registered as {@code logicalName}. */
        public Builder inlinePolicy(String logicalName, String policyName, Output<String> document) {
            grants.add(role -> IamRole.inlinePolicy(role, logicalName, policyName, document, parent));
            return this;
        }

        /** An attachment of the managed policy {@code policyArn} (from {@link AwsScope#awsManagedPolicyArn}). */
        public Builder managedPolicy(String logicalName, Output<String> policyArn) {
            grants.add(role -> new RolePolicyAttachment(logicalName, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(policyArn)
                    .build(), child()));
            return this;
        }

        /**
         * A customer managed policy {@code policyName} and its attachment, both registered as {@code logicalName}
         * (a policy the role's owner publishes as one document, e.g. a controller's upstream policy).
         */
        public Builder customerManagedPolicy(String logicalName, String policyName, String policyDescription, Output<String> document) {
            grants.add(role -> {
                var policy = new Policy(logicalName, PolicyArgs.builder()
                        .name(policyName)
                        .description(policyDescription)
                        .policy(document)
                        .tags(tags)
                        .build(), child());
                return new RolePolicyAttachment(logicalName, RolePolicyAttachmentArgs.builder()
                        .role(role.name())
                        .policyArn(policy.arn())
                        .build(), child());
            });
            return this;
        }

        public IamRole build() {
            var args = RoleArgs.builder()
                    .name(roleName)
                    .assumeRolePolicy(Objects.requireNonNull(trust, "trust"))
                    .tags(tags);
            if (description != null) {
                args.description(description);
            }
            var role = new Role(logicalName, args.build(), child());
            return new IamRole(role, grants.stream().map(grant -> grant.apply(role)).toList());
        }
    }
}
