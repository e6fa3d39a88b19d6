package io.bigdatastack.cluster;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kubeconfig for an EKS cluster whose credentials come from {@code aws eks get-token}, so no token is ever stored
 * (https://docs.aws.amazon.com/eks/latest/userguide/create-kubeconfig.html).
 */
public final class Kubeconfig {

    /** The exec-credential API version {@code aws eks get-token} emits (AWS CLI v2). */
    public static final String EXEC_API_VERSION = "client.authentication.k8s.io/v1beta1";

    private Kubeconfig() {
    }

    public static String render(String clusterName, String endpoint, String certificateAuthorityData, String region,
                                Optional<String> roleArn) {
        return render(clusterName, endpoint, certificateAuthorityData, region, new AwsCredentials(Optional.empty(), roleArn));
    }

    /** As {@code update-kubeconfig} writes it: the role as {@code --role-arn}, the profile as {@code AWS_PROFILE}. */
    public static String render(String clusterName, String endpoint, String certificateAuthorityData, String region,
                                AwsCredentials credentials) {
        var args = new ArrayList<>(List.of("eks", "get-token", "--cluster-name", clusterName, "--region", region, "--output", "json"));
        credentials.roleArn().ifPresent(arn -> args.addAll(List.of("--role-arn", arn)));

        var exec = new LinkedHashMap<String, Object>();
        exec.put("apiVersion", EXEC_API_VERSION);
        exec.put("command", "aws");
        exec.put("args", args);
        credentials.profile().ifPresent(profile -> exec.put("env", List.of(entry("name", "AWS_PROFILE", "value", profile))));
        exec.put("interactiveMode", "Never");

        // Ordered maps only: Map.of iterates in a different order in every JVM, and the text must be the same on
        // every run, or each `pulumi up` would see a changed provider configuration.
        var document = new LinkedHashMap<String, Object>();
        document.put("apiVersion", "v1");
        document.put("kind", "Config");
        document.put("clusters", List.of(entry("name", clusterName,
                "cluster", entry("server", endpoint, "certificate-authority-data", certificateAuthorityData))));
        document.put("contexts", List.of(entry("name", clusterName, "context", entry("cluster", clusterName, "user", clusterName))));
        document.put("current-context", clusterName);
        document.put("users", List.of(entry("name", clusterName, "user", entry("exec", exec))));

        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(document);
    }

    /**
     * The cluster entry the kubeconfig's active context uses ({@code server}, {@code certificate-authority-data}, ...),
     * as pulumi-kubernetes picks it to decide whether its provider now points at another cluster: the
     * {@code context} and {@code cluster} provider inputs, when given, override the kubeconfig's own choice. Empty
     * when the text is not a readable kubeconfig (e.g. a secret placeholder).
     */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> activeCluster(String kubeconfig, Optional<String> context, Optional<String> cluster) {
        try {
            var loaded = new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions())).load(kubeconfig);
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

    /** A map that keeps its keys in the order given (alternating keys and values). */
    private static Map<String, Object> entry(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
