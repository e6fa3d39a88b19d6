package io.bigdatastack.cost;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.bigdatastack.iam.AwsScope;
import io.bigdatastack.plan.AwsMockEngine;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.plan.PlanRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Budgets filter on what identifies their owner, alert at 80% actual and 100% forecast, through an encrypted topic. */
class TeamBudgetsTest {

    static final String ACCOUNT = AwsMockEngine.ACCOUNT_ID;
    /** The component's inputs as BigDataStack derives them for stack {@code test}. */
    static final io.bigdatastack.naming.StackNaming NAMING = new io.bigdatastack.naming.StackNaming("big-data-stack", "test");
    static final String PREFIX = NAMING.physical("");
    static final Map<String, String> TAGS = NAMING.commonTags();

    @AfterAll
    static void cleanup() {
        com.pulumi.test.PulumiTest.cleanup();
    }

    static final List<TeamBudgetsArgs.BudgetSpec> SPECS = List.of(
            new TeamBudgetsArgs.BudgetSpec(TeamBudgetsArgs.BudgetSpec.PLATFORM, Optional.empty(), new BigDecimal("2500"), List.of("platform@example.com")),
            new TeamBudgetsArgs.BudgetSpec("analytics", Optional.of("analytics"), new BigDecimal("1500.50"), List.of("a@example.com", "b@example.com")),
            new TeamBudgetsArgs.BudgetSpec("ml", Optional.of("ml"), new BigDecimal("300"), List.of()));

    private static Plan PLAN;

    // Planned once the class is initialized (the program's lambda runs on the engine's threads).
    @org.junit.jupiter.api.BeforeAll
    static void planIt() {
        PLAN = PlanRunner.run("big-data-stack", "test", "us-east-1", ctx -> new TeamBudgets("test-budgets", TeamBudgetsArgs.builder()
            .namePrefix(PREFIX)
            .stack("test")
            .scope(Output.of(new AwsScope(AwsScope.COMMERCIAL_PARTITION, "us-east-1", ACCOUNT)))
            .budgets(SPECS)
            .tags(TAGS)
            .build(), ComponentResourceOptions.Empty));
    }

    static Plan.Resource budget(String name) {
        return PLAN.named("aws:budgets/budget:Budget", name);
    }

    static List<String> filterValues(Plan.Resource budget) {
        var filters = budget.input("costFilters").orElseThrow().getAsJsonArray();
        assertEquals(1, filters.size());
        var filter = filters.get(0).getAsJsonObject();
        assertEquals("TagKeyValue", filter.get("name").getAsString());
        var values = new ArrayList<String>();
        filter.getAsJsonArray("values").forEach(v -> values.add(v.getAsString()));
        return values;
    }

    @Test
    void eachBudgetFiltersOnWhatIdentifiesItsOwner() {
        assertEquals(List.of("user:team$analytics", "aws:eks:namespace$analytics"), filterValues(budget("test-budgets-team-analytics")));
        assertEquals(List.of("user:team$ml", "aws:eks:namespace$ml"), filterValues(budget("test-budgets-team-ml")));
        assertEquals(List.of("user:stack$test"), filterValues(budget("test-budgets-platform")));
        var analytics = budget("test-budgets-team-analytics");
        assertEquals("big-data-stack-test-team-analytics", analytics.inputString("name"));
        assertEquals("1500.50", analytics.inputString("limitAmount"));
        assertEquals("USD", analytics.inputString("limitUnit"));
        assertEquals("COST", analytics.inputString("budgetType"));
        assertEquals("MONTHLY", analytics.inputString("timeUnit"));
        assertEquals("analytics", analytics.inputString("tags.team"));
        assertEquals("big-data-stack-test-platform", budget("test-budgets-platform").inputString("name"));
        assertFalse(budget("test-budgets-platform").input("tags.team").isPresent());
    }

    @Test
    void alertsAt80PercentActualAnd100PercentForecastToTheTopicAndTheOwnersAddresses() {
        var topicArn = "arn:aws:sns:us-east-1:" + ACCOUNT + ":big-data-stack-test-budget-alerts";
        for (var name : List.of("test-budgets-platform", "test-budgets-team-analytics", "test-budgets-team-ml")) {
            var notifications = budget(name).input("notifications").orElseThrow().getAsJsonArray();
            var seen = new ArrayList<String>();
            notifications.forEach(n -> {
                var o = n.getAsJsonObject();
                seen.add(o.get("notificationType").getAsString() + " " + o.get("comparisonOperator").getAsString() + " "
                        + o.get("threshold").getAsDouble() + " " + o.get("thresholdType").getAsString());
                assertEquals(List.of(topicArn), strings(o, "subscriberSnsTopicArns"), name);
            });
            assertEquals(List.of("ACTUAL GREATER_THAN 80.0 PERCENTAGE", "FORECASTED GREATER_THAN 100.0 PERCENTAGE"), seen, name);
        }
        var analytics = budget("test-budgets-team-analytics").input("notifications").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertEquals(List.of("a@example.com", "b@example.com"), strings(analytics, "subscriberEmailAddresses"));
        var ml = budget("test-budgets-team-ml").input("notifications").orElseThrow().getAsJsonArray().get(0).getAsJsonObject();
        assertFalse(ml.has("subscriberEmailAddresses"), "no address, the topic alone");
        // Budgets publish once the topic's policy lets them.
        assertTrue(budget("test-budgets-team-ml").dependencies().contains(PLAN.one("aws:sns/topicPolicy:TopicPolicy").urn()));
    }

