package io.bigdatastack.cost;

import java.util.List;

/**
 * Inputs of {@link CostAllocationTags}.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form, and what changing it on a deployed
 * stack does.
 */
public final class CostAllocationTagsArgs {

    final List<String> tagKeys;

    private CostAllocationTagsArgs(Builder b) {
        this.tagKeys = List.copyOf(b.tagKeys);
        if (tagKeys.isEmpty() || tagKeys.stream().distinct().count() != tagKeys.size()) {
            throw new IllegalArgumentException("tagKeys: expected distinct tag keys, got " + tagKeys);
        }
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private List<String> tagKeys = CostAllocationTags.TAG_KEYS;

        /**
         * The tag keys to activate (default {@link CostAllocationTags#TAG_KEYS}). A key dropped from the list stays
         * active in the account (retained on delete); a key added is activated on the next update.
         */
        public Builder tagKeys(List<String> value) { this.tagKeys = value; return this; }

        /** The inputs; throws {@link IllegalArgumentException} when the keys are empty or repeat. */
        public CostAllocationTagsArgs build() { return new CostAllocationTagsArgs(this); }
    }
}
