package io.bigdatastack.cost;

import io.bigdatastack.insight.ArchitectureDiagram;
import io.bigdatastack.insight.CostEstimate;
import io.bigdatastack.plan.Plan;
import io.bigdatastack.testing.TestStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.bigdatastack.testing.TestStacks.overrides;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole program with prod's settings, cost reports and two teams with budgets: what `plan prod` shows when a
 * platform owner turns everything on (the acceptance), and that without the keys nothing is registered.
 */
class CostAttributionPlanTest {

    @AfterAll
    static void cleanup() {
        com.pulumi.test.PulumiTest.cleanup();
    }

    static final Map<String, String> PROD_WITH_BUDGETS = overrides(
            "protectStatefulResources", "true",
            "costReports", "true",
            "costAllocationTags", "true",
            "monthlyBudget", "300",
            "budgetEmails", "[\"platform@example.com\"]",
            "teams", """
                    [{"name": "analytics", "monthlyBudget": 1500, "budgetEmails": ["analytics@example.com"]},
                     {"name": "ml", "monthlyBudget": 120}]""");

    static final Plan PLAN = TestStacks.plan(PROD_WITH_BUDGETS);

    @Test
    void everyPieceIsPlanned() {
        assertEquals(1, PLAN.ofType("aws:bcmdata/export:Export").size());
        assertEquals(1, PLAN.ofType("aws:athena/workgroup:Workgroup").size());
        assertEquals(1, PLAN.ofType("aws:glue/catalogDatabase:CatalogDatabase").size());
        assertEquals(List.of("cur2", "team_cost"), PLAN.ofType("aws:glue/catalogTable:CatalogTable").stream().map(r -> r.inputString("name")).toList());
        assertEquals(CostAllocationTags.TAG_KEYS, PLAN.ofType("aws:costexplorer/costAllocationTag:CostAllocationTag").stream()
                .map(r -> r.inputString("tagKey")).toList());
        PLAN.ofType("aws:costexplorer/costAllocationTag:CostAllocationTag").forEach(tag -> {
            assertTrue(tag.options().retainOnDelete(), tag.name() + ": a stack never deactivates an account-wide tag");
            assertEquals("Active", tag.inputString("status"));
        });
        assertEquals(List.of("big-data-stack-test-platform", "big-data-stack-test-team-analytics", "big-data-stack-test-team-ml"),
                PLAN.ofType("aws:budgets/budget:Budget").stream().map(r -> r.inputString("name")).toList());
        // The view maps both teams' namespaces; the cost bucket is protected like the others.
        var view = PLAN.named("aws:glue/catalogTable:CatalogTable", "test-cost-team-view");
        var sql = TeamCostView.decode(view.inputString("viewOriginalText"));
        assertTrue(sql.contains("c.resource_tags['aws_eks_namespace'] = 'analytics' THEN CAST('analytics' AS varchar)"), sql);
        assertTrue(sql.contains("c.resource_tags['aws_eks_namespace'] = 'ml' THEN CAST('ml' AS varchar)"), sql);
        assertTrue(PLAN.named("aws:s3/bucketV2:BucketV2", "test-cost-bucket").options().protect());
        assertTrue(PLAN.outputs().containsKey("CostReports") && PLAN.outputs().containsKey("BudgetAlertTopicArn"), PLAN.outputs().keySet().toString());
    }

    @Test
    void eachTeamsOwnResourcesCarryItsTeamTagButNotItsJobTemplate() {
        for (var team : List.of("analytics", "ml")) {
            var role = PLAN.named("aws:iam/role:Role", "test-emr-team-" + team + "-job-role");
            assertEquals(team, role.inputString("tags.team"));
            assertEquals(team, PLAN.named("aws:emrcontainers/virtualCluster:VirtualCluster", "test-emr-team-" + team + "-virtual-cluster")
                    .inputString("tags.team"));
            // A tag reaching the CloudFormation-held job template would replace it (and its ID).
            var template = PLAN.named("aws:cloudformation/stack:Stack", "test-emr-team-" + team + "-job-template");
            assertFalse(template.input("tags.team").isPresent());
            assertFalse(template.inputString("templateBody").contains("\"team\""), "no team tag in the template body");
        }
    }

