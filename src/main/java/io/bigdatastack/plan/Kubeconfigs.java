package io.bigdatastack.plan;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the kubeconfig of a Kubernetes provider in a plan file
 * (https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/). The change review needs only
 * the active cluster entry; the plan package imports nothing of the program (ArchitectureTest), so this is not the
 * stack-file reader of the command line, but the same SnakeYAML safe loading.
 */
final class Kubeconfigs {

    private Kubeconfigs() {
    }

    /**
     * The cluster entry the kubeconfig's active context uses ({@code server}, {@code certificate-authority-data}, ...),
     * as pulumi-kubernetes picks it to decide whether its provider now points at another cluster: the
     * {@code context} and {@code cluster} provider inputs, when given, override the kubeconfig's own choice. Empty
     * when the text is not a readable kubeconfig (e.g. a secret placeholder).
     */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> activeCluster(String kubeconfig, Optional<String> context, Optional<String> cluster) {
        try {
            var loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(kubeconfig);
            if (!(loaded instanceof Map<?, ?> document)) {
                return Optional.empty();
            }
            var current = context.orElse(String.valueOf(document.get("current-context")));
            var clusterName = cluster.orElseGet(() -> named(document.get("contexts"), current)
                    .map(c -> c.get("context")).filter(Map.class::isInstance)
                    .map(c -> String.valueOf(((Map<String, Object>) c).get("cluster"))).orElse(""));
            return named(document.get("clusters"), clusterName).map(c -> c.get("cluster")).filter(Map.class::isInstance)
                    .map(c -> (Map<String, Object>) c);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> named(Object list, String name) {
        if (!(list instanceof List<?> entries)) {
            return Optional.empty();
        }
        return entries.stream().filter(Map.class::isInstance).map(e -> (Map<String, Object>) e)
                .filter(e -> name.equals(String.valueOf(e.get("name")))).findFirst();
    }

}
