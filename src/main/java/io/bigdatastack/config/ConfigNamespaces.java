package io.bigdatastack.config;

import io.bigdatastack.addons.Dashboard;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Configuration that can only be a mistake: a key under a namespace nothing reads (a misspelt project name, say),
 * an {@code aws:} key the AWS provider does not have, an EMR namespace that another owner manages. Such keys are
 * otherwise silently ignored, and a stack quietly falls back to defaults (protection off in prod).
 */
final class ConfigNamespaces {

    /** Namespaces read by this program besides the project's own: the AWS provider and Pulumi itself. */
    static final String AWS = "aws";
    static final String PULUMI = "pulumi";

    /**
     * The AWS provider's settings, as the provider SDK declares them: one accessor per key on
     * {@code com.pulumi.aws.Config} (generated from the provider schema of com.pulumi:aws 6.83.0).
     */
    static final Set<String> AWS_SETTINGS = awsSettings();

    /**
     * Namespaces Kubernetes itself owns (https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces),
     * and those of other components of this program: two owners of one namespace means one later deletes the other's.
     */
    static final List<String> SYSTEM_NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

    private ConfigNamespaces() {
    }

    private static Set<String> awsSettings() {
        try {
            // Not initialized: its static initializer reads the running deployment's config.
            var config = Class.forName("com.pulumi.aws.Config", false, ConfigNamespaces.class.getClassLoader());
            return Arrays.stream(config.getDeclaredMethods())
                    .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && m.getReturnType() == Optional.class)
                    .map(Method::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("com.pulumi.aws.Config is missing: the AWS provider SDK is not on the classpath", e);
        }
    }

    /** Problems for keys outside our namespace, {@code aws} and {@code pulumi}, and for unknown {@code aws:} keys. */
    static void check(ConfigSource source, Set<String> projectKeys, ConfigReader reader) {
        var project = source.project();
        var known = Stream.concat(projectKeys.stream(), AWS_SETTINGS.stream().map(s -> AWS + ":" + s)).toList();
        source.qualifiedKeys().stream().sorted().forEach(key -> {
            int colon = key.indexOf(':');
            var namespace = colon < 0 ? "" : key.substring(0, colon);
            if (namespace.equals(project) || namespace.equals(PULUMI)) {
                return; // our unknown keys are reported by StackConfig; pulumi: keys are the CLI's
            }
            if (namespace.equals(AWS)) {
                if (!AWS_SETTINGS.contains(key.substring(colon + 1))) {
                    reader.problem(key + ": not a setting of the AWS provider" + suggestion(key, known)
                            + " (its settings: " + String.join(", ", AWS_SETTINGS) + ")");
                }
                return;
            }
            reader.problem(key + ": namespace '" + namespace + "' is read by nothing in this program (keys live under '"
                    + project + ":', 'aws:' or 'pulumi:')" + suggestion(key, known));
        });
    }

    /** An EMR namespace that Kubernetes or another component already owns. */
    static Optional<String> emrNamespaceOwner(String namespace) {
        if (SYSTEM_NAMESPACES.contains(namespace)) {
            return Optional.of("a namespace of its own, not the Kubernetes system namespace '" + namespace
                    + "' (the stack creates and, when the value changes, deletes the EMR namespace with everything in it)");
        }
        if (namespace.equals(Dashboard.NAMESPACE)) {
            return Optional.of("a namespace of its own, not '" + namespace + "', which the dashboard component creates"
                    + " (two owners of one namespace means one later deletes the other's)");
        }
        return Optional.empty();
    }

    /** {@code "; did you mean 'x'?"} for the nearest of {@code known} by edit distance, when near enough; else empty. */
    static String suggestion(String key, java.util.Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(k -> distance(key.toLowerCase(), k.toLowerCase())))
                .filter(k -> distance(key.toLowerCase(), k.toLowerCase()) <= Math.max(2, key.length() / 8))
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("");
    }

    /** Levenshtein edit distance. */
    static int distance(String a, String b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
