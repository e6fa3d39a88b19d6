package io.bigdatastack.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One configuration key of the project, declared once in {@link ConfigKeys}: its name (under the project namespace),
 * its Pulumi config type, its default, its description and the check of a single value (each element, for an array).
 * Pulumi.yaml declares the same keys with the same types, defaults and descriptions; {@code PulumiYamlTest} keeps the
 * two equal. Rules that relate several keys are not here: they are pure functions of the domain package they belong
 * to, called once by {@link StackConfig}.
 *
 * @param name         the key under the project namespace, e.g. {@code azCount}
 * @param type         its Pulumi config type
 * @param defaultValue the value when the stack file does not set it ({@code null} for a structured key)
 * @param description  what the key means, word for word as in Pulumi.yaml
 * @param valueCheck   the expected form when a single value is wrong, else empty (values that are always accepted:
 *                     {@link #ANY_VALUE})
 */
public record ConfigKey(String name, Type type, Object defaultValue, String description,
                        Function<String, Optional<String>> valueCheck) {

    /** The check of a key whose every value is accepted (a boolean, or a key checked only with others). */
    public static final Function<String, Optional<String>> ANY_VALUE = value -> Optional.empty();

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(valueCheck, "valueCheck");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException(name + ": every key needs a description");
        }
    }

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

    public static ConfigKey string(String name, String defaultValue, String description) {
        return new ConfigKey(name, Type.STRING, defaultValue, description, ANY_VALUE);
    }

    public static ConfigKey integer(String name, int defaultValue, String description) {
        return new ConfigKey(name, Type.INTEGER, defaultValue, description, ANY_VALUE);
    }

    public static ConfigKey bool(String name, boolean defaultValue, String description) {
        return new ConfigKey(name, Type.BOOLEAN, defaultValue, description, ANY_VALUE);
    }

    /** A structured key without a default (absent means "not set"). */
    public static ConfigKey structured(String name, String description) {
        return new ConfigKey(name, Type.STRUCTURED, null, description, ANY_VALUE);
    }

    public static ConfigKey array(String name, List<String> defaultValue, String description) {
        return new ConfigKey(name, Type.ARRAY, List.copyOf(defaultValue), description, ANY_VALUE);
    }

    /** This key with {@code check} as its single-value check (for an array: of each element). */
    public ConfigKey checkedBy(Function<String, Optional<String>> check) {
        return new ConfigKey(name, type, defaultValue, description, check);
    }

    /** The single-value check applied to {@code value}: the expected form, or empty when it is acceptable. */
    public Optional<String> check(String value) {
        return valueCheck.apply(value);
    }
}
