package io.bigdatastack.config;

import java.util.List;

/**
 * One configuration key of the project: its name (under the project namespace), its Pulumi config type and its
 * default. Pulumi.yaml declares the same keys with the same types and defaults; {@code PulumiYamlTest} keeps the
 * two in step.
 */
public record ConfigKey(String name, Type type, Object defaultValue) {

    /** The types Pulumi.yaml's {@code config:} block accepts for project keys. */
    public enum Type {
        STRING("string"), INTEGER("integer"), BOOLEAN("boolean"), ARRAY("array"),
        /**
         * A list of maps. Pulumi's project config schema types only string, integer, boolean and arrays of those
         * (https://www.pulumi.com/docs/iac/concepts/projects/project-file/#config-options), so Pulumi.yaml declares
         * such a key with a description and no type; StackConfig validates its shape.
         */
        STRUCTURED(null);

        public final String yamlName;

        Type(String yamlName) { this.yamlName = yamlName; }
    }

    public static ConfigKey string(String name, String defaultValue) { return new ConfigKey(name, Type.STRING, defaultValue); }

    public static ConfigKey integer(String name, int defaultValue) { return new ConfigKey(name, Type.INTEGER, defaultValue); }

    public static ConfigKey bool(String name, boolean defaultValue) { return new ConfigKey(name, Type.BOOLEAN, defaultValue); }

    /** A structured key without a default (absent means "not set"). */
    public static ConfigKey structured(String name) { return new ConfigKey(name, Type.STRUCTURED, null); }

    public static ConfigKey array(String name, List<String> defaultValue) { return new ConfigKey(name, Type.ARRAY, List.copyOf(defaultValue)); }
}
