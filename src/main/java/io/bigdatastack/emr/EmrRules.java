package io.bigdatastack.emr;

import io.bigdatastack.cluster.NodeAmi;

import java.util.List;
import java.util.Optional;

/**
 * The rules of EMR on EKS that relate several settings, as pure functions: each returns the expected form when the
 * settings break it, or empty. {@code StackConfig} calls each once, naming the config key; the Args of
 * {@link EmrOnEks} and {@link StudioEndpoint} assert the same function, so a rule is written once.
 */
public final class EmrRules {

    private EmrRules() {
    }

    /**
     * EKS Pod Identity for StartJobRun needs emr-7.3.0 or later (
     * https://docs.aws.amazon.com/cli/latest/reference/emr-containers/create-role-associations.html).
     *
     * @param releaseLabel a label {@link ReleaseLabel#parse} accepts
     */
    public static Optional<String> jobRoleBindingForRelease(JobRoleBinding binding, String releaseLabel) {
        var label = ReleaseLabel.parse(releaseLabel).orElseThrow(() -> new IllegalArgumentException(
                "releaseLabel: expected " + ReleaseLabel.EXPECTED + ", got " + releaseLabel));
        if (binding.usesPodIdentity() && !label.supportsPodIdentity()) {
            return Optional.of("irsa with emrReleaseLabel '" + releaseLabel + "': EMR on EKS jobs use EKS Pod Identity from"
                    + " emr-7.3.0 (set emrReleaseLabel to emr-7.3.0-latest or later)");
        }
        return Optional.empty();
    }

    /*
     * The interactive endpoint's prerequisites
     * (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/prereqs-for-studio.html).
     */

    /** The endpoint's pods take the job execution role through IRSA only, even where jobs use EKS Pod Identity. */
    public static Optional<String> endpointJobRoleBinding(JobRoleBinding binding) {
        return binding.usesIrsa() ? Optional.empty()
                : Optional.of("irsa or both when studioEndpoint is true: the interactive endpoint's pods take the job"
                + " execution role through IRSA only");
    }

    /** Interactive endpoints are documented for emr- releases from 6.7.0, not for emr-spark-. */
    public static Optional<String> endpointReleaseLabel(String releaseLabel) {
        return ReleaseLabel.parse(releaseLabel).filter(ReleaseLabel::supportsInteractiveEndpoints).isPresent() ? Optional.empty()
                : Optional.of("an emr-<x.y.z> release of 6.7.0 or later when studioEndpoint is true (interactive endpoints are"
                + " documented for emr- releases from 6.7.0, not for emr-spark-)");
    }

    /**
     * Interactive endpoints do not support EKS-optimized ARM AMIs: every node group the gateway and the kernels' Spark
     * pods can land on must be x86_64.
     */
    public static Optional<String> endpointInstanceTypes(List<String> instanceTypes) {
        return instanceTypes.stream().anyMatch(NodeAmi::isGraviton)
                ? Optional.of("x86_64 instance types when studioEndpoint is true: interactive endpoints do not support"
                + " EKS-optimized ARM AMIs")
                : Optional.empty();
    }
}
