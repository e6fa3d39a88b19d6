package io.bigdatastack.cluster;

import java.util.Optional;

/**
 * Which AWS identity {@code aws eks get-token} signs with: an AWS CLI profile and/or a role to assume from it.
 *
 * <p>The Kubernetes provider must authenticate as the identity the AWS provider deploys with (the cluster creator,
 * the only admin when no {@code eksAdminRoleName} is set); when the stack sets {@code aws:profile} or
 * {@code aws:assumeRole}, the exec plugin would otherwise fall back to the ambient credentials and every Kubernetes
 * resource would fail Unauthorized. {@code update-kubeconfig} writes a profile as {@code AWS_PROFILE} in the exec
 * environment and a role as {@code --role-arn} (https://docs.aws.amazon.com/cli/latest/reference/eks/update-kubeconfig.html,
 * https://docs.aws.amazon.com/cli/latest/reference/eks/get-token.html); so do we.
 *
 * @param profile the AWS CLI profile name ({@code aws:profile}), or empty for the default credential chain; changing it
 *                updates the kubeconfig and so the Kubernetes provider
 * @param roleArn the ARN of the role to assume ({@code aws:assumeRole}), or empty; changing it updates the kubeconfig
 *                and so the Kubernetes provider
 */
public record AwsCredentials(Optional<String> profile, Optional<String> roleArn) {

    /** The ambient credentials (environment, default profile, instance role). */
    public static final AwsCredentials AMBIENT = new AwsCredentials(Optional.empty(), Optional.empty());

    public static AwsCredentials role(String roleArn) {
        return new AwsCredentials(Optional.empty(), Optional.of(roleArn));
    }

    /** The {@code --profile}/{@code --role-arn} options of an {@code aws} command line (leading space, or empty). */
    public String cliOptions() {
        return profile.map(p -> " --profile " + p).orElse("") + roleArn.map(r -> " --role-arn " + r).orElse("");
    }
}
