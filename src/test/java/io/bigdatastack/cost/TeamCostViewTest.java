package io.bigdatastack.cost;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The team mapping of the {@code team_cost} view: namespace for pod lines, team tag for tagged lines, platform for the rest. */
class TeamCostViewTest {

    static final TeamCostView.Scope SCOPE = new TeamCostView.Scope("big-data-stack", "prod", "big-data-stack-prod",
            List.of(new TeamCostView.TeamNamespace("analytics", "analytics"), new TeamCostView.TeamNamespace("ml", "ml")));
    static final String SQL = TeamCostView.sql("db_cost_abc123", SCOPE);

    /** The CASE expression producing {@code column}, as one string. */
    static String caseOf(String column) {
        var matcher = Pattern.compile("(CASE.*?END) AS " + column + ",", Pattern.DOTALL).matcher(SQL);
        assertTrue(matcher.find(), column + " in " + SQL);
        var expression = matcher.group(1);
        // The innermost CASE ending right before "AS <column>".
        return expression.substring(expression.lastIndexOf("CASE\n") >= 0 ? expression.lastIndexOf("CASE\n") : expression.lastIndexOf("CASE"));
    }

    @Test
    void podLinesOfTheClusterGoToTheTeamOfTheirNamespaceFirst() {
        var team = caseOf("team");
        var whens = team.split("\n    WHEN ");
        // analytics namespace, ml namespace, analytics tag, ml tag, then platform.
        assertEquals(5, whens.length, team);
        var pod = "c.split_line_item_parent_resource_id IS NOT NULL AND c.resource_tags['aws_eks_cluster_name'] = 'big-data-stack-prod'";
        assertEquals(pod + " AND c.resource_tags['aws_eks_namespace'] = 'analytics' THEN CAST('analytics' AS varchar)", whens[1]);
        assertEquals(pod + " AND c.resource_tags['aws_eks_namespace'] = 'ml' THEN CAST('ml' AS varchar)", whens[2]);
        var own = "(c.resource_tags['user_project'] = 'big-data-stack' AND c.resource_tags['user_stack'] = 'prod')";
        assertEquals(own + " AND c.resource_tags['user_team'] = 'analytics' THEN CAST('analytics' AS varchar)", whens[3]);
        assertTrue(whens[4].startsWith(own + " AND c.resource_tags['user_team'] = 'ml' THEN CAST('ml' AS varchar)\n    ELSE CAST('platform' AS varchar) END"),
                whens[4]);
    }

    @Test
    void attributionSaysWhyAndOnlyTheStacksTeamsCount() {
        var attribution = caseOf("attribution");
        assertTrue(attribution.contains("c.resource_tags['aws_eks_namespace'] IN ('analytics', 'ml') THEN CAST('namespace' AS varchar)"), attribution);
        assertTrue(attribution.contains("c.resource_tags['user_team'] IN ('analytics', 'ml') THEN CAST('team-tag' AS varchar)"), attribution);
        assertTrue(attribution.endsWith("ELSE CAST('platform' AS varchar) END"), attribution);
        // An unknown tag value or namespace (another stack's team, kube-system) is never a team of its own.
        assertFalse(SQL.contains("THEN c.resource_tags['user_team']") || SQL.contains("THEN c.resource_tags['aws_eks_namespace']"));
    }

    @Test
    void splitInstancesCountOnceThroughTheirPods() {
        assertTrue(SQL.contains("CASE WHEN c.split_line_item_parent_resource_id IS NOT NULL THEN COALESCE(c.split_line_item_split_cost, CAST(0 AS double))"
                + " + COALESCE(c.split_line_item_unused_cost, CAST(0 AS double)) WHEN n.node_id IS NOT NULL THEN CAST(0 AS double)"
                + " ELSE COALESCE(c.line_item_unblended_cost, CAST(0 AS double)) END AS cost"), SQL);
        assertTrue(SQL.contains("CASE WHEN c.split_line_item_parent_resource_id IS NOT NULL THEN COALESCE(c.split_line_item_unused_cost, CAST(0 AS double))"
                + " ELSE CAST(0 AS double) END AS idle_cost"), SQL);
        assertTrue(SQL.contains("LEFT JOIN (SELECT DISTINCT billing_period, split_line_item_parent_resource_id AS node_id FROM \"db_cost_abc123\".\"cur2\""
                + " WHERE split_line_item_parent_resource_id IS NOT NULL AND resource_tags['aws_eks_cluster_name'] = 'big-data-stack-prod') n"), SQL);
        assertTrue(SQL.contains("ON c.billing_period = n.billing_period AND c.line_item_resource_id = n.node_id"), SQL);
    }

    @Test
    void theViewKeepsToThisStacksLines() {
        assertTrue(SQL.endsWith("WHERE (c.resource_tags['user_project'] = 'big-data-stack' AND c.resource_tags['user_stack'] = 'prod')"
                + " OR c.resource_tags['aws_eks_cluster_name'] = 'big-data-stack-prod' OR n.node_id IS NOT NULL"), SQL);
        assertTrue(SQL.contains("c.resource_tags['user_emr_containers_amazonaws_com_job_id'] AS job_id"), SQL);
    }

    @Test
    void literalsCannotBreakOutOfTheirQuotes() {
        assertEquals("'it''s'", TeamCostView.literal("it's"));
        var scope = new TeamCostView.Scope("p'x", "s", "c", List.of(new TeamCostView.TeamNamespace("t", "t")));
        assertTrue(TeamCostView.sql("d", scope).contains("= 'p''x'"));
    }

    @Test
    void theDefinitionRoundTrips() {
        var text = TeamCostView.prestoViewText("db", "SELECT 1 AS x");
        assertTrue(TeamCostView.decode(text).contains("\"originalSql\":\"SELECT 1 AS x\""), TeamCostView.decode(text));
        assertTrue(TeamCostView.decode(text).contains("\"runAsInvoker\":false"));
    }
}
