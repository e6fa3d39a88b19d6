package io.bigdatastack.cost;

import com.pulumi.aws.budgets.Budget;
import com.pulumi.aws.budgets.BudgetArgs;
import com.pulumi.aws.budgets.inputs.BudgetCostFilterArgs;
import com.pulumi.aws.budgets.inputs.BudgetNotificationArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.iam.PolicyDocument;
import io.bigdatastack.iam.PolicyDocument.Statement;
import io.bigdatastack.naming.StackNaming;
import io.bigdatastack.naming.Tags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS Budgets per team and for the platform: a monthly cost budget per owner, filtered on the tags that identify the
 * owner's spend in billing data, alerting at 80% of actual and 100% of forecast spend to the stack's budget topic
 * (SNS, encrypted with its own KMS key) and to the owner's e-mail addresses.
 *
 * <p>Filters (cost allocation tags must be active for Budgets to see them: {@code costAllocationTags}, see
 * docs/cost-attribution.md):
 * <ul>
 *   <li>a team: {@code user:team$<team>} (the team's tagged resources) or {@code aws:eks:namespace$<namespace>} (the
 *       tag split cost allocation data puts on the team's pods); Budgets matches either value of one filter.</li>
 *   <li>the platform: {@code user:stack$<stack>}, the whole stack's tagged spend.</li>
 * </ul>
 * AWS documents split cost allocation data for the Cost and Usage Report; this program found no AWS statement that
 * Budgets divides an instance's cost among its pods. The namespace filter is kept because it is the documented tag of
 * those lines; the per-team view over the export is the figure to trust (docs/cost-attribution.md says so).
 *
 * <p>Topic and key policies follow AWS's budget notification guide
 * (https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html): {@code budgets.amazonaws.com}
 * may publish (and use the key) only for this account ({@code aws:SourceAccount}) and only for this stack's budgets
 * ({@code aws:SourceArn}, the budgets' ARNs).
 */
public final class TeamBudgets extends ComponentResource {

    public static final String TYPE = "bigdata:cost:TeamBudgets";

    /** The service principal of AWS Budgets. */
    public static final String BUDGETS_PRINCIPAL = "budgets.amazonaws.com";

    /** Alert when actual spend passes this share of the limit. */
    public static final double ACTUAL_THRESHOLD_PERCENT = 80;
    /** Alert when forecast spend passes this share of the limit. */
    public static final double FORECAST_THRESHOLD_PERCENT = 100;

    private final Output<String> topicArn;
    private final Map<String, Output<String>> budgetNames;

    public TeamBudgets(String name, TeamBudgetsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var names = args.budgets.stream().map(spec -> budgetName(args.namePrefix, spec)).toList();
        var budgetArns = args.scope.applyValue(scope -> names.stream().map(n -> budgetArn(scope, n)).toList());

        // --- The alert topic, encrypted with a key Budgets may use only for these budgets ---
        var key = new Key(name + "-alerts-key", KeyArgs.builder()
                .description("Encrypts the budget alert topic of " + args.namePrefix)
                .enableKeyRotation(true)
                .policy(Output.tuple(args.scope, budgetArns).applyValue(t -> keyPolicy(t.t1, t.t2).toJson()))
                .tags(args.tags)
                .build(), child);
        var topic = new Topic(name + "-alerts", TopicArgs.builder()
                .name(args.namePrefix + "-budget-alerts")
                .displayName("Budget alerts of " + args.namePrefix)
                .kmsMasterKeyId(key.arn())
                .tags(args.tags)
                .build(), child);
        var topicPolicy = new TopicPolicy(name + "-alerts-policy", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(Output.tuple(args.scope, topic.arn(), budgetArns).applyValue(t -> topicPolicy(t.t1, t.t2, t.t3).toJson()))
                .build(), child);
        this.topicArn = topic.arn();

        // --- One budget per owner ---
        var created = new LinkedHashMap<String, Output<String>>();
        for (var spec : args.budgets) {
            var notifications = new ArrayList<BudgetNotificationArgs>();
            for (var alert : List.of(new Object[]{"ACTUAL", ACTUAL_THRESHOLD_PERCENT}, new Object[]{"FORECASTED", FORECAST_THRESHOLD_PERCENT})) {
                var notification = BudgetNotificationArgs.builder()
                        .notificationType((String) alert[0])
                        .comparisonOperator("GREATER_THAN")
                        .threshold((Double) alert[1])
                        .thresholdType("PERCENTAGE")
                        .subscriberSnsTopicArns(topic.arn().applyValue(List::of));
                if (!spec.emails().isEmpty()) {
                    notification.subscriberEmailAddresses(spec.emails());
                }
                notifications.add(notification.build());
            }
            var budget = new Budget(name + "-" + (spec.isPlatform() ? "platform" : "team-" + spec.owner()), BudgetArgs.builder()
                    .name(budgetName(args.namePrefix, spec))
                    .budgetType("COST")
                    .timeUnit("MONTHLY")
                    .limitAmount(spec.monthlyLimit().toPlainString())
                    .limitUnit("USD")
                    .costFilters(costFilter(args.stack, spec))
                    .notifications(notifications)
                    .tags(spec.isPlatform() ? args.tags : Tags.with(args.tags, StackNaming.TAG_TEAM, spec.owner()))
                    .build(), CustomResourceOptions.builder().parent(this)
                    // Budgets publishes to the topic from the first alert on: its permissions come first.
                    .dependsOn(topicPolicy, key)
                    .build());
            created.put(budgetName(args.namePrefix, spec), budget.name());
        }
        this.budgetNames = Map.copyOf(created);
        registerOutputs(Map.of("topicArn", topicArn));
    }

    /** {@code <project>-<stack>-platform}, or {@code <project>-<stack>-team-<team>}: budget names are unique per account. */
    public static String budgetName(String namePrefix, TeamBudgetsArgs.BudgetSpec spec) {
        return namePrefix + (spec.isPlatform() ? "-platform" : "-team-" + spec.owner());
    }

    /** Budgets are global: {@code arn:<partition>:budgets::<account>:budget/<name>}. */
    static String budgetArn(AwsScope scope, String budgetName) {
        return "arn:" + scope.partition() + ":budgets::" + scope.accountId() + ":budget/" + budgetName;
    }

    /**
     * The filter identifying an owner's spend: Budgets' {@code TagKeyValue} dimension takes {@code user:<key>$<value>}
     * for user tags and {@code aws:<key>$<value>} for AWS-generated ones
     * (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Budget.html, CostFilters).
     */
    public static BudgetCostFilterArgs costFilter(String stack, TeamBudgetsArgs.BudgetSpec spec) {
        var values = spec.isPlatform()
                ? List.of("user:" + StackNaming.TAG_STACK + "$" + stack)
                : List.of("user:" + StackNaming.TAG_TEAM + "$" + spec.owner(), "aws:eks:namespace$" + spec.namespace().orElseThrow());
        return BudgetCostFilterArgs.builder().name("TagKeyValue").values(values).build();
    }

    /**
     * The key's policy: the account administers it (AWS's default key policy statement, without which the key could not
     * be managed at all: https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html), and Budgets may
     * use it to publish to the encrypted topic, for this account's budgets of this stack only.
     */
    public static PolicyDocument keyPolicy(AwsScope scope, List<String> budgetArns) {
        return PolicyDocument.of(
                Statement.allow("AccountAdministersKey")
                        .principal("AWS", scope.iamArn("root"))
                        .actions("kms:*")
                        .resources("*"),
                Statement.allow("BudgetsEncryptsAlerts")
                        .principal("Service", BUDGETS_PRINCIPAL)
                        .actions("kms:GenerateDataKey", "kms:Decrypt")
                        .resources("*")
                        .condition("StringEquals", "aws:SourceAccount", scope.accountId())
                        .condition("ArnLike", "aws:SourceArn", budgetArns));
    }

    /** Budgets may publish this stack's alerts; nobody may use the topic without TLS. */
    public static PolicyDocument topicPolicy(AwsScope scope, String topicArn, List<String> budgetArns) {
        return PolicyDocument.of(
                Statement.allow("BudgetsPublishesAlerts")
                        .principal("Service", BUDGETS_PRINCIPAL)
                        .actions("SNS:Publish")
                        .resources(topicArn)
                        .condition("StringEquals", "aws:SourceAccount", scope.accountId())
                        .condition("ArnLike", "aws:SourceArn", budgetArns),
                Statement.deny("DenyInsecureTransport")
                        .principal("AWS", "*")
                        .actions("SNS:Publish", "SNS:Subscribe", "SNS:Receive")
                        .resources(topicArn)
                        .condition("Bool", "aws:SecureTransport", "false"));
    }

    /** The budget alert topic (subscribe chat or paging to it). */
    public Output<String> topicArn() { return topicArn; }

    /** The budgets, by their names ({@link #budgetName}). */
    public Map<String, Output<String>> budgetNames() { return budgetNames; }
}
