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

    /** A map that keeps its keys in the order given (alternating keys and values). */
    private static Map<String, Object> entry(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
