package io.bigdatastack.config;

import com.pulumi.Context;

import com.google.gson.JsonParser;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where raw configuration values come from: the Pulumi engine during {@code pulumi up}, or the stack files read by
 * {@code plan}. Values are strings exactly as the Pulumi CLI hands them to a program (arrays as JSON text), so the
 * same {@link StackConfig#load} code parses both.
 */
public interface ConfigSource {

    /** The Pulumi project name (namespace of our keys). */
    String project();

    /** The stack name, e.g. {@code dev}. */
    String stack();

    /**
     * The raw value of a fully qualified key such as {@code big-data-stack:azCount} or {@code aws:region}.
     */
    Optional<String> get(String qualifiedKey);

    /** Every key that is set, so that a misspelt key is reported rather than silently ignored. */
    Set<String> qualifiedKeys();

    /** Whether the key was set with {@code pulumi config set --secret}: its value must stay a Pulumi secret. */
    default boolean isSecret(String qualifiedKey) {
        return false;
    }

    /**
     * Where a key was set, as {@code file:line} (e.g. {@code Pulumi.prod.yaml:12}), when known: {@code plan} reads the
     * stack file itself; under {@code pulumi up} the CLI hands over values only.
     */
    default Optional<String> location(String qualifiedKey) {
        return Optional.empty();
    }

    /** Reads from the running Pulumi program: the CLI has already merged Pulumi.yaml defaults into it. */
    static ConfigSource of(Context ctx) {
        return new ConfigSource() {
            @Override public String project() { return ctx.projectName(); }
            @Override public String stack() { return ctx.stackName(); }
            @Override public Optional<String> get(String qualifiedKey) {
                int colon = qualifiedKey.indexOf(':');
                return ctx.config(qualifiedKey.substring(0, colon)).get(qualifiedKey.substring(colon + 1));
            }
            @Override public Set<String> qualifiedKeys() {
                // The language host hands the program its whole config as JSON in PULUMI_CONFIG; the SDK has no
                // public way to list keys.
                var json = System.getenv("PULUMI_CONFIG");
                return json == null || json.isBlank() ? Set.of() : JsonParser.parseString(json).getAsJsonObject().keySet();
            }
            @Override public boolean isSecret(String qualifiedKey) {
                // The language host lists the keys set with --secret in PULUMI_CONFIG_SECRET_KEYS (a JSON array), as
                // the SDK's own Config reads it.
                var json = System.getenv("PULUMI_CONFIG_SECRET_KEYS");
                if (json == null || json.isBlank()) {
                    return false;
                }
                for (var element : JsonParser.parseString(json).getAsJsonArray()) {
                    if (element.getAsString().equals(qualifiedKey)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /** A fixed set of values, for {@code plan} and tests. */
    static ConfigSource of(String project, String stack, Map<String, String> values) {
        return of(project, stack, values, Set.of());
    }

    /** A fixed set of values of which {@code secretKeys} were set as secrets. */
    static ConfigSource of(String project, String stack, Map<String, String> values, Set<String> secretKeys) {
        return of(project, stack, values, secretKeys, Map.of());
    }

    /** As above, with where each key was set ({@link #location}). */
    static ConfigSource of(String project, String stack, Map<String, String> values, Set<String> secretKeys,
                           Map<String, String> locations) {
        var where = Map.copyOf(locations);
        var copy = Map.copyOf(values);
        var secrets = Set.copyOf(secretKeys);
        return new ConfigSource() {
            @Override public String project() { return project; }
            @Override public String stack() { return stack; }
            @Override public Optional<String> get(String qualifiedKey) { return Optional.ofNullable(copy.get(qualifiedKey)); }
            @Override public Set<String> qualifiedKeys() { return copy.keySet(); }
            @Override public boolean isSecret(String qualifiedKey) { return secrets.contains(qualifiedKey); }
            @Override public Optional<String> location(String qualifiedKey) { return Optional.ofNullable(where.get(qualifiedKey)); }
        };
    }
}
