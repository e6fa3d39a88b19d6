package io.bigdatastack.naming;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names and tags derived from project and stack, so that two stacks in one account never collide.
 *
 * <p>Logical (Pulumi) names start with the stack name ({@code dev-vpc}); physical names that AWS sees and that must be
 * unique per account or Region start with project and stack ({@code big-data-stack-dev-...}).
 */
public record StackNaming(String project, String stack) {

    public static final String TAG_PROJECT = "project";
    public static final String TAG_STACK = "stack";
    public static final String TAG_MANAGED_BY = "managed-by";
    /**
     * The tag naming the data team a resource belongs to (on the resources of each team of {@code teams}): the key
     * cost attribution and budgets read (io.bigdatastack.cost).
     */
    public static final String TAG_TEAM = "team";

    /** Prefix of logical resource names. */
    public String logicalPrefix() {
        return stack;
    }

    /** {@code <project>-<stack>-<suffix>}, or {@code <project>-<stack>} for an empty suffix. */
    public String physical(String suffix) {
        return suffix.isEmpty() ? project + "-" + stack : project + "-" + stack + "-" + suffix;
    }

    /** Tags every taggable AWS resource carries (the policy pack checks them). */
    public Map<String, String> commonTags() {
        var tags = new LinkedHashMap<String, String>();
        tags.put(TAG_PROJECT, project);
        tags.put(TAG_STACK, stack);
        tags.put(TAG_MANAGED_BY, "pulumi");
        return Map.copyOf(tags);
    }
}
