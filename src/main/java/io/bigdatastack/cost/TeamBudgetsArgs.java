package io.bigdatastack.cost;

import com.pulumi.core.Output;
import io.bigdatastack.iam.AwsScope;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link TeamBudgets}.
 *
 * <p>Each input is documented at its {@link Builder} setter: what it is, its form, and what changing it on a deployed
 * stack does (update in place or replace).
 */
public final class TeamBudgetsArgs {

    final String namePrefix;
    final String stack;
    final Output<AwsScope> scope;
    final List<BudgetSpec> budgets;
    final Map<String, String> tags;

    private TeamBudgetsArgs(Builder b) {
        this.namePrefix = Objects.requireNonNull(b.namePrefix, "namePrefix");
        this.stack = Objects.requireNonNull(b.stack, "stack");
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.budgets = List.copyOf(b.budgets);
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("budgets: expected at least one (the component is built only when a budget is configured)");
        }
        if (budgets.stream().map(spec -> spec.isPlatform() + "|" + spec.owner()).distinct().count() != budgets.size()) {
            throw new IllegalArgumentException("budgets: expected one budget per owner, got " + budgets);
        }
        this.tags = Map.copyOf(b.tags);
    }

    /**
     * One budget: whose spend it watches, the monthly limit, and who is alerted besides the stack's topic.
     *
     * @param owner        a team name, or {@link BudgetSpec#PLATFORM} for the stack's own budget
     * @param namespace    the team's Kubernetes namespace (empty for the platform)
     * @param monthlyLimit the limit in USD per calendar month
     * @param emails       addresses alerted directly by AWS Budgets (at most 10)
     */
    public record BudgetSpec(String owner, java.util.Optional<String> namespace, java.math.BigDecimal monthlyLimit, List<String> emails) {

        /** The owner of the budget on the whole stack. */
        public static final String PLATFORM = "platform";

        public BudgetSpec {
            emails = List.copyOf(emails);
            if (monthlyLimit.signum() <= 0) {
                throw new IllegalArgumentException("monthlyLimit: expected a positive amount, got " + monthlyLimit);
            }
        }

        /** Whether this is the stack's own budget (filtered on the {@code stack} tag) rather than a team's. */
        public boolean isPlatform() {
            return PLATFORM.equals(owner) && namespace.isEmpty();
        }
    }

    /** A builder; the inputs are documented at its setters. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String namePrefix;
        private String stack;
        private Output<AwsScope> scope;
        private List<BudgetSpec> budgets = List.of();
        private Map<String, String> tags = Map.of();

        /**
         * {@code <project>-<stack>}: the start of every budget's, the topic's and the key alias's name. A change
         * replaces the budgets (a budget's name is its identity: its history starts over) and the topic.
         */
        public Builder namePrefix(String value) { this.namePrefix = value; return this; }
        /** The {@code stack} tag value the platform budget filters on; a change updates that budget's filter. */
        public Builder stack(String value) { this.stack = value; return this; }
        /** Partition and account: budget ARNs in the topic's and key's policies. */
        public Builder scope(Output<AwsScope> value) { this.scope = value; return this; }
        /**
         * The budgets, one per owner; at least one. A limit, an address or a filter change updates a budget in place;
         * a team renamed replaces its budget; a team's budget removed deletes it.
         */
        public Builder budgets(List<BudgetSpec> value) { this.budgets = value; return this; }
        /** Tags of every taggable resource (the common tags); tag changes are in-place updates. */
        public Builder tags(Map<String, String> value) { this.tags = value; return this; }

        /**
         * The inputs; throws {@link NullPointerException} or {@link IllegalArgumentException} naming a required input
         * that is missing or wrong.
         */
        public TeamBudgetsArgs build() { return new TeamBudgetsArgs(this); }
    }
}
