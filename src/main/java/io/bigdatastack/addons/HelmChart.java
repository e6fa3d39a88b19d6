package io.bigdatastack.addons;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

/**
 * A chart pinned to one version of one repository, installed the same way for every add-on: atomically (a failed
 * install or upgrade rolls back instead of leaving a half-deployed release), cleaning up what a failed attempt
 * created, through the cluster's provider, after the resources it needs.
 */
public record HelmChart(String chart, String repository, String version) {

    /**
     * A chart published as an OCI artifact ({@code oci://<registry>/<path>}): Helm pulls it by that reference and
     * version, with no chart repository ({@code repository} is null).
     */
    public static HelmChart oci(String reference, String version) {
        if (!reference.startsWith("oci://")) {
            throw new IllegalArgumentException("an OCI chart reference starts with oci://, got " + reference);
        }
        return new HelmChart(reference, null, version);
    }

    /** Long enough for a first image pull on a fresh node; a stuck rollout fails instead of hanging `pulumi up`. */
    public static final int TIMEOUT_SECONDS = 600;

    public Release install(String logicalName, String releaseName, String namespace, Output<Map<String, Object>> values,
                           Resource parent, Provider provider, List<Resource> dependsOn) {
        return install(logicalName, releaseName, namespace, values, parent, provider, dependsOn, false);
    }

    /**
     * As above; {@code skipCrds} leaves out the chart's crds/ directory, for a chart whose CRDs another release
     * installs and upgrades (Helm installs a crds/ directory once and never upgrades it).
     */
    public Release install(String logicalName, String releaseName, String namespace, Output<Map<String, Object>> values,
                           Resource parent, Provider provider, List<Resource> dependsOn, boolean skipCrds) {
        var args = ReleaseArgs.builder()
                .name(releaseName)
                .namespace(namespace)
                .chart(chart)
                .version(version);
        if (skipCrds) {
            args.skipCrds(true);
        }
        if (repository != null) {
            args.repositoryOpts(RepositoryOptsArgs.builder().repo(repository).build());
        }
        return new Release(logicalName, args
                .values(values)
                .atomic(true)
                .cleanupOnFail(true)
                .timeout(TIMEOUT_SECONDS)
                .build(), CustomResourceOptions.builder()
                .parent(parent)
                .provider(provider)
                // Pods need nodes on create; on destroy the release goes before the nodes it runs on.
                .dependsOn(dependsOn)
                .build());
    }
}