    @Test
    void theCostSectionShowsEachTeamsIdleShareAndTheBudgets() {
        var cost = CostEstimate.of(PLAN, "us-east-1");
        assertEquals(List.of("analytics", "ml"), cost.teamShares().stream().map(CostEstimate.TeamShare::team).toList());
        var half = cost.monthlyTotal().divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP);
        cost.teamShares().forEach(share -> assertEquals(half, share.monthly()));
        var budgets = cost.budgets();
        assertEquals(List.of("platform", "analytics", "ml"), budgets.stream().map(CostEstimate.BudgetLine::owner).toList());
        assertEquals(List.of("user:team$analytics", "aws:eks:namespace$analytics"), budgets.get(1).filter());
        assertEquals(List.of("ACTUAL > 80%", "FORECASTED > 100%"), budgets.get(1).alerts());
        assertEquals(new BigDecimal("1500.00"), budgets.get(1).monthlyLimit());
        assertNull(budgets.get(1).note(), "1500 is above the team's share");
        // 300 is below the stack's idle cost, 120 below ml's share: both are called out.
        assertTrue(budgets.get(0).note().startsWith("below the stack's idle cost"), budgets.get(0).note());
        assertTrue(budgets.get(2).note().startsWith("less than the team's equal share"), budgets.get(2).note());
        var text = cost.toText();
        assertTrue(text.contains("Idle share per team"), text);
        assertTrue(text.contains("- analytics: " + "$" + half.toPlainString() + "/month"), text);
        assertTrue(text.contains("- big-data-stack-test-team-ml (ml): $120.00, filter user:team$ml or aws:eks:namespace$ml"), text);
        var json = cost.toJson();
        assertEquals(2, json.getAsJsonArray("teamShares").size());
        assertEquals(3, json.getAsJsonArray("budgets").size());
    }

    @Test
    void theDiagramDrawsTheCostPipelineAsOneBox() {
        var diagram = ArchitectureDiagram.of(PLAN);
        var mermaid = io.bigdatastack.insight.MermaidWriter.mermaid(diagram);
        assertTrue(mermaid.contains("Cost pipeline: CUR 2.0 export"), mermaid);
        assertEquals(1, mermaid.split("Cost pipeline", -1).length - 1, "one node for the whole pipeline");
        assertFalse(mermaid.contains("Athena workgroup<br/>") || mermaid.contains("[\"Glue database"), mermaid);
    }

    @Test
    void theCaveatsSayWhatToClick() {
        var caveats = CostCaveats.of(TestStacks.config(PROD_WITH_BUDGETS));
        assertEquals(2, caveats.size(), caveats.toString());
        assertTrue(caveats.get(0).contains("Cost Management preferences > Split cost allocation data"), caveats.get(0));
        assertTrue(caveats.get(1).startsWith("costAllocationTags:"), caveats.get(1));
        var withoutTags = CostCaveats.of(TestStacks.config(overrides("costReports", "true")));
        assertTrue(withoutTags.get(1).startsWith("costAllocationTags is false"), withoutTags.toString());
        assertEquals(List.of(), CostCaveats.of(TestStacks.config(overrides())));
    }

    @Test
    void withoutTheKeysNothingOfItIsRegistered() {
        var plain = TestStacks.planStackFile("dev");
        assertTrue(plain.resources().stream().noneMatch(r -> r.type().startsWith("bigdata:cost:")
                || r.type().startsWith("aws:budgets") || r.type().startsWith("aws:bcmdata")));
        assertEquals(List.of(), CostEstimate.of(plain, "us-west-2").budgets());
    }
}
