package io.bigdatastack.addons;

import io.bigdatastack.cluster.KubernetesVersions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one pinned Karpenter: chart (an OCI artifact whose version equals the app version) and the getting-started
 * CloudFormation template of that exact version, from which the controller policy, the node role's managed policies
 * and the interruption rules are read ({@link KarpenterTemplate}).
 *
 * <p>Why 1.14.1: the newest release whose template and compatibility matrix could be read here; its matrix
 * (https://karpenter.sh/v1.14/upgrading/compatibility/) requires Karpenter 1.5 for Kubernetes 1.33, 1.6 for 1.34, 1.9
 * for 1.35 and 1.13 for 1.36, which {@link KubernetesVersions#karpenterMinimum} records beside the other version
 * data. A Kubernetes version whose minimum is above {@link #VERSION} is refused with {@code nodeProvisioner:
 * karpenter} ({@link #check}).
 */
public final class KarpenterVersions {

    /** Chart version = app version (https://karpenter.sh/v1.14/getting-started/getting-started-with-karpenter/). */
    public static final String VERSION = "1.14.1";
    /** The chart as an OCI reference; Helm needs no repository for it. */
    public static final String CHART = "oci://public.ecr.aws/karpenter/karpenter";

    /** Where the template was taken from, unchanged. */
    public static final String TEMPLATE_SOURCE = "https://raw.githubusercontent.com/aws/karpenter-provider-aws/"
            + "692ccdd0629e488300821443f0fa0bc3c3e08047/website/content/en/v1.14/getting-started/getting-started-with-karpenter/cloudformation.yaml";
    static final String TEMPLATE_RESOURCE = "/addons/karpenter/v" + VERSION + "/cloudformation.yaml";

    private KarpenterVersions() {
    }

    /** The upstream getting-started template of {@link #VERSION}, as published (YAML text). */
    public static String template() {
        try (InputStream in = KarpenterVersions.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TEMPLATE_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For config validation with {@code nodeProvisioner: karpenter}: the expected form when the pinned Karpenter does
     * not support {@code kubernetesVersion} (no row in the table, or a minimum above {@link #VERSION}).
     */
    public static Optional<String> check(String kubernetesVersion) {
        var minimum = KubernetesVersions.karpenterMinimum(kubernetesVersion);
        if (minimum.isPresent() && compare(VERSION, minimum.get()) >= 0) {
            return Optional.empty();
        }
        var supported = KubernetesVersions.minors().stream()
                .filter(minor -> KubernetesVersions.karpenterMinimum(minor).map(min -> compare(VERSION, min) >= 0).orElse(false))
                .toList();
        return Optional.of("a Kubernetes version the pinned Karpenter " + VERSION + " supports (its compatibility matrix, "
                + "KubernetesVersions.karpenterMinimum): " + String.join(", ", supported)
                + minimum.map(min -> "; Kubernetes " + kubernetesVersion + " needs Karpenter " + min + " or later").orElse(""));
    }

    /** Compares dotted versions numerically ({@code 1.9} before {@code 1.13}). */
    static int compare(String left, String right) {
        var l = Arrays.stream(left.split("\\.")).mapToInt(Integer::parseInt).toArray();
        var r = Arrays.stream(right.split("\\.")).mapToInt(Integer::parseInt).toArray();
        for (int i = 0; i < Math.max(l.length, r.length); i++) {
            int a = i < l.length ? l[i] : 0;
            int b = i < r.length ? r[i] : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }
}