    static List<String> strings(JsonObject object, String member) {
        var values = new ArrayList<String>();
        if (object.has(member)) {
            object.getAsJsonArray(member).forEach(v -> values.add(v.getAsString()));
        }
        return values;
    }

    @Test
    void theTopicIsEncryptedAndOnlyTheseBudgetsOfThisAccountMayPublish() {
        var topic = PLAN.one("aws:sns/topic:Topic");
        var key = PLAN.one("aws:kms/key:Key");
        assertTrue(topic.inputString("kmsMasterKeyId").startsWith("arn:aws:kms:us-east-1:" + ACCOUNT + ":key/"), topic.inputString("kmsMasterKeyId"));
        assertEquals("true", key.inputString("enableKeyRotation"));
        var budgetArns = List.of("arn:aws:budgets::" + ACCOUNT + ":budget/big-data-stack-test-platform",
                "arn:aws:budgets::" + ACCOUNT + ":budget/big-data-stack-test-team-analytics",
                "arn:aws:budgets::" + ACCOUNT + ":budget/big-data-stack-test-team-ml");

        var topicPolicy = JsonParser.parseString(PLAN.one("aws:sns/topicPolicy:TopicPolicy").inputString("policy")).getAsJsonObject();
        var publish = topicPolicy.getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals("budgets.amazonaws.com", publish.getAsJsonObject("Principal").get("Service").getAsString());
        assertEquals("SNS:Publish", publish.get("Action").getAsString());
        assertEquals(ACCOUNT, publish.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:SourceAccount").getAsString());
        assertEquals(budgetArns, strings(publish.getAsJsonObject("Condition").getAsJsonObject("ArnLike"), "aws:SourceArn"));
        var deny = topicPolicy.getAsJsonArray("Statement").get(1).getAsJsonObject();
        assertEquals("Deny", deny.get("Effect").getAsString());
        assertEquals("false", deny.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport").getAsString());

        var keyPolicy = JsonParser.parseString(key.inputString("policy")).getAsJsonObject();
        var budgets = keyPolicy.getAsJsonArray("Statement").get(1).getAsJsonObject();
        assertEquals(List.of("kms:GenerateDataKey", "kms:Decrypt"), strings(budgets, "Action"));
        assertEquals(ACCOUNT, budgets.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:SourceAccount").getAsString());
        assertEquals(budgetArns, strings(budgets.getAsJsonObject("Condition").getAsJsonObject("ArnLike"), "aws:SourceArn"));
        var admin = keyPolicy.getAsJsonArray("Statement").get(0).getAsJsonObject();
        assertEquals("arn:aws:iam::" + ACCOUNT + ":root", admin.getAsJsonObject("Principal").get("AWS").getAsString());
    }

    @Test
    void argsRefuseNoBudgetTwoBudgetsOfOneOwnerAndNonPositiveLimits() {
        var scope = Output.of(new AwsScope("aws", "us-east-1", ACCOUNT));
        assertThrows(IllegalArgumentException.class, () -> TeamBudgetsArgs.builder().namePrefix(PREFIX).stack("s").scope(scope).build());
        assertThrows(IllegalArgumentException.class, () -> TeamBudgetsArgs.builder().namePrefix(PREFIX).stack("s").scope(scope)
                .budgets(List.of(SPECS.get(1), SPECS.get(1))).build());
        assertThrows(IllegalArgumentException.class, () -> new TeamBudgetsArgs.BudgetSpec("ml", Optional.of("ml"), BigDecimal.ZERO, List.of()));
        // A team named "platform" is a team, not the stack's budget.
        var team = new TeamBudgetsArgs.BudgetSpec("platform", Optional.of("platform"), BigDecimal.TEN, List.of());
        assertFalse(team.isPlatform());
        assertEquals("p-team-platform", TeamBudgets.budgetName("p", team));
    }
}
